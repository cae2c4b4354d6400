import FunnelData
import FunnelLanguage

/// Binding of aggregate calls, built-in metrics and user metrics inside an
/// aggregate context. The argument of an aggregate binds over the input rows;
/// the call itself becomes a slot of the aggregation.
extension ExprBinder {
  func aggregateCall(_ id: Identifier, _ args: [Expr], span: Span, into aggregation: Aggregation) throws -> BoundExpr {
    let name = id.text
    let rows = ExprBinder(scope: aggregation.input, catalog: catalog, clause: "an aggregate's argument")
    func arity(_ n: ClosedRange<Int>, _ text: String) throws {
      guard n.contains(args.count) else { throw Diagnostic.argumentCount(name, text, span: span) }
    }
    func number(_ e: Expr) throws -> BoundExpr {
      let a = try rows.bind(e)
      if a.isNullConstant { return .constant(.null, .int) }
      guard a.type.isNumeric else { throw Diagnostic.argumentType(name, needs: "a number", got: a.type, span: e.span) }
      return a
    }
    let site = ExprSite(Expr(.call(id, args), span: span))
    func add(_ f: AggregateFunction, _ arg: BoundExpr?, _ type: DataType, _ hint: DisplayHint) -> BoundExpr {
      aggregation.add(AggregateSpec(function: f, argument: arg, type: type, hint: hint, site: site))
    }
    if let metric = catalog.userMetrics[name] {
      try arity(0...0, "no arguments")
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
    if MetricLookup.names.contains(name) {
      return try metricCall(id, args, span: span, into: aggregation)
    }
    switch name {
    case "count":
      try arity(0...1, "0 or 1 arguments")
      if args.isEmpty { return add(.countRows, nil, .int, .plain) }
      return add(.count, try rows.bind(args[0]), .int, .plain)
    case "count_if", "share":
      try arity(1...1, "1 argument")
      let p = try rows.bindCondition(args[0], for: "'\(name)'")
      return name == "share" ? add(.share, p, .double, .rate) : add(.countIf, p, .int, .plain)
    case "count_distinct":
      try arity(1...1, "1 argument")
      return add(.countDistinct, try rows.bind(args[0]), .int, .plain)
    case "sum":
      try arity(1...1, "1 argument")
      let x = try number(args[0])
      return add(.sum, x, x.type, x.hint)
    case "avg", "stddev":
      try arity(1...1, "1 argument")
      let x = try number(args[0])
      return add(name == "avg" ? .avg : .stddev, x, .double, x.hint)
    case "min", "max":
      try arity(1...1, "1 argument")
      let x = try rows.bind(args[0])
      return add(name == "min" ? .min : .max, x, x.type, x.hint)
    case "median":
      try arity(1...1, "1 argument")
      let x = try rows.bind(args[0])
      if x.type == .date { return add(.median, x, .date, .plain) }
      guard x.type.isNumeric || x.isNullConstant else {
        throw Diagnostic.argumentType(name, needs: "a number or a date", got: x.type, span: args[0].span)
      }
      return add(.median, x, .double, x.hint)
    case "percentile":
      try arity(2...2, "2 arguments: percentile(x, p)")
      let x = try number(args[0])
      let p = try rows.bind(args[1])
      guard let pv = p.constantValue?.doubleValue, (0...1).contains(pv) else {
        throw Diagnostic(
          message: "'percentile' needs p between 0 and 1", span: args[1].span, hints: ["percentile(amount, 0.9)"])
      }
      return add(.percentile(pv), x, .double, x.hint)
    default:
      throw Diagnostic.unknownFunction(id, catalog: catalog)
    }
  }
}
