import FunnelData
import FunnelLanguage

/// One step of a plan; the tree is a plain value, holding no data, so that it
/// can be printed (`Plan.explain()`), rewritten (`PlanRules`) and, later,
/// compiled to SQL. Every step reads the table its input produces; column
/// positions refer to that table.
///
/// The binder makes the logical steps; `topN` and `prune` appear only after
/// the rewrite rules, in the physical plan the executor runs.
package indirect enum PlanNode {
  /// A dataset by name, with its columns and row count when the statement was
  /// prepared (the physical plan holds its table).
  case scan(name: String, schema: TableSchema)
  /// Keep rows where the predicate is true.
  case filter(PlanNode, predicate: BoundExpr, text: String)
  /// Compute exactly these columns (select, derive, drop, rename).
  case project(PlanNode, columns: [OutputColumn], verb: String, text: String)
  case aggregate(PlanNode, AggregatePlan)
  case sort(PlanNode, keys: [SortPlanKey], text: String)
  case limit(PlanNode, count: Int)
  /// Unique rows over `columns` (positions), keeping only those columns.
  case distinct(PlanNode, columns: [Int], names: [String])
  case join(PlanNode, JoinPlan)
  case compare(PlanNode, ComparePlan)
  /// The input's rows, in their order, with one more column per window function.
  case window(PlanNode, WindowPlan)
  /// A funnel-vocabulary verb or the `scorecard` source.
  /// `columns`: the names of its output columns, as the verb declares them.
  case vocabulary(PlanNode?, VocabularyPlan, columns: [String])
  case save(PlanNode, path: String, span: Span)
  case chart(PlanNode, ChartRequest)
  /// Physical: `sort` then `take count`, ordering only the rows kept.
  case topN(PlanNode, keys: [SortPlanKey], count: Int, text: String)
  /// Physical: only the input's columns at `keep` are read above; the input
  /// (a projection or a join) computes those and leaves the rest empty.
  case prune(PlanNode, keep: Set<Int>, names: [String])
}

/// A dataset's columns and row count: what binding knows of it.
package struct TableSchema {
  package var names: [String]
  package var types: [DataType]
  package var hints: [DisplayHint]
  package var rowCount: Int

  package init(_ table: Table, rowCount: Int) {
    names = table.names
    types = table.columns.map(\.type)
    hints = table.columns.map(\.hint)
    self.rowCount = rowCount
  }
}

/// A named output column and the expression computing it.
package struct OutputColumn {
  package var name: String
  package var expr: BoundExpr
}

package struct SortPlanKey: Sendable {
  package var expr: BoundExpr
  package var descending: Bool
}

/// `agg <aggregates> by <keys>`: the keys and aggregate slots are computed
/// per group; `outputs` are then evaluated over a table of
/// `[keys..., slots...]` (so `sum(x) / count()` is slot 0 / slot 1).
package struct AggregatePlan {
  package var keys: [OutputColumn]
  package var aggregates: [AggregateSpec]
  package var outputs: [OutputColumn]
  /// The standard dataset the input rows are, for metrics.
  package var origin: String?
  package var text: String
}

/// One aggregate computed per group.
package struct AggregateSpec {
  package var function: AggregateFunction
  /// The argument, bound over the aggregate's input (nil for `count()`).
  package var argument: BoundExpr?
  package var type: DataType
  package var hint: DisplayHint
  /// The call as written, for an overflow of `sum` found in the data.
  package var site: ExprSite? = nil
  /// For a metric, what it reads besides the rows, for a SQL compiler (the
  /// executor reads the catalog itself).
  package var reads: VerbReads? = nil
}

package enum AggregateFunction: Equatable {
  case countRows, count, countIf, countDistinct, sum, avg, min, max, median, stddev, share
  case percentile(Double)
  /// A built-in metric, computed by `MetricEvaluator` (arguments are literals).
  case metric(MetricCall)
}

/// `join [left] <dataset> on <l> == <r>`.
package struct JoinPlan {
  package var right: PlanNode
  package var rightName: String
  package var left: Bool
  package var leftKey: Int
  package var rightKey: Int
  /// Right columns kept (all but the key), with their output names.
  package var rightColumns: [(index: Int, name: String)]
}

/// `compare <expr> <a> vs <b> on <aggs> by <keys>`.
package struct ComparePlan {
  package var subject: BoundExpr
  package var a: Value
  package var b: Value
  package var keys: [OutputColumn]
  /// One aggregation per compared metric: its name, its plan over the rows
  /// of one side (keys as in `keys`), and the same without keys, which over
  /// no rows gives the value of a side that has no rows for a key.
  package var metrics: [(name: String, aggregate: AggregatePlan, whole: AggregatePlan)]
  /// The type of the two value columns: the metrics' type when they share
  /// one, a double when they are numbers of different types, else text.
  package var valueType: DataType
  package var valueHint: DisplayHint
  /// The type of `change`: b − a for numbers, days for dates and timestamps.
  package var changeType: DataType
  package var changeHint: DisplayHint
  /// `metric`, a's text, b's text, `change`, `change_pct` (made unique against
  /// the keys), then, when a metric is tested, the names of `CompareTest.columns`.
  package var columnNames: [String]
  package var text: String
  /// Per metric, the test of its change (`Significance`).
  package var tests: [CompareTest] = []

  /// Whether the result has the test columns: some metric is a rate or a mean.
  package var isTested: Bool { tests.contains { $0.stats != nil } }
}

/// How `compare` tests one metric's change: its kind and the aggregation
/// giving each side's sample (keys as the metric's): successes and trials of
/// a rate, or the count, mean and sample standard deviation of a mean.
package struct CompareTest {
  package enum Kind: Equatable {
    case proportion, mean
    /// No test, and why (`a count`).
    case none(String)
  }

  package var kind: Kind
  package var stats: AggregatePlan? = nil

  /// The columns the tests add, in order.
  package static let columns: [(name: String, type: DataType)] = [
    ("statistic", .double), ("df", .double), ("p_value", .double), ("ci_low", .double), ("ci_high", .double),
    ("significant", .bool),
  ]
}
