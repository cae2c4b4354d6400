import FunnelData

extension GroupKernels {
  /// Each row's rank among the column's values (nulls rank last), and how many
  /// ranks there are. Ranks keep the order of values but may leave gaps (an
  /// unused dictionary entry, a missing day): the combined key is made dense once.
  static func ranks(_ column: Column) -> ([Int32], Int) {
    let n = column.count
    var codes: [Int32]
    var count: Int
    if let narrow = column.narrowInts {
      // Ids loaded narrow: ranked in place, not widened first.
      (codes, count) = denseRanks(narrow, skipping: column.validity)
    } else if let (c, dictionary) = column.narrowText {
      (codes, count) = textRanks(c, dictionary)
    } else {
      switch column.data {
      case .string(let c, let dictionary): (codes, count) = textRanks(c, dictionary)
      case .date(let v), .period(let v, _): (codes, count) = denseRanks(v, skipping: column.validity)
      case .int(let v), .timestamp(let v), .decimal(let v, _): (codes, count) = denseRanks(v, skipping: column.validity)
      case .bool(let v): (codes, count) = denseRanks(v.map { Int64($0 ? 1 : 0) }, skipping: column.validity)
      case .double:
        // The sort's order-preserving map of doubles onto Int64, with -0.0 taken
        // as 0.0: the same keys `agg` groups by (`idsByAppearance`).
        (codes, count) = denseRanks(SortKeys.normalized(column), skipping: column.validity)
      }
    }
    if let valid = column.validity, valid.setCount < n {
      let nullRank = Int32(count)
      codes.withUnsafeMutableBufferPointer { buffer in
        let out = buffer
        valid.words.withUnsafeBufferPointer { words in
          for i in 0..<n where words[i >> 6] & (1 << UInt64(i & 63)) == 0 { out[i] = nullRank }
        }
      }
      count += 1
    }
    return (codes, max(count, 1))
  }

  /// The rank of each row's text: the dictionary's rank already orders the
  /// texts, so there is no sort over the rows.
  private static func textRanks<Code: FixedWidthInteger>(_ c: [Code], _ dictionary: StringDictionary) -> (
    [Int32], Int
  ) {
    let n = c.count
    let rank = dictionary.rank
    var codes = [Int32](repeating: 0, count: n)
    if !rank.isEmpty {
      codes.withUnsafeMutableBufferPointer { buffer in
        let out = buffer
        c.withUnsafeBufferPointer { c in
          rank.withUnsafeBufferPointer { rank in
            RowChunks.forEach(n) { _, range in
              for i in range { out[i] = rank[Int(c[i])] }
            }
          }
        }
      }
    }
    return (codes, dictionary.count)
  }

  /// Renumbers `codes` (all in `0..<space`) densely, keeping their order, and
  /// returns how many distinct codes there are. Codes with no gap stay as they are.
  static func makeDense(_ codes: inout [Int32], space: Int) -> Int {
    let n = codes.count
    // present[c + 1] = 1 when code c occurs; then the prefix sums renumber.
    var present = [Int32](repeating: 0, count: space + 1)
    codes.withUnsafeBufferPointer { codes in
      present.withUnsafeMutableBufferPointer { buffer in
        let present = buffer
        if markPerRange(cells: space, rows: n) {
          let marks = RowChunks.map(n) { range -> [UInt8] in
            var mark = [UInt8](repeating: 0, count: space)
            mark.withUnsafeMutableBufferPointer { buffer in
              let mark = buffer
              for i in range { mark[Int(codes[i])] = 1 }
            }
            return mark
          }
          for mark in marks { for c in 0..<space where mark[c] != 0 { present[c + 1] = 1 } }
        } else {
          for i in 0..<n { present[Int(codes[i]) + 1] = 1 }
        }
        for k in 1..<present.count { present[k] += present[k - 1] }
      }
    }
    let count = Int(present[space])
    if count == space { return count }
    codes.withUnsafeMutableBufferPointer { buffer in
      let codes = buffer
      present.withUnsafeBufferPointer { present in
        RowChunks.forEach(n) { _, range in
          for i in range { codes[i] = present[Int(codes[i])] }
        }
      }
    }
    return count
  }

  /// Dense ranks of `keys` (equal keys share a rank, in ascending order), over
  /// the rows `skipping` marks valid (all when nil; the others get rank 0).
  static func denseRanks<T: FixedWidthInteger & SignedInteger>(_ keys: [T], skipping validity: Bitmap? = nil)
    -> ([Int32], Int)
  {
    let n = keys.count
    let words = validity?.words ?? []
    // Whether row i is valid: a bit test on the words, no call per row.
    @inline(__always) func valid(_ w: UnsafeBufferPointer<UInt64>, _ i: Int) -> Bool {
      w.isEmpty || w[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
    var codes = [Int32](repeating: 0, count: n)
    let bounds = keys.withUnsafeBufferPointer { k in
      words.withUnsafeBufferPointer { w in
        RowChunks.map(n) { range -> (Int64, Int64) in
          var lo = Int64.max, hi = Int64.min
          for i in range where valid(w, i) {
            let x = Int64(k[i])
            if x < lo { lo = x }
            if x > hi { hi = x }
          }
          return (lo, hi)
        }
      }
    }
    let lo = bounds.map(\.0).min() ?? Int64.max, hi = bounds.map(\.1).max() ?? Int64.min
    if lo > hi { return (codes, 0) }
    let span = hi.subtractingReportingOverflow(lo)
    if !span.overflow, span.partialValue < Int64(max(2 * n, 1024)) {
      // A narrow range (days, small ids, combined ranks): mark, prefix-sum, look up.
      let cells = Int(span.partialValue) + 1
      var present = [Int32](repeating: 0, count: cells + 1)
      keys.withUnsafeBufferPointer { k in
        words.withUnsafeBufferPointer { w in
          present.withUnsafeMutableBufferPointer { buffer in
            let present = buffer
            if markPerRange(cells: cells, rows: n) {
              let marks = RowChunks.map(n) { range -> [UInt8] in
                var mark = [UInt8](repeating: 0, count: cells)
                mark.withUnsafeMutableBufferPointer { buffer in
                  let mark = buffer
                  for i in range where valid(w, i) { mark[Int(Int64(k[i]) &- lo)] = 1 }
                }
                return mark
              }
              for mark in marks { for c in 0..<cells where mark[c] != 0 { present[c + 1] = 1 } }
            } else {
              for i in 0..<n where valid(w, i) { present[Int(Int64(k[i]) &- lo) + 1] = 1 }
            }
            for p in 1..<present.count { present[p] += present[p - 1] }
            codes.withUnsafeMutableBufferPointer { buffer in
              let codes = buffer
              RowChunks.forEach(n) { _, range in
                for i in range where valid(w, i) { codes[i] = present[Int(Int64(k[i]) &- lo)] }
              }
            }
          }
        }
      }
      return (codes, Int(present[cells]))
    }
    // A wide range: number the distinct keys by hashing, then order the few.
    var index = [T: Int32]()
    var distinct: [T] = []
    words.withUnsafeBufferPointer { w in
      for i in 0..<n where valid(w, i) {
        let k = keys[i]
        if let c = index[k] {
          codes[i] = c
        } else {
          let c = Int32(distinct.count)
          index[k] = c
          distinct.append(k)
          codes[i] = c
        }
      }
    }
    let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
    var rankOf = [Int32](repeating: 0, count: distinct.count)
    for (r, c) in order.enumerated() { rankOf[c] = Int32(r) }
    words.withUnsafeBufferPointer { w in
      for i in 0..<n where valid(w, i) { codes[i] = rankOf[Int(codes[i])] }
    }
    return (codes, distinct.count)
  }
}
