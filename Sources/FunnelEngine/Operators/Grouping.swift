import FunnelData

/// Which group each row belongs to, the one grouping of the engine: `agg` and
/// `distinct` (`byFirstAppearance`), the vocabulary verbs (`byKeyOrder`) and the
/// metrics (which read any of them) all take this.
///
/// `groupOfRow[i]` is row i's group in `0..<groupCount`; `firstRow[g]` is the
/// first row of group g, to read its key values from. With no keys, every row is
/// in group 0 and `groupCount` is 1 (even over no rows, so `agg` still gives a row).
/// The scans that build it are `GroupKernels`.
public struct Grouping: Sendable {
  public var groupOfRow: [Int32]
  public var groupCount: Int
  /// The first row of each group, in group order.
  public var firstRow: [Int32]

  /// A grouping of rows already numbered; `firstRow` is found from them.
  public init(groupOfRow: [Int32], groupCount: Int) {
    self.init(
      groupOfRow: groupOfRow, groupCount: groupCount,
      firstRow: GroupKernels.firstRows(groupOfRow, count: groupCount))
  }

  init(groupOfRow: [Int32], groupCount: Int, firstRow: [Int32]) {
    self.groupOfRow = groupOfRow
    self.groupCount = groupCount
    self.firstRow = firstRow
  }

  /// All `rows` rows in one group.
  public static func single(rows: Int) -> Grouping {
    Grouping(groupOfRow: [Int32](repeating: 0, count: rows), groupCount: 1, firstRow: [0])
  }

  /// Groups numbered in order of first appearance (hash aggregation, `distinct`).
  /// Each key becomes dense ids (dictionary codes directly, other values through
  /// a table on their `Int64` form), then keys are folded pairwise into one id, so
  /// no row ever builds a tuple. With no keys: one group, none over no rows.
  static func byFirstAppearance(_ keys: [Column], rows n: Int) -> Grouping {
    guard let firstKey = keys.first else {
      return Grouping(
        groupOfRow: [Int32](repeating: 0, count: n), groupCount: n > 0 ? 1 : 0, firstRow: n > 0 ? [0] : [])
    }
    var groups = GroupKernels.idsByAppearance(firstKey)
    for c in keys.dropFirst() {
      let key = GroupKernels.idsByAppearance(c)
      var combined = [Int64](repeating: 0, count: n)
      for i in 0..<n { combined[i] = Int64(groups.ids[i]) * Int64(key.count) + Int64(key.ids[i]) }
      groups = GroupKernels.densify(combined, limit: groups.count * key.count)
    }
    return Grouping(groupOfRow: groups.ids, groupCount: groups.count, firstRow: groups.firstRow)
  }

  /// Groups numbered in key order (ascending, nulls last, the first key first), so
  /// a verb's output is ordered by its keys without a sort of its own. Each key
  /// becomes a rank; the ranks combine in mixed radix, then the combination is made
  /// dense. With no keys, one group.
  static func byKeyOrder(_ keys: [Column], rows: Int) throws -> Grouping {
    if keys.isEmpty { return .single(rows: rows) }
    var radixProduct: Int64 = 1
    var ranked: [([Int32], Int)] = []
    for key in keys {
      let (ranks, cardinality) = GroupKernels.ranks(key)
      let (product, overflow) = radixProduct.multipliedReportingOverflow(by: Int64(cardinality))
      if overflow { throw MetricProblem(message: "too many key combinations to group by") }
      radixProduct = product
      ranked.append((ranks, cardinality))
    }
    var codes: [Int32]
    let count: Int
    if radixProduct <= Int64(max(2 * rows, 1024)) {
      // Few combinations: they fit an Int32 and a table of that many marks.
      codes = ranked[0].0
      // `codes` is then the only reference to the first ranks: renumbered in place, not copied.
      ranked[0].0 = []
      for (ranks, cardinality) in ranked.dropFirst() {
        GroupKernels.combine(&codes, with: ranks, radix: Int32(cardinality))
      }
      count = GroupKernels.makeDense(&codes, space: Int(radixProduct))
    } else {
      var combined = [Int64](repeating: 0, count: rows)
      for (ranks, cardinality) in ranked {
        for r in 0..<rows { combined[r] = combined[r] * Int64(cardinality) + Int64(ranks[r]) }
      }
      (codes, count) = GroupKernels.denseRanks(combined)
    }
    return Grouping(groupOfRow: codes, groupCount: count)
  }

  /// The key columns of the output: one row per group, from its first row.
  func keyColumns(_ keys: [Column]) -> [Column] { keys.map { $0.gather(firstRow) } }
}
