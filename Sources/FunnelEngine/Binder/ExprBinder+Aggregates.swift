import FunnelData
import FunnelLanguage

/// Binding of aggregate calls, built-in metrics and user metrics inside an
/// aggregate context. The argument of an aggregate binds over the input rows;
/// the call itself becomes a slot of the aggregation.
extension ExprBinder {
  func aggregateCall(_ id: Identifier, _ args: [Expr], span: Span, into aggregation: Aggregation) throws -> BoundExpr {
    let name = id.text
    let call = FunctionCall(id: id, args: args, span: span)
    if let metric = catalog.userMetrics[name] {
      try call.arity(0...0, "no arguments")
      guard aggregation.metricDepth < 8 else {
        throw Diagnostic(message: "metric '\(name)' refers to itself", span: span)
      }
      aggregation.metricDepth += 1
      defer { aggregation.metricDepth -= 1 }
      do {
        // The body was written in another statement: its run-time errors point at this call.
        let first = aggregation.specs.count
        let body = try bind(metric.body)
        for k in first..<aggregation.specs.count {
          aggregation.specs[k].site = aggregation.specs[k].site?.called(name, at: span)
        }
        return body.rewritten(columns: nil, sites: { $0.called(name, at: span) })
      } catch var d as Diagnostic {
        // The body's own spans point into another statement; show the call instead.
        d.message = "in metric '\(name)': " + d.message
        d.span = span
        throw d
      }
    }
    if MetricLookup.isMetric(name) {
      return try metricCall(id, args, span: span, into: aggregation)
    }
    guard let function = FunctionRegistry.named(name), case .aggregate(let bind) = function.hook else {
      throw Diagnostic.unknownFunction(id, catalog: catalog)
    }
    let rows = ExprBinder(scope: aggregation.input, catalog: catalog, clause: "an aggregate's argument")
    return try bind(AggregateCall(call: call, rows: rows, aggregation: aggregation))
  }
}
