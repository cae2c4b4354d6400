import FunnelData

/// Rows grouped by the values of key columns, the groups numbered in key order
/// (ascending, nulls last, the first key first) so a verb's output is ordered by
/// its keys without a sort of its own.
struct KeyGroups {
  let grouping: Grouping
  /// One row of each group, to read the group's key values from.
  let firstRow: [Int32]

  /// Groups `rows` rows by `keys` (all of that length). With no keys, one group.
  init(_ keys: [Column], rows: Int) throws {
    if keys.isEmpty {
      grouping = .single(rows: rows)
      firstRow = [0]
      return
    }
    // Each key becomes a dense rank (nulls last); the ranks combine in mixed radix.
    var combined = [Int64](repeating: 0, count: rows)
    var radixProduct: Int64 = 1
    for key in keys {
      let (ranks, cardinality) = KeyGroups.ranks(key)
      let (product, overflow) = radixProduct.multipliedReportingOverflow(by: Int64(cardinality))
      if overflow { throw MetricProblem(message: "too many key combinations to group by") }
      radixProduct = product
      for r in 0..<rows { combined[r] = combined[r] * Int64(cardinality) + Int64(ranks[r]) }
    }
    let (codes, count) = KeyGroups.denseRanks(combined)
    var first = [Int32](repeating: -1, count: count)
    for r in stride(from: rows - 1, through: 0, by: -1) { first[Int(codes[r])] = Int32(r) }
    grouping = Grouping(groupOfRow: codes, groupCount: count)
    firstRow = first
  }

  /// Each row's rank among the column's values (nulls rank last), and how many
  /// ranks there are. Ranks keep the order of values but may leave gaps (an
  /// unused dictionary entry, a missing day): the combined key is made dense once.
  static func ranks(_ column: Column) -> ([Int32], Int) {
    let n = column.count
    var codes: [Int32]
    var count: Int
    switch column.data {
    case .string(let c, let dictionary):
      // The dictionary's rank already orders the texts: no sort over the rows.
      let rank = dictionary.rank
      codes = c.map { rank[Int($0)] }
      count = dictionary.count
    default:
      var keys = [Int64](repeating: 0, count: n)
      switch column.data {
      case .int(let v), .timestamp(let v), .decimal(let v, _): keys = v
      case .date(let v), .period(let v, _): for i in 0..<n { keys[i] = Int64(v[i]) }
      case .bool(let v): for i in 0..<n { keys[i] = v[i] ? 1 : 0 }
      case .double(let v):
        // Order-preserving map of a double's bits onto Int64: negatives reversed.
        for i in 0..<n {
          let b = Int64(bitPattern: v[i].bitPattern)
          keys[i] = b < 0 ? b ^ Int64.max : b
        }
      case .string: break
      }
      (codes, count) = denseRanks(keys, skipping: column.validity)
    }
    if let valid = column.validity, valid.setCount < n {
      for i in 0..<n where !valid[i] { codes[i] = Int32(count) }
      count += 1
    }
    return (codes, max(count, 1))
  }

  /// Dense ranks of `keys` (equal keys share a rank, in ascending order), over
  /// the rows `skipping` marks valid (all when nil; the others get rank 0).
  static func denseRanks(_ keys: [Int64], skipping validity: Bitmap? = nil) -> ([Int32], Int) {
    let n = keys.count
    var lo = Int64.max, hi = Int64.min
    for i in 0..<n where validity?[i] ?? true {
      lo = min(lo, keys[i])
      hi = max(hi, keys[i])
    }
    var codes = [Int32](repeating: 0, count: n)
    if lo > hi { return (codes, 0) }
    let span = hi.subtractingReportingOverflow(lo)
    if !span.overflow, span.partialValue < Int64(max(2 * n, 1024)) {
      // A narrow range (days, small ids, combined ranks): mark, prefix-sum, look up.
      var present = [Int32](repeating: 0, count: Int(span.partialValue) + 2)
      for i in 0..<n where validity?[i] ?? true { present[Int(keys[i] - lo) + 1] = 1 }
      for k in 1..<present.count { present[k] += present[k - 1] }
      for i in 0..<n where validity?[i] ?? true { codes[i] = present[Int(keys[i] - lo)] }
      return (codes, Int(present[present.count - 1]))
    }
    // A wide range: number the distinct keys by hashing, then order the few.
    var index = [Int64: Int32]()
    var distinct: [Int64] = []
    for i in 0..<n where validity?[i] ?? true {
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
    let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
    var rankOf = [Int32](repeating: 0, count: distinct.count)
    for (r, c) in order.enumerated() { rankOf[c] = Int32(r) }
    for i in 0..<n where validity?[i] ?? true { codes[i] = rankOf[Int(codes[i])] }
    return (codes, distinct.count)
  }

  /// The key columns of the output: one row per group, from its first row.
  func keyColumns(_ keys: [Column]) -> [Column] { keys.map { $0.gather(firstRow) } }
}
