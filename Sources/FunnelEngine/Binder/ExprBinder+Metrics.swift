import FunnelData
import FunnelLanguage

/// Built-in metric calls (`win_rate()`, `conversion("mql", "won")`): checked
/// against the flowing columns now, computed by `MetricEvaluator` per group.
extension ExprBinder {
  func metricCall(_ id: Identifier, _ args: [Expr], span: Span, into aggregation: Aggregation) throws -> BoundExpr {
    var values: [Value] = []
    for a in args {
      let b = try ExprBinder(scope: .empty, catalog: catalog, clause: "a metric's argument").bind(a)
      guard let v = b.constantValue else {
        throw Diagnostic(
          message: "'\(id.text)' takes literal arguments", span: a.span, hints: ["conversion(\"mql\", \"won\")"])
      }
      values.append(v)
    }
    let context = MetricContext(origin: aggregation.input.origin, dataset: catalog.dataset, today: catalog.today)
    if let problem = MetricLookup.check(
      id.text, argumentCount: args.count, columns: aggregation.input.names, context: context)
    {
      throw Diagnostic(message: problem.message, span: span, hints: problem.hints)
    }
    let spec = AggregateSpec(
      function: .metric(id.text, values), argument: nil, type: .double, hint: MetricLookup.hint(id.text))
    return aggregation.add(spec)
  }
}
