/// Medians of values collected per group: pairs are bucketed by group with a
/// counting sort, then each (small) bucket is sorted on its own.
struct GroupedMedian {
  private var groups: [Int32] = []
  private var values: [Int64] = []
  let groupCount: Int

  init(groupCount: Int) { self.groupCount = groupCount }

  mutating func add(_ value: Int64, group: Int) {
    groups.append(Int32(group))
    values.append(value)
  }

  /// The median of each group (mean of the two middle values for an even
  /// count); nil for a group with no values.
  func medians() -> [Double?] {
    var start = [Int](repeating: 0, count: groupCount + 1)
    for g in groups { start[Int(g) + 1] += 1 }
    for g in 0..<groupCount { start[g + 1] += start[g] }
    var fill = start
    var sorted = [Int64](repeating: 0, count: values.count)
    for i in 0..<values.count {
      let g = Int(groups[i])
      sorted[fill[g]] = values[i]
      fill[g] += 1
    }
    var out = [Double?](repeating: nil, count: groupCount)
    for g in 0..<groupCount {
      let lo = start[g], hi = start[g + 1]
      if hi == lo { continue }
      sorted[lo..<hi].sort()
      let n = hi - lo
      let mid = lo + n / 2
      out[g] = n % 2 == 1 ? Double(sorted[mid]) : (Double(sorted[mid - 1]) + Double(sorted[mid])) / 2
    }
    return out
  }
}
