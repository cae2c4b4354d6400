import FunnelData

/// `count_distinct(x) by keys` when x's values span a dense range (ids,
/// codes, days) but groups times values is too large for a flag per pair.
enum DistinctCounter {
  /// Rows are bucketed by group with a counting sort, then each group's rows
  /// mark their values in one shared array with the group's number: a value
  /// is new to the group when its mark is not the group's. Linear in rows,
  /// one `Int32` per value of the range, no hashing.
  static func countDense(
    _ keys: [Int64], valid: Bitmap?, min: Int64, slots: Int, groups g: [Int32], count: Int
  ) -> [Int64] {
    let n = keys.count
    var start = [Int](repeating: 0, count: count + 1)
    for i in 0..<n { start[Int(g[i]) + 1] += 1 }
    for k in 0..<count { start[k + 1] += start[k] }
    var order = [Int32](repeating: 0, count: n)
    var fill = start
    for i in 0..<n {
      let k = Int(g[i])
      order[fill[k]] = Int32(i)
      fill[k] += 1
    }
    var mark = [Int32](repeating: -1, count: slots)
    var out = [Int64](repeating: 0, count: count)
    keys.withUnsafeBufferPointer { key in
      mark.withUnsafeMutableBufferPointer { mark in
        for group in 0..<count {
          var distinct: Int64 = 0
          for j in start[group]..<start[group + 1] {
            let row = Int(order[j])
            if let valid, !valid[row] { continue }
            let slot = Int(key[row] &- min)
            if mark[slot] != Int32(group) {
              mark[slot] = Int32(group)
              distinct += 1
            }
          }
          out[group] = distinct
        }
      }
    }
    return out
  }
}
