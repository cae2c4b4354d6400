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
  /// Ids in order of first appearance, with the row where each id first
  /// appeared (found as the ids are handed out, so no second scan).
  struct Appearance {
    var ids: [Int32]
    var firstRow: [Int32]
    var count: Int { firstRow.count }
  }

  /// Ids 0..<count in order of first appearance; null is one more id.
  static func idsByAppearance(_ c: Column) -> Appearance {
    let n = c.count
    if let (codes, dict) = c.narrowText {
      let nullSlot = dict.count
      return codes.withUnsafeBufferPointer { codes in
        numbered(rows: n, slots: dict.count + 1) { i in c.isNull(i) ? nullSlot : Int(codes[i]) }
      }
    }
    // `dictionary` first: `data` would widen a narrow int column to test it.
    if c.dictionary != nil, case .string(let codes, let dict) = c.data {
      // Codes are already small: an array replaces the hash table.
      let nullSlot = dict.count
      return codes.withUnsafeBufferPointer { codes in
        numbered(rows: n, slots: dict.count + 1) { i in c.isNull(i) ? nullSlot : Int(codes[i]) }
      }
    }
    if let narrow = c.narrowInts, let range = KeyRange(narrow, validity: c.validity),
      let slots = range.slots(forRows: n)
    {
      // Ids loaded narrow: read in place, not widened first.
      return narrow.withUnsafeBufferPointer { v in
        numbered(rows: n, slots: slots + 1) { i in c.isNull(i) ? slots : Int(Int64(v[i]) &- range.min) }
      }
    }
    if GroupKernels.holdsDays(c.type), case let days = c.int32s, let range = KeyRange(days, validity: c.validity),
      let slots = range.slots(forRows: n)
    {
      // Dates and periods (`month(created_at)`): their 32-bit days read in
      // place, not widened into a copy first.
      return days.withUnsafeBufferPointer { v in
        numbered(rows: n, slots: slots + 1) { i in c.isNull(i) ? slots : Int(Int64(v[i]) &- range.min) }
      }
    }
    let values = SortKeys.normalized(c)
    if let range = KeyRange(values, validity: c.validity), let slots = range.slots(forRows: n) {
      // Dense keys (ids, days): an array indexed by key replaces the hash table.
      return values.withUnsafeBufferPointer { v in
        numbered(rows: n, slots: slots + 1) { i in c.isNull(i) ? slots : Int(v[i] &- range.min) }
      }
    }
    var table = [Int64: Int32](minimumCapacity: 1024)
    var nullId: Int32 = -1
    var out = [Int32](repeating: 0, count: n)
    var first: [Int32] = []
    for i in 0..<n {
      if c.isNull(i) {
        if nullId < 0 {
          nullId = Int32(first.count)
          first.append(Int32(i))
        }
        out[i] = nullId
      } else if let id = table[values[i]] {
        out[i] = id
      } else {
        let id = Int32(first.count)
        table[values[i]] = id
        first.append(Int32(i))
        out[i] = id
      }
    }
    return Appearance(ids: out, firstRow: first)
  }

  /// Rows numbered by the first appearance of their slot (`slot(i)` in
  /// `0..<slots`), through a table of one id per slot: no hashing. When
  /// validity is absent, `slot` never branches on it.
  ///
  /// Large inputs take two passes on every core. The first writes each row's
  /// slot and notes, in a table of the range's own, the first row of each
  /// slot in the range; the slots are then numbered in order of their first
  /// row over all ranges (the earliest range that has a slot holds its first
  /// row), and the second pass turns each row's slot into its id. When the
  /// slots are many for the rows (grouping by an id), the tables of every
  /// range would cost more memory than the pass saves time: one pass then.
  /// Two passes are twice the work of one, spread over the cores: below
  /// `numberedOnCoresFrom` rows the time saved is a fraction of a
  /// millisecond, and the machine's other work is better served by one.
  @inline(__always)
  private static func numbered(rows n: Int, slots: Int, _ slot: (Int) -> Int) -> Appearance {
    let parts = RowChunks.ranges(n).count
    guard parts > 1, n >= numberedOnCoresFrom, parts * slots <= n else {
      return numberedInOnePass(rows: n, slots: slots, slot)
    }
    var firsts = [Int32](repeating: -1, count: parts * slots)
    var out = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      let out = buffer
      firsts.withUnsafeMutableBufferPointer { buffer in
        let firsts = buffer
        RowChunks.forEach(n) { k, range in
          guard let first = firsts.baseAddress.map({ $0 + k * slots }) else { return }
          for i in range {
            let s = slot(i)
            assert(s >= 0 && s < slots, "slot out of range")
            out[i] = Int32(truncatingIfNeeded: s)
            if first[s] < 0 { first[s] = Int32(truncatingIfNeeded: i) }
          }
        }
      }
      initialized = n
    }
    // Each slot that appears, with its first row; then ids in order of those rows.
    var appeared: [(row: Int32, slot: Int32)] = []
    firsts.withUnsafeBufferPointer { firsts in
      for s in 0..<slots {
        for k in 0..<parts where firsts[k * slots + s] >= 0 {
          appeared.append((firsts[k * slots + s], Int32(truncatingIfNeeded: s)))
          break
        }
      }
    }
    appeared.sort { $0.row < $1.row }
    var id = [Int32](repeating: -1, count: slots)
    for (i, a) in appeared.enumerated() { id[Int(a.slot)] = Int32(truncatingIfNeeded: i) }
    id.withUnsafeBufferPointer { id in
      out.withUnsafeMutableBufferPointer { buffer in
        let out = buffer
        RowChunks.forEach(n) { _, range in
          for i in range { out[i] = id[Int(out[i])] }
        }
      }
    }
    return Appearance(ids: out, firstRow: appeared.map(\.row))
  }

  /// Rows from which `numbered` runs on every core.
  static let numberedOnCoresFrom = 1_000_000

  /// `numbered` on the calling thread, in one pass: ids are handed out as
  /// the rows are read.
  @inline(__always)
  private static func numberedInOnePass(rows n: Int, slots: Int, _ slot: (Int) -> Int) -> Appearance {
    var map = [Int32](repeating: -1, count: slots)
    var out = [Int32](repeating: 0, count: n)
    var first: [Int32] = []
    map.withUnsafeMutableBufferPointer { map in
      out.withUnsafeMutableBufferPointer { out in
        for i in 0..<n {
          let s = slot(i)
          assert(s >= 0 && s < map.count, "slot out of range")
          var id = map[s]
          if id < 0 {
            id = Int32(first.count)
            map[s] = id
            first.append(Int32(i))
          }
          out[i] = id
        }
      }
    }
    return Appearance(ids: out, firstRow: first)
  }

  /// Renumbers `keys` (each in 0..<limit) densely in order of first appearance.
  static func densify(_ keys: [Int64], limit: Int) -> Appearance {
    let n = keys.count
    if limit <= max(1 << 20, n * 2) {
      return keys.withUnsafeBufferPointer { k in numbered(rows: n, slots: max(limit, 1)) { i in Int(k[i]) } }
    }
    var map = [Int64: Int32](minimumCapacity: 1024)
    var out = [Int32](repeating: 0, count: n)
    var first: [Int32] = []
    for i in 0..<n {
      if let id = map[keys[i]] {
        out[i] = id
      } else {
        let id = Int32(first.count)
        map[keys[i]] = id
        first.append(Int32(i))
        out[i] = id
      }
    }
    return Appearance(ids: out, firstRow: first)
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

extension GroupKernels {
  /// Dates and periods: stored as 32-bit days (`int32s` reads them as they are).
  fileprivate static func holdsDays(_ type: DataType) -> Bool {
    switch type {
    case .date, .period: return true
    default: return false
    }
  }
}
