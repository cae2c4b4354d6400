/// A strftime-like pattern for reading dates and timestamps: `%Y` (4 digits),
/// `%y` (2 digits: 00–68 → 2000s, 69–99 → 1900s), `%m %d %H %M %S` (1 or 2
/// digits; `%S` may carry a fraction), `%%`, and literal bytes.
///
///     DatePattern("%d/%m/%Y") reads "31/01/2026" as 2026-01-31
///
/// A date-only pattern also takes a time after the date (` 14:30:00`).
struct DatePattern {
  private enum Piece: Equatable {
    case literal(UInt8)
    case year4, year2, month, day, hour, minute, second
  }

  private let pieces: [Piece]
  let hasTime: Bool

  /// Throws `DatePatternError` naming an unknown directive.
  init(_ text: String) throws {
    var pieces: [Piece] = []
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      guard bytes[i] == UInt8(ascii: "%") else {
        pieces.append(.literal(bytes[i]))
        i += 1
        continue
      }
      guard i + 1 < bytes.count else { throw DatePatternError(directive: "%") }
      switch bytes[i + 1] {
      case UInt8(ascii: "Y"): pieces.append(.year4)
      case UInt8(ascii: "y"): pieces.append(.year2)
      case UInt8(ascii: "m"): pieces.append(.month)
      case UInt8(ascii: "d"): pieces.append(.day)
      case UInt8(ascii: "H"): pieces.append(.hour)
      case UInt8(ascii: "M"): pieces.append(.minute)
      case UInt8(ascii: "S"): pieces.append(.second)
      case UInt8(ascii: "%"): pieces.append(.literal(UInt8(ascii: "%")))
      default: throw DatePatternError(directive: "%" + String(decoding: [bytes[i + 1]], as: UTF8.self))
      }
      i += 2
    }
    self.pieces = pieces
    hasTime = pieces.contains { $0 == .hour || $0 == .minute || $0 == .second }
  }

  /// The date or timestamp in the whole of `p[0..<n]`, or nil.
  func read(_ p: UnsafePointer<UInt8>, _ n: Int) -> TemporalText.Moment? {
    var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0
    var i = 0
    func number(_ maxDigits: Int, exact: Bool) -> Int? {
      var v = 0
      var k = 0
      while k < maxDigits, i < n, p[i] &- 48 < 10 {
        v = v * 10 + Int(p[i] &- 48)
        i += 1
        k += 1
      }
      return (k == 0 || (exact && k != maxDigits)) ? nil : v
    }
    for piece in pieces {
      switch piece {
      case .literal(let b):
        guard i < n, p[i] == b else { return nil }
        i += 1
      case .year4:
        guard let v = number(4, exact: true) else { return nil }
        year = v
      case .year2:
        guard let v = number(2, exact: true) else { return nil }
        year = v < 69 ? 2000 + v : 1900 + v
      case .month:
        guard let v = number(2, exact: false), (1...12).contains(v) else { return nil }
        month = v
      case .day:
        guard let v = number(2, exact: false) else { return nil }
        day = v
      case .hour:
        guard let v = number(2, exact: false), v < 24 else { return nil }
        hour = v
      case .minute:
        guard let v = number(2, exact: false), v < 60 else { return nil }
        minute = v
      case .second:
        guard let v = number(2, exact: false), v < 60 else { return nil }
        second = v
        if i < n, p[i] == UInt8(ascii: ".") {
          i += 1
          var scale = 100_000
          let start = i
          while i < n, p[i] &- 48 < 10 {
            micros += Int(p[i] &- 48) * scale
            scale /= 10
            i += 1
          }
          if i == start { return nil }
        }
      }
    }
    let date = CivilDate(year: year, month: month, day: day)
    guard date.isValid else { return nil }
    let days = date.daysSinceEpoch
    if i == n {
      if !hasTime { return .date(days) }
      let t = Int64((hour * 60 + minute) * 60 + second) * Timestamps.microsPerSecond + Int64(micros)
      return .timestamp(Int64(days) * Timestamps.microsPerDay + t)
    }
    guard !hasTime, let t = TemporalText.time(p + i, n - i) else { return nil }
    return .timestamp(Int64(days) * Timestamps.microsPerDay + t)
  }
}

/// An unknown `%` directive in a date pattern.
struct DatePatternError: Error {
  var directive: String
}
