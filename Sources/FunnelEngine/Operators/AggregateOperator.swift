import FunnelData
import FunnelLanguage

/// Hash aggregation: rows get dense group ids from their keys, every
/// aggregate fills a typed array indexed by group id, then the outputs
/// (`sum(x) / count()`) are evaluated over the small table of
/// `[keys..., slots...]`. Groups come out ordered by their keys, ascending,
/// nulls last; with no keys there is exactly one row, even over no rows.
enum AggregateOperator {
  static func run(_ input: Table, _ plan: AggregatePlan, _ context: ExecutionContext) throws -> Table {
    try run(Batch(input), plan, context)
  }

  /// Over the selected rows of a batch: only the columns the keys and
  /// arguments read are gathered.
  static func run(_ all: Batch, _ plan: AggregatePlan, _ context: ExecutionContext) throws -> Table {
    let rowCount = all.count
    // Per row: the group id, each key's value and dense id, each argument's value.
    // `count_distinct` keeps a set of (group, value) pairs.
    let argumentTypes = plan.aggregates.compactMap { $0.argument?.type }
    let distinctSets = plan.aggregates.filter { $0.function == .countDistinct }.count
    try context.checkMemory(
      rows: rowCount,
      bytesPerRow: 4 + 21 * plan.keys.count + RowWidth.bytes(argumentTypes) + 8 * argumentTypes.count + 32
        * distinctSets,
      while: "grouping")
    let keyColumns = try plan.keys.map { try Evaluator.output($0.expr, all) }
    try context.cancellation.check()
    let grouping =
      plan.keys.isEmpty ? Grouping.single(rows: rowCount) : Grouping.byFirstAppearance(keyColumns, rows: rowCount)
    var columns = keyColumns.map { $0.gather(grouping.firstRow) }
    for spec in plan.aggregates {
      try context.cancellation.check()
      columns.append(try slot(spec, all, grouping, origin: plan.origin, context))
    }
    // With neither keys nor aggregates (`agg round(1234.56, -2)`) the slots
    // still hold the groups' rows, one per group, for the outputs to fill.
    let slots =
      columns.isEmpty
      ? Table(rowCount: grouping.groupCount) : Table(names: columns.indices.map { "_\($0)" }, columns: columns)
    var names = plan.keys.map(\.name)
    var out = Array(columns.prefix(plan.keys.count))
    for o in plan.outputs {
      names.append(o.name)
      out.append(try Evaluator.output(o.expr, Batch(slots)))
    }
    let result = Table(names: names, columns: out)
    guard !plan.keys.isEmpty, result.rowCount > 1 else { return result }
    let keys = out.prefix(plan.keys.count).map {
      (values: SortKeys.normalized($0), validity: $0.validity, descending: false)
    }
    return result.gather(SortKeys.permutation(Array(keys), count: result.rowCount))
  }

  static func slot(
    _ spec: AggregateSpec, _ all: Batch, _ grouping: Grouping, origin: String?,
    _ context: ExecutionContext
  ) throws -> Column {
    if case .metric(let call) = spec.function {
      let metricContext = MetricContext(origin: origin, dataset: context.catalog.dataset, today: context.catalog.today)
      do {
        let c = try MetricLookup.evaluate(
          call, input: all.materialized, grouping: grouping, context: metricContext)
        return Column(.double(c.doubles), validity: c.validity, hint: spec.hint)
      } catch let p as MetricProblem {
        throw Diagnostic(message: p.message, span: spec.site?.span, hints: p.hints)
      }
    }
    let arg = try spec.argument.map { try Evaluator.evaluate($0, all) }
    // Ctrl-C during the argument left a placeholder: not worth aggregating.
    try context.cancellation.check()
    do {
      var c = try Accumulators.compute(
        spec.function, arg, type: spec.type, groups: grouping.groupOfRow, count: grouping.groupCount)
      c.hint = spec.hint
      return c
    } catch {
      throw Diagnostic.overflow(error, at: spec.site)
    }
  }
}

extension Evaluator {
  /// An output column: the expression's value with its display hint.
  static func output(_ expr: BoundExpr, _ batch: Batch) throws -> Column {
    var c = try evaluate(expr, batch)
    c.hint = expr.hint
    return c
  }
}
