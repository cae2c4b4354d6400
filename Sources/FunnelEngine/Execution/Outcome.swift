import FunnelData

/// What running a statement gives the shell to show.
public enum Outcome {
  /// A pipeline's result, with the chart to draw beside it when asked for.
  case table(Table, chart: ChartRequest?)
  /// A scalar expression's value (`1 + 2`, `today()`).
  case scalar(Value, hint: DisplayHint)
  /// `let name = <pipeline>`.
  case boundDataset(name: String, rows: Int, columns: Int)
  /// `let name = <expression>`.
  case boundScalar(name: String, value: Value)
  /// `metric name = ...`.
  case definedMetric(name: String)
}

/// A bound statement, ready to run: its plan (inspectable with `explain()`).
public struct Prepared {
  public var plan: Plan

  public init(plan: Plan) { self.plan = plan }
}
