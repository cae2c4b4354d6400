import FunnelData

/// `median` and `percentile` per group: the group's values sorted once, then
/// linear interpolation between the two nearest ranks (as DuckDB's
/// `quantile_cont`). The median of an even count is the mean of the two
/// middle values; of dates, that mean rounded down to a day (as DuckDB).
enum Quantiles {
  static func compute(
    _ arg: Column?, fraction p: Double, median: Bool, type: DataType, groups g: [Int32], count: Int
  ) -> Column {
    guard let arg else { return Column.empty(type, count: count, allNull: true) }
    let isDate = type == .date
    let values = isDate ? arg.int32s.map { Double($0) } : arg.doubles
    // (group, value) pairs sorted: each group's values run together, ascending.
    var pairs = [(Int32, Double)]()
    pairs.reserveCapacity(values.count)
    for i in 0..<values.count where !arg.isNull(i) { pairs.append((g[i], values[i])) }
    pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    var out = [Double](repeating: 0, count: count)
    var valid = [Bool](repeating: false, count: count)
    var start = 0
    while start < pairs.count {
      let group = pairs[start].0
      var end = start
      while end < pairs.count, pairs[end].0 == group { end += 1 }
      let m = end - start
      let position = p * Double(m - 1)
      let lo = Int(position.rounded(.down)), hi = min(lo + 1, m - 1)
      let a = pairs[start + lo].1, b = pairs[start + hi].1
      let interpolated = a + (b - a) * (position - Double(lo))
      out[Int(group)] = isDate ? interpolated.rounded(.down) : interpolated
      valid[Int(group)] = true
      start = end
    }
    if isDate { return Column(.date(out.map { Int32($0) }), validity: Bitmap(valid)) }
    return Column(.double(out), validity: Bitmap(valid), hint: arg.hint)
  }
}
