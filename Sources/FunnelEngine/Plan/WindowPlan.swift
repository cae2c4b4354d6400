import FunnelData

/// What one window function computes for a row from the rows of its
/// partition, in the partition's order (docs/language.md §3.8).
package enum WindowFunction: Equatable, Sendable {
  /// The value `n` rows before (lag) or after (lead) in the partition; null past its edge.
  case lag(Int), lead(Int)
  /// The total of the values so far (nulls add nothing; null before the first value).
  case runningSum
  /// The rows so far (`running_count()`), or the non-null values so far (`running_count(x)`).
  case runningCount
  /// The mean of the non-null values among this row and the `n - 1` before it.
  case movingAverage(Int)
  /// 1, 2, 3 ... in the partition's order.
  case rowNumber
  /// 1 + the rows of the partition sorted before this row's sort keys (SQL RANK: ties share, then a gap).
  case rank
  /// The value ÷ the partition's total.
  case shareOfTotal
  /// The value minus the previous row's.
  case change
  /// (value − previous) ÷ previous.
  case percentChange
  /// `lead_velocity_rate()`: (count − the previous calendar month's) ÷ that,
  /// the partition sorted by a month; null unless the previous row is the month before.
  case monthGrowth

  /// The name a call writes (`monthGrowth` is `lead_velocity_rate`'s own).
  package var name: String {
    switch self {
    case .lag: return "lag"
    case .lead: return "lead"
    case .runningSum: return "running_sum"
    case .runningCount: return "running_count"
    case .movingAverage: return "moving_avg"
    case .rowNumber: return "row_number"
    case .rank: return "rank"
    case .shareOfTotal: return "pct_of_total"
    case .change: return "change"
    case .percentChange: return "pct_change"
    case .monthGrowth: return "lead_velocity_rate"
    }
  }
}

/// One window function of a `window` step: its argument, partition and order
/// are expressions over the step's input rows.
package struct WindowSpec {
  package var function: WindowFunction
  /// nil for `row_number()`, `rank()`, `running_count()`.
  package var argument: BoundExpr?
  /// Rows with equal keys (nulls equal to each other) form a partition.
  package var partition: [BoundExpr]
  /// The order within a partition: these keys (nulls last in either
  /// direction), then the input's order.
  package var order: [SortPlanKey]
  package var type: DataType
  package var hint: DisplayHint
  /// The call as written, for an overflow found in the data and for `.explain`.
  package var site: ExprSite
}

/// A `window` step: the input's columns, then one column per function, named
/// `names` (hidden: the `derive` above it gives them their names). The rows
/// and their order are the input's.
package struct WindowPlan {
  package var functions: [WindowSpec]
  package var names: [String]

  /// The step in words, for `.explain`.
  package var text: String {
    "compute window functions " + functions.map(\.site.text).joined(separator: ", ") + " (the rows keep their order)"
  }
}
