import FunnelData

@testable import FunnelEngine

/// Calls by name with stage arguments as values, as the metric tests write them.
extension MetricEvaluator {
  /// A call by name with its stage arguments as values (`["mql", "won"]`); a
  /// quota metric measures against a quota of 120,000.
  static func call(_ name: String, arguments: [Value]) -> MetricCall {
    var call = MetricCall(name: name)
    if MetricOption.takesQuota.contains(name) { call.quota = 120_000 }
    call.stages = arguments.map { v in
      if case .string(let s) = v { return s }
      return v.rawText
    }
    return call
  }

  /// `check` for a call of `argumentCount` stage arguments.
  static func check(_ name: String, argumentCount: Int, columns: [String], context: MetricContext)
    -> MetricProblem?
  {
    if let d = MetricRegistry.named(name), d.parameters.count != argumentCount {
      return MetricProblem(message: "\(name)() takes \(d.parameters.count) arguments, not \(argumentCount)")
    }
    return check(call(name, arguments: []), columns: columns, context: context)
  }

  /// `evaluate` for a call by name with stage arguments.
  static func evaluate(
    _ name: String, arguments: [Value], input: Table, grouping: Grouping, context: MetricContext
  ) throws -> Column {
    try evaluate(call(name, arguments: arguments), input: input, grouping: grouping, context: context)
  }
}
