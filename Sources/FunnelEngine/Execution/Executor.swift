import FunnelData
import FunnelLanguage

/// Runs a physical plan (see `PlanRule`) bottom-up. Row steps (filter, sort,
/// take, top-n) pass a `Batch` on: the same table with a narrower or
/// reordered selection vector; the other steps produce a new table.
///
/// The plan decides what is computed: a `prune` step tells the projection or
/// join under it which of its columns are read above (the rest are cheap
/// all-null placeholders), and `topN` orders only the rows a `take` keeps.
struct Executor {
  let context: ExecutionContext
  /// The table of each dataset the plan scans, as it was when it was prepared.
  var tables: [String: Table] = [:]

  func run(_ node: PlanNode) throws -> Table {
    try rows(node, needed: nil).materialized
  }

  /// `needed`: set only by a `prune` step, for the projection or join right under it.
  func rows(_ node: PlanNode, needed: Set<Int>? = nil) throws -> Batch {
    try context.cancellation.check()
    switch node {
    case .scan(let name, _):
      guard let table = tables[name] ?? context.catalog.dataset(name) else {
        throw Diagnostic(message: "no dataset named '\(name)'")
      }
      return Batch(table)
    case .prune(let input, let keep, _):
      return try rows(input, needed: keep)
    case .filter(let input, let predicate, _):
      return try step(try rows(input), "filter") {
        context.warnings.add(NeverOccurs.check(predicate, in: $0.table))
        return try RowOperators.filter($0, predicate, context)
      }
    case .project(let input, let columns, _, _):
      return try step(try rows(input), "derive") { Batch(try RowOperators.project($0, columns, only: needed, context)) }
    case .aggregate(let input, let plan):
      return try step(try rows(input), "agg") { Batch(try AggregateOperator.run($0, plan, context)) }
    case .sort(let input, let keys, _):
      return try step(try rows(input), "sort") { try RowOperators.sort($0, keys, context) }
    case .topN(let input, let keys, let count, _):
      return try step(try rows(input), "sort") {
        RowOperators.limit(try RowOperators.sort($0, keys, limit: count, context), count)
      }
    case .limit(let input, let count):
      return RowOperators.limit(try rows(input), count)
    case .distinct(let input, let columns, let names):
      return try step(try rows(input), "distinct") {
        Batch(try RowOperators.distinct($0, columns, names: names, context))
      }
    case .join(let input, let plan):
      return try step(try rows(input), "join") { left in
        try step(Batch(try run(plan.right)), nil) {
          Batch(try JoinOperator.run(left, $0.table, plan, needed: needed, context))
        }
      }
    case .compare(let input, let plan):
      let table = try run(input)
      return try counted("compare") { Batch(try CompareOperator.run(table, plan, context)) }
    case .window(let input, let plan):
      return try step(try rows(input), "window") { Batch(try WindowOperator.run($0, plan, context)) }
    case .vocabulary(let input, let plan, _):
      let table = try input.map(run)
      let verb = plan.text.prefix { $0 != " " }
      return try counted(String(verb)) { Batch(try VocabularyOperator.run(table, plan, context)) }
    case .save(let input, let path, let span):
      let table = try run(input)
      try SaveOperator.write(
        table, path: path, span: span, options: context.catalog.saveOptions, cancellation: context.cancellation)
      return Batch(table)
    case .chart(let input, _):
      return try rows(input)
    }
  }

  /// `body(input)`; afterwards, whether it returned or threw, a big input is
  /// let go of on another thread (see `Discard`), so neither the next step
  /// nor the prompt after Ctrl-C waits for its memory to be freed. A named
  /// step is one of those `PlanNode.progressSteps` counts: the progress
  /// bar shows it while it runs and counts it when it is done.
  private func step(_ input: Batch, _ name: String?, _ body: (Batch) throws -> Batch) throws -> Batch {
    defer { if input.table.rowCount >= Self.freedAside { Discard.aside(input) } }
    guard let name, let progress = context.progress else { return try body(input) }
    progress.relabel(name + " of " + ExecutionContext.grouped(input.count) + " rows")
    let output = try body(input)
    progress.advance(1)
    return output
  }

  /// `body()` shown by the progress bar as `name` while it runs, and counted when done.
  private func counted(_ name: String, _ body: () throws -> Batch) throws -> Batch {
    context.progress?.relabel(name)
    let output = try body()
    context.progress?.advance(1)
    return output
  }

  /// Rows above which an input batch is freed on another thread.
  static let freedAside = 100_000

  /// The input columns an aggregation reads (nil = all: metrics read whole rows).
  static func read(by plan: AggregatePlan) -> Set<Int>? {
    var out = Set<Int>()
    for k in plan.keys { out.formUnion(k.expr.columnsRead) }
    for a in plan.aggregates {
      if case .metric = a.function { return nil }
      if let e = a.argument { out.formUnion(e.columnsRead) }
    }
    return out
  }
}
