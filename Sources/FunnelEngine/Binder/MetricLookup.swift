import FunnelData

/// Where the binder and the aggregate operator reach the built-in metrics
/// (`MetricRegistry` for names, `MetricEvaluator` for checks and values).
enum MetricLookup {
  static var names: [String] { MetricRegistry.all.map(\.name) }
  /// Whether `name` calls a built-in metric, by its name or a former one.
  static func isMetric(_ name: String) -> Bool { MetricRegistry.named(name) != nil }

  static func hint(_ name: String) -> DisplayHint { MetricRegistry.named(name)?.hint ?? .plain }

  static func check(_ call: MetricCall, columns: [String], context: MetricContext) -> MetricProblem? {
    MetricEvaluator.check(call, columns: columns, context: context)
  }

  static func evaluate(_ call: MetricCall, input: Table, grouping: Grouping, context: MetricContext) throws -> Column {
    try MetricEvaluator.evaluate(call, input: input, grouping: grouping, context: context)
  }
}
