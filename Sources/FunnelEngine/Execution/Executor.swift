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
      return try step(try rows(input)) {
        context.warnings.add(NeverOccurs.check(predicate, in: $0.table))
        return try RowOperators.filter($0, predicate, context)
      }
    case .project(let input, let columns, _, _):
      return try step(try rows(input)) { Batch(try RowOperators.project($0, columns, only: needed, context)) }
    case .aggregate(let input, let plan):
      return try step(try rows(input)) { Batch(try AggregateOperator.run($0, plan, context)) }
    case .sort(let input, let keys, _):
      return try step(try rows(input)) { try RowOperators.sort($0, keys, context) }
    case .topN(let input, let keys, let count, _):
      return try step(try rows(input)) {
        RowOperators.limit(try RowOperators.sort($0, keys, limit: count, context), count)
      }
    case .limit(let input, let count):
      return RowOperators.limit(try rows(input), count)
    case .distinct(let input, let columns, let names):
      return try step(try rows(input)) { Batch(try RowOperators.distinct($0, columns, names: names, context)) }
    case .join(let input, let plan):
      return try step(try rows(input)) { left in
        try step(Batch(try run(plan.right))) {
          Batch(try JoinOperator.run(left, $0.table, plan, needed: needed, context))
        }
      }
    case .compare(let input, let plan):
      return Batch(try CompareOperator.run(try run(input), plan, context))
    case .window(let input, let plan):
      return try step(try rows(input)) { Batch(try WindowOperator.run($0, plan, context)) }
    case .vocabulary(let input, let plan, _):
      return Batch(try VocabularyOperator.run(try input.map(run), plan, context))
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
  /// nor the prompt after Ctrl-C waits for its memory to be freed.
  private func step(_ input: Batch, _ body: (Batch) throws -> Batch) throws -> Batch {
    defer { if input.table.rowCount >= Self.freedAside { Discard.aside(input) } }
    return try body(input)
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
