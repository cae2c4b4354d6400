import FunnelData

/// `count_distinct(x) by keys` when x's values span a dense range (ids,
/// codes, days) but groups times values is too large for a flag per pair.
enum DistinctCounter {
  /// The values (as offsets from `min`) are bucketed by group with a
  /// counting sort, so that each group's values lie together and in row
  /// order; then each group marks its values in an array with the group's
  /// number: a value is new to the group when its mark is not the group's.
  /// Linear in rows, one `Int32` per value of the range, no hashing. The
  /// groups are split in two halves of about as many values, each marked on
  /// a core of its own with its own array.
  static func countDense<T: FixedWidthInteger & SignedInteger>(
    _ keys: [T], valid: Bitmap?, min: Int64, slots: Int, groups g: [Int32], count: Int
  ) -> [Int64] {
    precondition(slots <= Int(UInt32.max), "countDense needs slots that a UInt32 can number")
    let n = keys.count
    var start = [Int](repeating: 0, count: count + 1)
    for i in 0..<n where valid?[i] ?? true { start[Int(g[i]) + 1] += 1 }
    for k in 0..<count { start[k + 1] += start[k] }
    let total = start[count]
    // The values themselves are moved, not row numbers: the marking pass
    // then reads one array in order instead of gathering from the keys.
    var bucketed = [UInt32](repeating: 0, count: total)
    var fill = start
    keys.withUnsafeBufferPointer { key in
      g.withUnsafeBufferPointer { g in
        bucketed.withUnsafeMutableBufferPointer { out in
          fill.withUnsafeMutableBufferPointer { fill in
            for i in 0..<n where valid?[i] ?? true {
              let k = Int(g[i])
              out[fill[k]] = UInt32(truncatingIfNeeded: Int64(key[i]) &- min)
              fill[k] += 1
            }
          }
        }
      }
    }
    // The group where the second half begins: the first whose values start
    // past the middle.
    var split = 0
    while split < count, start[split] < total / 2 { split += 1 }
    let ranges = [0..<split, split..<count]
    let shared = Shared(start: start, values: bucketed)
    let halves = Parallel.map(ranges.count) { half in
      shared.distinct(groups: ranges[half], slots: slots)
    }
    return halves[0] + halves[1]
  }

  /// What both halves read: where each group's values start, and the values.
  private struct Shared: Sendable {
    let start: [Int]
    let values: [UInt32]

    func distinct(groups: Range<Int>, slots: Int) -> [Int64] {
      guard !groups.isEmpty else { return [] }
      var mark = [Int32](repeating: -1, count: slots)
      var out = [Int64](repeating: 0, count: groups.count)
      values.withUnsafeBufferPointer { values in
        mark.withUnsafeMutableBufferPointer { mark in
          for group in groups {
            var distinct: Int64 = 0
            let tag = Int32(truncatingIfNeeded: group)
            for j in start[group]..<start[group + 1] {
              let slot = Int(values[j])
              if mark[slot] != tag {
                mark[slot] = tag
                distinct += 1
              }
            }
            out[group - groups.lowerBound] = distinct
          }
        }
      }
      return out
    }
  }
}
