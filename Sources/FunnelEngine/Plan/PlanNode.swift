import FunnelData
import FunnelLanguage

/// One step of a plan; the tree is a plain value, holding no data, so that it
/// can be printed (`Plan.explain()`), rewritten (`PlanRules`) and, later,
/// compiled to SQL. Every step reads the table its input produces; column
/// positions refer to that table.
///
/// The binder makes the logical steps; `topN` and `prune` appear only after
/// the rewrite rules, in the physical plan the executor runs.
indirect enum PlanNode {
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
struct TableSchema {
  var names: [String]
  var types: [DataType]
  var hints: [DisplayHint]
  var rowCount: Int

  init(_ table: Table, rowCount: Int) {
    names = table.names
    types = table.columns.map(\.type)
    hints = table.columns.map(\.hint)
    self.rowCount = rowCount
  }
}

/// A named output column and the expression computing it.
struct OutputColumn {
  var name: String
  var expr: BoundExpr
}

struct SortPlanKey: Sendable {
  var expr: BoundExpr
  var descending: Bool
}

/// `agg <aggregates> by <keys>`: the keys and aggregate slots are computed
/// per group; `outputs` are then evaluated over a table of
/// `[keys..., slots...]` (so `sum(x) / count()` is slot 0 / slot 1).
struct AggregatePlan {
  var keys: [OutputColumn]
  var aggregates: [AggregateSpec]
  var outputs: [OutputColumn]
  /// The standard dataset the input rows are, for metrics.
  var origin: String?
  var text: String
}

/// One aggregate computed per group.
struct AggregateSpec {
  var function: AggregateFunction
  /// The argument, bound over the aggregate's input (nil for `count()`).
  var argument: BoundExpr?
  var type: DataType
  var hint: DisplayHint
  /// The call as written, for an overflow of `sum` found in the data.
  var site: ExprSite? = nil
}

enum AggregateFunction: Equatable {
  case countRows, count, countIf, countDistinct, sum, avg, min, max, median, stddev, share
  case percentile(Double)
  /// A built-in metric, computed by `MetricEvaluator` (arguments are literals).
  case metric(MetricCall)
}

/// `join [left] <dataset> on <l> == <r>`.
struct JoinPlan {
  var right: PlanNode
  var rightName: String
  var left: Bool
  var leftKey: Int
  var rightKey: Int
  /// Right columns kept (all but the key), with their output names.
  var rightColumns: [(index: Int, name: String)]
}

/// `compare <expr> <a> vs <b> on <aggs> by <keys>`.
struct ComparePlan {
  var subject: BoundExpr
  var a: Value
  var b: Value
  var keys: [OutputColumn]
  /// One aggregation per compared metric: its name, its plan over the rows
  /// of one side (keys as in `keys`), and the same without keys, which over
  /// no rows gives the value of a side that has no rows for a key.
  var metrics: [(name: String, aggregate: AggregatePlan, whole: AggregatePlan)]
  /// The type of the two value columns: the metrics' type when they share
  /// one, a double when they are numbers of different types, else text.
  var valueType: DataType
  var valueHint: DisplayHint
  /// The type of `change`: b − a for numbers, days for dates and timestamps.
  var changeType: DataType
  var changeHint: DisplayHint
  /// `metric`, a's text, b's text, `change`, `change_pct` (made unique against the keys).
  var columnNames: [String]
  var text: String
}
