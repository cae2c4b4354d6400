/// Readers of ISO dates and timestamps and of booleans, straight from field bytes.
enum TemporalText {
  /// A date or a timestamp read from text.
  enum Moment {
    case date(Int32)
    case timestamp(Int64)

    var asTimestamp: Int64 {
      switch self {
      case .date(let d): return Int64(d) * Timestamps.microsPerDay
      case .timestamp(let t): return t
      }
    }

    var asDate: Int32 {
      switch self {
      case .date(let d): return d
      case .timestamp(let t): return Timestamps.day(of: t)
      }
    }
  }

  @inline(__always)
  static func digits(_ p: UnsafePointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
    var v = 0
    for i in from..<(from + count) {
      let d = p[i] &- 48
      if d >= 10 { return nil }
      v = v * 10 + Int(d)
    }
    return v
  }

  /// `YYYY-MM-DD`, or that followed by a time (`T` or a space before it).
  @inline(__always)
  static func iso(_ p: UnsafePointer<UInt8>, _ n: Int) -> Moment? {
    guard n >= 10, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"),
      let y = digits(p, 0, 4), let m = digits(p, 5, 2), let d = digits(p, 8, 2)
    else { return nil }
    guard let day = TemporalText.day(year: y, month: m, day: d) else { return nil }
    if n == 10 { return .date(day) }
    guard let micros = time(p + 10, n - 10) else { return nil }
    return .timestamp(Int64(day) * Timestamps.microsPerDay + micros)
  }

  /// The day number of a date, nil when it names no day (2026-02-30).
  /// Years 1970–2225 take the first day of their year from a table, the
  /// rest go through `CivilDate`: a load reads a date a row, and the
  /// calendar arithmetic was a visible share of it.
  @inline(__always)
  static func day(year: Int, month: Int, day: Int) -> Int32? {
    guard month >= 1, month <= 12, day >= 1 else { return nil }
    let leap = CivilDate.isLeap(year)
    let index = (leap ? 13 : 0) + month
    guard day <= Int(monthDays[index]) else { return nil }
    let y = year &- 1970
    guard y >= 0, y < 256 else { return CivilDate(year: year, month: month, day: day).daysSinceEpoch }
    return yearStarts[y] &+ Int32(monthStarts[index]) &+ Int32(day &- 1)
  }

  /// Day numbers of January 1 of 1970 + i.
  private static let yearStarts: [Int32] = (0..<256).map { CivilDate(year: 1970 + $0, month: 1, day: 1).daysSinceEpoch }
  /// Days of each month, and days before it in its year: index `month` in a
  /// common year, `13 + month` in a leap year (index 0 and 13 unused).
  private static let monthDays: [UInt16] =
    [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    + [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  private static let monthStarts: [UInt16] = (0..<26).map { k in
    let leap = k >= 13
    let month = leap ? k - 13 : k
    guard month >= 1 else { return 0 }
    return UInt16((1..<month).reduce(0) { $0 + Int(monthDays[(leap ? 13 : 0) + $1]) })
  }

  /// The part after a date: ` HH:MM[:SS[.ffffff]][Z]` (or with `T`), as microseconds.
  static func time(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
    guard n >= 6, p[0] == UInt8(ascii: " ") || p[0] == UInt8(ascii: "T"), p[3] == UInt8(ascii: ":"),
      let h = digits(p, 1, 2), let mi = digits(p, 4, 2), h < 24, mi < 60
    else { return nil }
    var end = n
    if p[end - 1] == UInt8(ascii: "Z") { end -= 1 }
    var seconds = 0
    var micros = 0
    var i = 6
    if i < end {
      guard end >= 9, p[6] == UInt8(ascii: ":"), let s = digits(p, 7, 2), s < 60 else { return nil }
      seconds = s
      i = 9
      if i < end {
        guard p[i] == UInt8(ascii: "."), end > i + 1 else { return nil }
        i += 1
        var scale = 100_000
        while i < end {
          let d = p[i] &- 48
          if d >= 10 { return nil }
          // Digits past microseconds are dropped.
          micros += Int(d) * scale
          scale /= 10
          i += 1
        }
      }
    }
    return Int64((h * 60 + mi) * 60 + seconds) * Timestamps.microsPerSecond + Int64(micros)
  }

  /// `true` / `false` in any case, or the extra tokens (already lower-cased).
  @inline(__always)
  static func bool(_ p: UnsafePointer<UInt8>, _ n: Int, extra: (true: [UInt8], false: [UInt8])?) -> Bool? {
    if equalsLowered(p, n, trueBytes) { return true }
    if equalsLowered(p, n, falseBytes) { return false }
    if let extra {
      if equalsLowered(p, n, extra.true) { return true }
      if equalsLowered(p, n, extra.false) { return false }
    }
    return nil
  }

  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)

  /// ASCII case-insensitive comparison with a lower-case word.
  @inline(__always)
  static func equalsLowered(_ p: UnsafePointer<UInt8>, _ n: Int, _ word: [UInt8]) -> Bool {
    guard n == word.count else { return false }
    for i in 0..<n {
      var b = p[i]
      if b >= 65, b <= 90 { b += 32 }
      if b != word[i] { return false }
    }
    return true
  }
}

extension Timestamps {
  /// `2026-01-31`, `2026-01-31 09:30`, `2026-01-31T09:30:15.25Z` as microseconds
  /// (a date alone is its midnight); nil for anything else. The same reading
  /// the CSV loader gives a timestamp column, for text compared with one.
  public static func parse(_ text: String) -> Int64? {
    var bytes = Array(text.utf8)
    let n = bytes.count
    return bytes.withUnsafeMutableBufferPointer { buffer -> Int64? in
      guard let base = buffer.baseAddress else { return nil }
      return TemporalText.iso(UnsafePointer(base), n)?.asTimestamp
    }
  }
}
