/// The kinds of value one column holds, gathered over every row, and the type
/// they settle on: ints and decimals make a decimal, dates and timestamps a
/// timestamp, anything else mixed (or nothing at all) is text.
struct TypeTally {
  private static let numeric: UInt8 = 1, temporal: UInt8 = 2, boolean: UInt8 = 4, text: UInt8 = 8

  private var groups: UInt8 = 0
  private var sawDecimal = false
  private var sawDouble = false
  private var sawTimestamp = false
  private(set) var maxScale = 0
  private var maxIntegerDigits = 0

  /// Once true no further value can change the answer (it is text).
  var isSettled: Bool { groups & TypeTally.text != 0 || groups.nonzeroBitCount > 1 }

  /// What a field held, kept so that int, decimal, date, timestamp and bool
  /// columns need no second parse: `value` is units at `tag` places, a day
  /// (`tag` = `TypeTally.dayTag`), microseconds (`TypeTally.timestampTag`) or
  /// 0 / 1 (`TypeTally.boolTag`).
  typealias Parsed = (value: Int64, tag: UInt8)
  static let boolTag: UInt8 = 0xFD
  static let dayTag: UInt8 = 0xFE
  static let timestampTag: UInt8 = 0xFF

  /// Whether every value so far was an integer (its tag is then 0).
  private var onlyIntegers: Bool { groups == TypeTally.numeric && !sawDecimal && !sawDouble }

  /// The value of a field in a column of integers when it is a plain one
  /// (`-`, 1 to 18 digits, no leading zero), added as `add` would; nil for
  /// anything else, or in a column that is not all integers, to go through
  /// `add`. The common case of a load, made short.
  /// `readable` bytes from `p` may be read (at least `n`): with 16 or more,
  /// up to 16 digits are read as words (`digitWord`).
  @inline(__always)
  mutating func plainInt(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> Int64? {
    guard onlyIntegers else { return nil }
    let negative = p[0] == UInt8(ascii: "-")
    let first = negative ? 1 : 0
    let digits = n - first
    guard digits >= 1, digits <= 18 else { return nil }
    if digits > 1, p[first] == UInt8(ascii: "0") { return nil }
    var v: Int64 = 0
    if digits <= 16, readable - first >= 16 {
      let q = p + first
      if digits <= 8 {
        guard let x = TypeTally.digitWord(q, digits) else { return nil }
        v = x
      } else {
        guard let high = TypeTally.digitWord(q, digits - 8), let low = TypeTally.digitWord(q + digits - 8, 8)
        else { return nil }
        v = high &* 100_000_000 &+ low
      }
    } else {
      for i in first..<n {
        let d = p[i] &- 48
        if d >= 10 { return nil }
        v = v &* 10 &+ Int64(d)
      }
    }
    maxIntegerDigits = max(maxIntegerDigits, v == 0 ? 0 : digits)
    return negative ? -v : v
  }

  /// The value of the `k` (1 to 8) decimal digits at `p`, nil if one is not
  /// a digit; eight bytes from `p` are read. Hand-written because ids and
  /// counts are most of a CRM export's numbers: the digits are checked in one
  /// test and combined pairwise in three multiplications, where a digit at a
  /// time is a chain of eight dependent steps. The digits are moved to the
  /// top of the word, so the bytes below them read as leading zeros.
  @inline(__always)
  static func digitWord(_ p: UnsafePointer<UInt8>, _ k: Int) -> Int64? {
    let w = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    let keep: UInt64 = k >= 8 ? ~0 : (1 &<< UInt64(8 &* k)) &- 1
    let zeros = 0x3030_3030_3030_3030 & keep
    let highNibbles = 0xF0F0_F0F0_F0F0_F0F0 & keep
    // 0x30…0x39 have high nibble 3, and keep it when 6 is added; 0x3A…0x3F do not.
    guard w & highNibbles == zeros, (w &+ (0x0606_0606_0606_0606 & keep)) & highNibbles == zeros else {
      return nil
    }
    var v = ((w & keep) &- zeros) &<< UInt64(8 &* (8 &- k))
    v = (v &* 10 &+ (v &>> 8)) & 0x00FF_00FF_00FF_00FF
    v = (v &* 100 &+ (v &>> 16)) & 0x0000_FFFF_0000_FFFF
    v = (v &* 10_000 &+ (v &>> 32)) & 0xFFFF_FFFF
    return Int64(v)
  }

  /// Classifies one non-null field and adds it.
  @inline(__always)
  mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, rules: FieldRules) -> Parsed? {
    if rules.datePattern != nil, let m = rules.moment(p, n) { return addMoment(m) }
    // `2024-07-01…` is no number: the date is tried first.
    if n >= 10, p[4] == UInt8(ascii: "-"), let m = isoMoment(p, n) { return addMoment(m) }
    let first = p[0]
    if first &- 48 < 10 || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == rules.point {
      if let number = NumberText.scan(p, n, point: rules.point, group: rules.plainGroup) {
        if number.leadingZero {
          groups |= TypeTally.text
          return nil
        }
        return addNumber(number)
      }
      if first &- 48 < 10, let m = TemporalText.iso(p, n) { return addMoment(m) }
      groups |= TypeTally.text
      return nil
    }
    if let b = TemporalText.bool(p, n, extra: rules.boolTokens) {
      groups |= TypeTally.boolean
      return (b ? 1 : 0, TypeTally.boolTag)
    }
    groups |= TypeTally.text
    return nil
  }

  /// The day of the last ISO date read, by its ten bytes: exports are
  /// mostly in time order, so the next value usually falls on the same day
  /// and only its time of day is left to read.
  private var lastDate: (head: UInt64, tail: UInt16, day: Int32) = (0, 0, 0)

  /// `TemporalText.iso`, with the day remembered from the value before.
  @inline(__always)
  private mutating func isoMoment(_ p: UnsafePointer<UInt8>, _ n: Int) -> TemporalText.Moment? {
    let raw = UnsafeRawPointer(p)
    let head = raw.loadUnaligned(as: UInt64.self)
    let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
    if head != lastDate.head || tail != lastDate.tail {
      // What `TemporalText.iso` does, with the day kept: the date, then the time.
      guard case .date(let day)? = TemporalText.iso(p, 10) else { return nil }
      lastDate = (head, tail, day)
    }
    if n == 10 { return .date(lastDate.day) }
    guard let micros = TemporalText.time(p + 10, n - 10) else { return nil }
    return .timestamp(Int64(lastDate.day) * Timestamps.microsPerDay + micros)
  }

  @inline(__always)
  private mutating func addNumber(_ number: NumberText) -> Parsed? {
    groups |= TypeTally.numeric
    maxIntegerDigits = max(maxIntegerDigits, number.integerDigits)
    guard !number.hasExponent, let units = number.units else {
      sawDouble = true
      return nil
    }
    if number.hasPoint {
      sawDecimal = true
      maxScale = max(maxScale, number.scale)
    }
    return number.scale < 64 ? (units, UInt8(number.scale)) : nil
  }

  @inline(__always)
  private mutating func addMoment(_ m: TemporalText.Moment) -> Parsed {
    groups |= TypeTally.temporal
    switch m {
    case .date(let d): return (Int64(d), TypeTally.dayTag)
    case .timestamp(let t):
      sawTimestamp = true
      return (t, TypeTally.timestampTag)
    }
  }

  /// The column's type. Decimals that need more than 6 places, or would not fit
  /// an `Int64` at their scale, become doubles rather than lose digits.
  var type: DataType {
    if isSettled || groups == 0 { return .string }
    switch groups {
    case TypeTally.numeric:
      if sawDouble { return .double }
      if sawDecimal {
        return maxScale <= 6 && maxIntegerDigits + maxScale <= 18 ? .decimal(scale: maxScale) : .double
      }
      return .int
    case TypeTally.temporal: return sawTimestamp ? .timestamp : .date
    default: return .bool
    }
  }
}
