import FunnelData

/// Normalised sort keys: any orderable column as `Int64`s whose integer order
/// is the values' order (text by its dictionary rank, doubles by a bit
/// transform), so one comparator serves every type.
enum SortKeys {
  static func normalized(_ c: Column) -> [Int64] {
    if let narrow = c.narrowInts { return narrow.map { Int64($0) } }
    if let (codes, dict) = c.narrowText {
      let rank = dict.rank
      return codes.map { Int64(rank[Int($0)]) }
    }
    switch c.data {
    case .int(let v), .decimal(let v, _), .timestamp(let v): return v
    case .date(let v), .period(let v, _): return v.map { Int64($0) }
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    case .string(let codes, let dict):
      let rank = dict.rank
      return codes.map { Int64(rank[Int($0)]) }
    case .double(let v):
      return v.map { d in
        // Flip the sign bit of positives and every bit of negatives: unsigned
        // order of the result is numeric order; then shift into signed range.
        let u = (d == 0 ? 0.0 : d).bitPattern
        let ordered = u & (1 << 63) != 0 ? ~u : u | (1 << 63)
        return Int64(bitPattern: ordered ^ (1 << 63))
      }
    }
  }

  /// The permutation that sorts rows by `keys`: stable (ties keep row
  /// order), nulls last whichever the direction. With `limit`, only the
  /// first `limit` rows of it, found with a bounded heap (`sort | take n`).
  static func permutation(
    _ keys: [(values: [Int64], validity: Bitmap?, descending: Bool)], count n: Int, limit: Int? = nil
  ) -> [Int32] {
    if keys.count == 1, let limit, limit < n / 4 {
      return topRows(of: keys[0], count: n, limit: limit)
    }
    // Direction folded into the values (`~x` reverses Int64 order), nulls as a flag.
    let directed = keys.map { k -> (values: [Int64], nulls: [Bool]?) in
      let values = k.descending ? k.values.map { ~$0 } : k.values
      guard let v = k.validity else { return (values, nil) }
      return (values, (0..<n).map { !v[$0] })
    }
    if directed.count == 1, directed[0].nulls == nil, limit == nil {
      // One key without nulls: sort (key, row) pairs, contiguous and branch-light.
      let values = directed[0].values
      var pairs = [(Int64, Int32)]()
      pairs.reserveCapacity(n)
      for i in 0..<n { pairs.append((values[i], Int32(i))) }
      pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
      return pairs.map(\.1)
    }
    func less(_ a: Int32, _ b: Int32) -> Bool {
      let ia = Int(a), ib = Int(b)
      for k in directed {
        if let nulls = k.nulls {
          let na = nulls[ia], nb = nulls[ib]
          if na != nb { return nb }
          if na { continue }
        }
        let x = k.values[ia], y = k.values[ib]
        if x != y { return x < y }
      }
      return a < b
    }
    if let limit, limit < n / 4 {
      return TopRows.select(count: n, limit: limit, less: less)
    }
    var perm = [Int32](0..<Int32(n))
    perm.sort(by: less)
    if let limit, limit < n { return Array(perm.prefix(limit)) }
    return perm
  }
}

extension SortKeys {
  /// `sort x | take n` on one key: the key is read where it is (no copy with
  /// the direction folded in, no array of null flags: at 6M rows those were
  /// most of the time), and each half of the rows is searched on a core of
  /// its own. The best `limit` rows are among the two halves' best, and
  /// ties still go by row number, so the result is what one pass gives.
  static func topRows(
    of key: (values: [Int64], validity: Bitmap?, descending: Bool), count n: Int, limit: Int
  ) -> [Int32] {
    let key = Key(values: key.values, validity: key.validity, descending: key.descending)
    let middle = n / 2
    let halves = Parallel.map(2) { half in
      key.select(rows: half == 0 ? 0..<middle : middle..<n, limit: limit)
    }
    return Array((halves[0] + halves[1]).sorted(by: key.less).prefix(limit))
  }

  /// One sort key, compared in its direction, nulls last either way, ties
  /// by row number.
  private struct Key: Sendable {
    let values: [Int64]
    let validity: Bitmap?
    let descending: Bool

    @inline(__always)
    func less(_ a: Int32, _ b: Int32) -> Bool {
      let ia = Int(a), ib = Int(b)
      if let validity {
        let va = validity[ia], vb = validity[ib]
        if va != vb { return va }
        if !va { return a < b }
      }
      let x = values[ia], y = values[ib]
      if x != y { return descending ? x > y : x < y }
      return a < b
    }

    /// `TopRows.select` for this key, with the test most rows end at made
    /// inline: rows come in order, so once `limit` rows are kept a row can
    /// enter only with a value strictly better than the worst kept one (a
    /// tie goes to the earlier row, and a null never beats a row kept).
    /// With no nulls, the rows turned away cost a load and a compare each.
    func select(rows: Range<Int>, limit: Int) -> [Int32] {
      guard limit > 0 else { return [] }
      var heap = TopRows.Heap(limit: limit)
      var row = rows.lowerBound
      while row < rows.upperBound, !heap.isFull {
        heap.push(Int32(row), less: less)
        row += 1
      }
      guard row < rows.upperBound else { return heap.sorted(less: less) }
      values.withUnsafeBufferPointer { values in
        var worst = Int(heap.top)
        var worstValid = validity?[worst] ?? true
        var r = row
        while r < rows.upperBound {
          if validity == nil {
            // The loop nearly every row ends in: a load and a compare.
            let bar = values[worst]
            r =
              descending
              ? Key.first(in: values, from: r, to: rows.upperBound) { $0 > bar }
              : Key.first(in: values, from: r, to: rows.upperBound) { $0 < bar }
            if r == rows.upperBound { break }
          } else if let validity {
            if !validity[r] || (worstValid && (descending ? values[r] <= values[worst] : values[r] >= values[worst])) {
              r += 1
              continue
            }
          }
          heap.replaceTop(Int32(r), less: less)
          worst = Int(heap.top)
          worstValid = validity?[worst] ?? true
          r += 1
        }
      }
      return heap.sorted(less: less)
    }

    /// The first row from `start` whose value passes `test`, or `end`.
    @inline(__always)
    private static func first(
      in values: UnsafeBufferPointer<Int64>, from start: Int, to end: Int, _ test: (Int64) -> Bool
    ) -> Int {
      var r = start
      while r < end, !test(values[r]) { r += 1 }
      return r
    }
  }
}

/// The first `limit` rows in sort order without sorting them all: a max-heap
/// of the best rows so far, whose top is the worst of them.
enum TopRows {
  static func select(count n: Int, limit: Int, less: (Int32, Int32) -> Bool) -> [Int32] {
    guard limit > 0 else { return [] }
    var heap = Heap(limit: limit)
    for row in 0..<Int32(n) {
      if !heap.isFull {
        heap.push(row, less: less)
      } else if less(row, heap.top) {
        heap.replaceTop(row, less: less)
      }
    }
    return heap.sorted(less: less)
  }

  /// At most `limit` rows, the worst of them (by `less`) on top.
  struct Heap {
    private var rows: [Int32] = []
    private let limit: Int

    init(limit: Int) {
      self.limit = limit
      rows.reserveCapacity(limit)
    }

    var isFull: Bool { rows.count >= limit }
    var top: Int32 { rows[0] }

    mutating func push(_ row: Int32, less: (Int32, Int32) -> Bool) {
      rows.append(row)
      var c = rows.count - 1
      while c > 0 {
        let p = (c - 1) / 2
        guard less(rows[p], rows[c]) else { break }
        rows.swapAt(p, c)
        c = p
      }
    }

    /// Puts `row` in the place of the worst and restores the order.
    mutating func replaceTop(_ row: Int32, less: (Int32, Int32) -> Bool) {
      rows[0] = row
      var p = 0
      while true {
        let l = 2 * p + 1, r = l + 1
        var worst = p
        if l < rows.count, less(rows[worst], rows[l]) { worst = l }
        if r < rows.count, less(rows[worst], rows[r]) { worst = r }
        if worst == p { return }
        rows.swapAt(p, worst)
        p = worst
      }
    }

    func sorted(less: (Int32, Int32) -> Bool) -> [Int32] { rows.sorted(by: less) }
  }
}
