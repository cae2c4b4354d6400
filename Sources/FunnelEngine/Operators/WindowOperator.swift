import FunnelData
import FunnelLanguage

/// The `window` step: for each window function, the rows are put in window
/// order (`WindowOrder`), the function walks each partition in that order
/// (`WindowKernels`), and each row's value is written back at the row's own
/// place, so the output keeps the input's rows and order and only gains columns.
enum WindowOperator {
  static func run(_ input: Batch, _ plan: WindowPlan, _ context: ExecutionContext) throws -> Table {
    let table = input.materialized
    let n = table.rowCount
    // Per row and function: its place in the order, its partition, each key's
    // value, direction-folded copy and null flag, and the value computed.
    let keyCount = plan.functions.map { $0.partition.count + $0.order.count }.max() ?? 0
    try context.checkMemory(
      rows: n, bytesPerRow: plan.functions.count * (24 + 26 * keyCount), while: "computing window functions")
    let rows = Batch(table)
    var columns = table.columns
    // Functions over the same partition and order share one sort of the rows.
    var orders: [String: WindowOrder] = [:]
    for spec in plan.functions {
      try context.cancellation.check()
      let key = String(describing: spec.partition) + "|" + String(describing: spec.order)
      let order: WindowOrder
      if let known = orders[key] {
        order = known
      } else {
        order = try WindowOrder.make(spec, rows, context)
        orders[key] = order
      }
      let argument = try spec.argument.map { try Evaluator.evaluate($0, rows) }
      try context.cancellation.check()
      do {
        var c = try WindowKernels.compute(spec.function, argument, order, type: spec.type, count: n)
        c.hint = spec.hint
        columns.append(c)
      } catch {
        throw Diagnostic.overflow(error, at: spec.site)
      }
    }
    return Table(names: table.names + plan.names, columns: columns)
  }
}

/// The rows of a batch in a window function's order: `rows[i]` is the i-th
/// row, each partition a run of `rows` (`bounds[p]..<bounds[p + 1]`), and
/// within it the rows by the sort keys (nulls last in either direction),
/// ties in input order. `keys` are the sort keys' values, undirected, for the
/// functions that compare neighbours (`rank`, `lead_velocity_rate`).
struct WindowOrder {
  var rows: [Int32]
  var bounds: [Int]
  var keys: [(values: [Int64], validity: Bitmap?)]

  static func make(_ spec: WindowSpec, _ batch: Batch, _ context: ExecutionContext) throws -> WindowOrder {
    let n = batch.count
    let partitionColumns = try spec.partition.map { try Evaluator.evaluate($0, batch) }
    let orderColumns = try spec.order.map { try Evaluator.evaluate($0.expr, batch) }
    let descending = spec.order.map(\.descending)
    try context.cancellation.check()
    let sorted = try DetachedWork.run(size: n, context.cancellation) {
      () -> (rows: [Int32], groups: [Int32]?, keys: [(values: [Int64], validity: Bitmap?)]) in
      // Partitions numbered in order of first appearance: equal keys (null with null) share one.
      let groups = partitionColumns.isEmpty ? nil : Grouping.byFirstAppearance(partitionColumns, rows: n).groupOfRow
      let keys = orderColumns.map { (values: SortKeys.normalized($0), validity: $0.validity) }
      var sortKeys: [(values: [Int64], validity: Bitmap?, descending: Bool)] = []
      if let groups { sortKeys.append((groups.map { Int64($0) }, nil, false)) }
      for (k, down) in zip(keys, descending) { sortKeys.append((k.values, k.validity, down)) }
      let rows = sortKeys.isEmpty ? Array(0..<Int32(n)) : SortKeys.permutation(sortKeys, count: n)
      return (rows, groups, keys)
    }
    var bounds = [0]
    if let groups = sorted.groups {
      for i in 1..<max(n, 1) where groups[Int(sorted.rows[i])] != groups[Int(sorted.rows[i - 1])] { bounds.append(i) }
    }
    if n > 0 { bounds.append(n) }
    return WindowOrder(rows: sorted.rows, bounds: n > 0 ? bounds : [0], keys: sorted.keys)
  }

  /// The partitions, as ranges of positions in `rows`.
  var partitions: [Range<Int>] {
    (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
  }

  /// Whether the rows at positions `a` and `b` tie on every sort key.
  func peers(_ a: Int, _ b: Int) -> Bool {
    let ra = Int(rows[a]), rb = Int(rows[b])
    for k in keys {
      let na = k.validity.map { !$0[ra] } ?? false, nb = k.validity.map { !$0[rb] } ?? false
      if na != nb { return false }
      if !na && k.values[ra] != k.values[rb] { return false }
    }
    return true
  }
}
