import FunnelData

/// Maps ids to dense slots `0..<count`, built once over a set of ids. Dense id
/// ranges (the usual 1...n) use a flat array, looked up without hashing; sparse
/// or text-numbered ids fall back to a dictionary.
struct IdIndex {
  private let base: Int64
  private let table: [Int32]
  private let map: [Int64: Int32]
  private(set) var count: Int = 0

  /// Slots for the distinct non-null ids of `ids`, in order of first appearance.
  /// The flat array is used when the ids span less than eight times their
  /// number, or `denseSpan` (for a caller that will look up that many ids,
  /// and can afford a table of their size to spare hashing each).
  init(_ ids: [Int64], denseSpan: Int = 0) {
    var lo = Int64.max
    var hi = Int64.min
    var n = 0
    for id in ids where id != Column.nullKey {
      if id < lo { lo = id }
      if id > hi { hi = id }
      n += 1
    }
    let span = n == 0 ? (partialValue: Int64(0), overflow: true) : hi.subtractingReportingOverflow(lo)
    if n > 0, !span.overflow, span.partialValue < Int64(Swift.max(8 * n, 1 << 20, denseSpan)) {
      var t = [Int32](repeating: -1, count: Int(span.partialValue) + 1)
      var next: Int32 = 0
      for id in ids where id != Column.nullKey {
        let k = Int(id - lo)
        if t[k] < 0 {
          t[k] = next
          next += 1
        }
      }
      (base, table, map, count) = (lo, t, [:], Int(next))
    } else {
      var m = [Int64: Int32](minimumCapacity: n)
      for id in ids where id != Column.nullKey && m[id] == nil { m[id] = Int32(m.count) }
      (base, table, map, count) = (0, [], m, m.count)
    }
  }

  /// The slot of `id`, or -1 when the index does not hold it (or it is null).
  @inline(__always) func slot(_ id: Int64) -> Int32 {
    if id == Column.nullKey { return -1 }
    if !table.isEmpty {
      let k = id &- base
      if k < 0 || k >= Int64(table.count) { return -1 }
      return table[Int(k)]
    }
    return map[id] ?? -1
  }
}
