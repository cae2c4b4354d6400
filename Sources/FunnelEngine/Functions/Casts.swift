import FunnelData

/// The implicit conversions of `Cast`, one tight loop each.
enum Casts {
  static func apply(_ cast: Cast, _ c: Column) -> Column {
    let data: ColumnData
    switch cast {
    case .intToDouble, .decimalToDouble: data = .double(c.doubles)
    case .intToDecimal(let s):
      let p = Decimal64.intPowersOfTen[s]
      data = .decimal(c.int64s.map { $0 &* p }, scale: s)
    case .decimalToDecimal(let from, let to):
      data = .decimal(c.int64s.map { Decimal64.rescale($0, from: from, to: to) }, scale: to)
    case .dateToTimestamp: data = .timestamp(c.int32s.map { Int64($0) &* Timestamps.microsPerDay })
    case .dateToDays: data = .int(c.int32s.map { Int64($0) })
    case .timestampToDays: data = .double(c.int64s.map { Double($0) / Double(Timestamps.microsPerDay) })
    case .timestampToDate: data = .date(c.int64s.map { Timestamps.day(of: $0) })
    }
    return Column(data, validity: c.validity, hint: cast.target.isNumeric ? c.hint : .plain)
  }
}
