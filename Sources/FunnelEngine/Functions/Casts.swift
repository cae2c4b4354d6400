import FunnelData

/// The implicit conversions of `Cast`, one tight loop each. Widening an int
/// or decimal to a finer scale, and a date to microseconds, are checked: a
/// value that has no form in the target type throws `Overflow`.
enum Casts {
  static func apply(_ cast: Cast, _ c: Column) throws(Overflow) -> Column {
    let data: ColumnData
    switch cast {
    case .intToDouble, .decimalToDouble: data = .double(c.doubles)
    case .intToDecimal(let s):
      data = .decimal(try widen(c, by: s, to: cast.target), scale: s)
    case .decimalToDecimal(let from, let to):
      if to >= from {
        data = .decimal(try widen(c, by: to - from, to: cast.target), scale: to)
      } else {
        let p = Decimal64.intPowersOfTen[from - to]
        data = .decimal(c.int64s.map { $0 / p }, scale: to)
      }
    case .dateToTimestamp:
      let out = try CheckedArithmetic.map(c.int64s, validity: c.validity, type: .timestamp) {
        CheckedArithmetic.scale($0, by: Timestamps.microsPerDay)
      }
      data = .timestamp(out)
    case .dateToDays: data = .int(c.int32s.map { Int64($0) })
    case .timestampToDays: data = .double(c.int64s.map { Double($0) / Double(Timestamps.microsPerDay) })
    case .timestampToDate: data = .date(c.int64s.map { Timestamps.day(of: $0) })
    }
    return Column(data, validity: c.validity, hint: cast.target.isNumeric ? c.hint : .plain)
  }

  /// Units `digits` decimal places finer, checked.
  static func widen(_ c: Column, by digits: Int, to type: DataType) throws(Overflow) -> [Int64] {
    if digits == 0 { return c.int64s }
    let p = Decimal64.intPowersOfTen[digits]
    return try CheckedArithmetic.map(c.int64s, validity: c.validity, type: type) { CheckedArithmetic.scale($0, by: p) }
  }
}
