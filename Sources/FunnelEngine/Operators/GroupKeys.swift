import FunnelData

/// Dense group ids for rows by the values of key columns (hash aggregation,
/// `distinct`). Each key becomes dense ids (dictionary codes directly,
/// other values through a hash table on their `Int64` form), then keys are
/// folded pairwise into one id, so no row ever builds a tuple.
struct GroupKeys {
  var groupOfRow: [Int32]
  var groupCount: Int
  /// The first row of each group, in group order (first appearance).
  var firstRow: [Int32]

  init(_ columns: [Column], rowCount n: Int) {
    var ids = [Int32](repeating: 0, count: n)
    var cardinality = 1
    for (k, c) in columns.enumerated() {
      let (keyIds, keyCount) = GroupKeys.denseIds(c)
      if k == 0 {
        (ids, cardinality) = (keyIds, keyCount)
        continue
      }
      var combined = [Int64](repeating: 0, count: n)
      for i in 0..<n { combined[i] = Int64(ids[i]) * Int64(keyCount) + Int64(keyIds[i]) }
      (ids, cardinality) = GroupKeys.densify(combined, limit: cardinality * keyCount)
    }
    if columns.isEmpty { cardinality = n > 0 ? 1 : 0 }
    var first = [Int32](repeating: -1, count: cardinality)
    for i in 0..<n where first[Int(ids[i])] < 0 { first[Int(ids[i])] = Int32(i) }
    groupOfRow = ids
    groupCount = cardinality
    firstRow = first
  }

  /// Ids 0..<count in order of first appearance; null is one more id.
  static func denseIds(_ c: Column) -> ([Int32], Int) {
    let n = c.count
    if case .string(let codes, let dict) = c.data {
      // Codes are already small: an array replaces the hash table.
      var map = [Int32](repeating: -1, count: dict.count + 1)
      var next: Int32 = 0
      var out = [Int32](repeating: 0, count: n)
      for i in 0..<n {
        let slot = c.isNull(i) ? dict.count : Int(codes[i])
        if map[slot] < 0 { map[slot] = next; next += 1 }
        out[i] = map[slot]
      }
      return (out, Int(next))
    }
    let values = SortKeys.normalized(c)
    if let range = KeyRange(values, validity: c.validity), let slots = range.slots(forRows: n) {
      // Dense keys (ids, days): an array indexed by key replaces the hash table.
      var map = [Int32](repeating: -1, count: slots + 1)
      var next: Int32 = 0
      var out = [Int32](repeating: 0, count: n)
      map.withUnsafeMutableBufferPointer { m in
        values.withUnsafeBufferPointer { v in
          for i in 0..<n {
            let slot = c.isNull(i) ? slots : Int(v[i] &- range.min)
            if m[slot] < 0 { m[slot] = next; next += 1 }
            out[i] = m[slot]
          }
        }
      }
      return (out, Int(next))
    }
    var table = [Int64: Int32](minimumCapacity: 1024)
    var nullId: Int32 = -1
    var next: Int32 = 0
    var out = [Int32](repeating: 0, count: n)
    for i in 0..<n {
      if c.isNull(i) {
        if nullId < 0 { nullId = next; next += 1 }
        out[i] = nullId
      } else if let id = table[values[i]] {
        out[i] = id
      } else {
        table[values[i]] = next
        out[i] = next
        next += 1
      }
    }
    return (out, Int(next))
  }

  /// Renumbers `keys` (each in 0..<limit) densely in order of first appearance.
  static func densify(_ keys: [Int64], limit: Int) -> ([Int32], Int) {
    let n = keys.count
    var out = [Int32](repeating: 0, count: n)
    var next: Int32 = 0
    if limit <= max(1 << 20, n * 2) {
      var map = [Int32](repeating: -1, count: max(limit, 1))
      for i in 0..<n {
        let k = Int(keys[i])
        if map[k] < 0 { map[k] = next; next += 1 }
        out[i] = map[k]
      }
      return (out, Int(next))
    }
    var map = [Int64: Int32](minimumCapacity: 1024)
    for i in 0..<n {
      if let id = map[keys[i]] { out[i] = id } else {
        map[keys[i]] = next
        out[i] = next
        next += 1
      }
    }
    return (out, Int(next))
  }
}
