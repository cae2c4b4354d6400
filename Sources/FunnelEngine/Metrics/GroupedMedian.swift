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
      if let middle = Self.middleByCounting(sorted[lo..<hi]) {
        out[g] = middle
        continue
      }
      sorted[lo..<hi].sort()
      let n = hi - lo
      let mid = lo + n / 2
      out[g] = n % 2 == 1 ? Double(sorted[mid]) : (Double(sorted[mid - 1]) + Double(sorted[mid])) / 2
    }
    return out
  }

  /// The median by counting, when the values span a small range (days between
  /// two dates do): one pass to count each value, one walk over the counts to
  /// the middle, instead of sorting hundreds of thousands of values.
  private static func middleByCounting(_ values: ArraySlice<Int64>) -> Double? {
    var low = Int64.max, high = Int64.min
    for v in values {
      if v < low { low = v }
      if v > high { high = v }
    }
    let (width, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow, width < 1 << 16 else { return nil }
    var counts = [Int](repeating: 0, count: Int(width) + 1)
    for v in values { counts[Int(v &- low)] += 1 }
    // The two middle ranks (equal for an odd count); their values' mean is the median.
    let n = values.count
    let firstRank = (n - 1) / 2, secondRank = n / 2
    var seen = 0
    var first: Int64? = nil
    for (offset, count) in counts.enumerated() where count > 0 {
      seen += count
      if first == nil, seen > firstRank { first = low + Int64(offset) }
      if seen > secondRank, let first {
        return (Double(first) + Double(low + Int64(offset))) / 2
      }
    }
    return nil
  }
}
