extension PlanNode {
  /// The steps of the plan `Executor` names for the progress bar: those that
  /// work over their input (filter, derive, agg, sort, distinct, join,
  /// window, compare and the verbs such as funnel), not those that only
  /// pass it on (scan, prune, take, chart).
  /// A step done counts one; the bar shows how many of these are done.
  var progressSteps: Int {
    switch self {
    case .scan: return 0
    case .prune(let input, _, _), .limit(let input, _), .chart(let input, _), .save(let input, _, _):
      return input.progressSteps
    case .vocabulary(let input, _, _): return (input?.progressSteps ?? 0) + 1
    case .compare(let input, _), .filter(let input, _, _), .project(let input, _, _, _), .aggregate(let input, _),
      .sort(let input, _, _),
      .topN(let input, _, _, _), .distinct(let input, _, _), .window(let input, _):
      return input.progressSteps + 1
    case .join(let input, let plan): return input.progressSteps + plan.right.progressSteps + 1
    }
  }
}
