import FunnelData
import FunnelLanguage

/// Walks a plan bottom-up. Row steps (filter, sort, take) pass a `Batch` on:
/// the same table with a narrower or reordered selection vector; the other
/// steps produce a new table.
///
/// Each step is told which of its output columns the steps above read
/// (`needed`, nil = all), so a join or a projection under an aggregate
/// computes only those; the rest are cheap all-null placeholders that no
/// later step reads.
struct Executor {
  let context: ExecutionContext

  func run(_ node: PlanNode) throws -> Table {
    try rows(node, needed: nil).materialized
  }

  func rows(_ node: PlanNode, needed: Set<Int>?) throws -> Batch {
    try context.cancellation.check()
    switch node {
    case .scan(_, let table): return Batch(table)
    case .filter(let input, let predicate, _):
      return try step(try rows(input, needed: needed.map { $0.union(predicate.columnsRead) })) {
        try RowOperators.filter($0, predicate, context)
      }
    case .project(let input, let columns, _, _):
      let kept = needed ?? Set(columns.indices)
      let inputNeeded = kept.reduce(into: Set<Int>()) { $0.formUnion(columns[$1].expr.columnsRead) }
      return try step(try rows(input, needed: inputNeeded)) {
        Batch(try RowOperators.project($0, columns, only: kept, context))
      }
    case .aggregate(let input, let plan):
      return try step(try rows(input, needed: Self.read(by: plan))) { Batch(try AggregateOperator.run($0, plan, context)) }
    case .sort(let input, let keys, _):
      return try step(try rows(input, needed: Self.union(needed, keys.map(\.expr)))) {
        try RowOperators.sort($0, keys, context)
      }
    case .limit(.sort(let input, let keys, _), let count):
      let sorted = try RowOperators.sort(try rows(input, needed: Self.union(needed, keys.map(\.expr))), keys, limit: count, context)
      return RowOperators.limit(sorted, count)
    case .limit(let input, let count):
      return RowOperators.limit(try rows(input, needed: needed), count)
    case .distinct(let input, let columns, let names):
      return try step(try rows(input, needed: Set(columns))) {
        Batch(try RowOperators.distinct($0, columns, names: names, context))
      }
    case .join(let input, let plan):
      return try step(try rows(input, needed: nil)) { left in
        try step(Batch(try run(plan.right))) { Batch(try JoinOperator.run(left, $0.table, plan, needed: needed, context)) }
      }
    case .compare(let input, let plan):
      return Batch(try CompareOperator.run(try run(input), plan, context))
    case .vocabulary(let input, let plan):
      return Batch(try VocabularyOperator.run(try input.map(run), plan, context))
    case .save(let input, let path, let span):
      let table = try run(input)
      try SaveOperator.write(
        table, path: path, span: span, options: context.catalog.saveOptions, cancellation: context.cancellation)
      return Batch(table)
    case .chart(let input, _):
      return try rows(input, needed: needed)
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

  static func union(_ needed: Set<Int>?, _ exprs: [BoundExpr]) -> Set<Int>? {
    guard var out = needed else { return nil }
    for e in exprs { out.formUnion(e.columnsRead) }
    return out
  }
}
