import FunnelData

/// The scans that build a `Grouping`, the one place grouping touches raw
/// buffers. Each has a plain reference implementation in the tests
/// (GroupKernelTests) that random columns, with nulls and empty, are checked against.
///
/// The loops run on unsafe buffers: grouping a few million rows by a text or a
/// date key is the first step of every verb and of `agg`, and bounds checks would
/// double it. A mutable buffer is copied to a constant before a nested closure
/// uses it, which would otherwise capture the inout parameter and reload it every
/// row. Large inputs are split across the cores (`RowChunks`): each range writes
/// its own rows, or marks its own copy of a small table that is merged after.
enum GroupKernels {
  /// Ids 0..<count in order of first appearance; null is one more id.
  static func idsByAppearance(_ c: Column) -> ([Int32], Int) {
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
      if let id = map[keys[i]] {
        out[i] = id
      } else {
        map[keys[i]] = next
        out[i] = next
        next += 1
      }
    }
    return (out, Int(next))
  }

  /// `codes[i] = codes[i] * radix + ranks[i]`: one more key folded into the combined codes.
  static func combine(_ codes: inout [Int32], with ranks: [Int32], radix: Int32) {
    let rows = codes.count
    codes.withUnsafeMutableBufferPointer { buffer in
      let out = buffer
      ranks.withUnsafeBufferPointer { r in
        RowChunks.forEach(rows) { _, range in
          for i in range { out[i] = out[i] * radix + r[i] }
        }
      }
    }
  }

  /// Whether a table of `cells` is worth a copy per range of `rows` rows: the
  /// cells are few next to the rows (a text's dictionary, the days of a few years).
  static func markPerRange(cells: Int, rows: Int) -> Bool {
    RowChunks.ranges(rows).count > 1 && cells <= rows / 8
  }

  /// The first row of each of `count` groups.
  static func firstRows(_ codes: [Int32], count: Int) -> [Int32] {
    // Each range finds its own first rows, written from its end back so that the
    // last write is the first row; the earliest range that has a group wins.
    func scan(_ range: Range<Int>, _ codes: UnsafeBufferPointer<Int32>) -> [Int32] {
      var first = [Int32](repeating: -1, count: count)
      first.withUnsafeMutableBufferPointer { buffer in
        let first = buffer
        for r in range.reversed() { first[Int(codes[r])] = Int32(r) }
      }
      return first
    }
    return codes.withUnsafeBufferPointer { codes in
      guard markPerRange(cells: count, rows: codes.count) else { return scan(0..<codes.count, codes) }
      let parts = RowChunks.map(codes.count) { range in scan(range, codes) }
      var first = parts[0]
      for part in parts.dropFirst() {
        for g in 0..<count where first[g] < 0 { first[g] = part[g] }
      }
      return first
    }
  }
}
