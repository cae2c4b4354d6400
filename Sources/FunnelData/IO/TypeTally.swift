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

  /// Classifies one non-null field and adds it.
  @inline(__always)
  mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, rules: FieldRules) -> Parsed? {
    if rules.datePattern != nil, let m = rules.moment(p, n) { return addMoment(m) }
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
