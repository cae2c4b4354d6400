import FunnelData
import FunnelLanguage

/// A call of a built-in aggregate being bound: its arguments bind over the
/// input rows, and the call becomes a slot of the aggregation. The aggregate
/// rows' hooks in `FunctionRegistry` are the methods below.
struct AggregateCall {
  let call: FunctionCall
  /// Binds the arguments over the rows the aggregate folds.
  let rows: ExprBinder
  let aggregation: Aggregation

  private var name: String { call.name }
  private var args: [Expr] { call.args }

  /// Adds the slot the call reads.
  private func add(_ f: AggregateFunction, _ arg: BoundExpr?, _ type: DataType, _ hint: DisplayHint) -> BoundExpr {
    let site = ExprSite(Expr(.call(call.id, args), span: call.span))
    return aggregation.add(AggregateSpec(function: f, argument: arg, type: type, hint: hint, site: site))
  }

  private func number(_ e: Expr) throws -> BoundExpr {
    let a = try rows.bind(e)
    if a.isNullConstant { return .constant(.null, .int) }
    guard a.type.isNumeric else { throw Diagnostic.argumentType(name, needs: "a number", got: a.type, span: e.span) }
    return a
  }

  func count() throws -> BoundExpr {
    try call.arity(0...1, "0 or 1 arguments")
    if args.isEmpty { return add(.countRows, nil, .int, .plain) }
    return add(.count, try rows.bind(args[0]), .int, .plain)
  }

  /// `count_if share`: a condition over the rows.
  func condition(share: Bool) throws -> BoundExpr {
    try call.arity(1...1, "1 argument")
    let p = try rows.bindCondition(args[0], for: "'\(name)'")
    return share ? add(.share, p, .double, .rate) : add(.countIf, p, .int, .plain)
  }

  func countDistinct() throws -> BoundExpr {
    try call.arity(1...1, "1 argument")
    return add(.countDistinct, try rows.bind(args[0]), .int, .plain)
  }

  func sum() throws -> BoundExpr {
    try call.arity(1...1, "1 argument")
    let x = try number(args[0])
    return add(.sum, x, x.type, x.hint)
  }

  /// `avg stddev`: a double that reads like its argument.
  func spread(_ f: AggregateFunction) throws -> BoundExpr {
    try call.arity(1...1, "1 argument")
    let x = try number(args[0])
    return add(f, x, .double, x.hint)
  }

  /// `min max`: a value of the argument's type.
  func extreme(_ f: AggregateFunction) throws -> BoundExpr {
    try call.arity(1...1, "1 argument")
    let x = try rows.bind(args[0])
    return add(f, x, x.type, x.hint)
  }

  func median() throws -> BoundExpr {
    try call.arity(1...1, "1 argument")
    let x = try rows.bind(args[0])
    if x.type == .date { return add(.median, x, .date, .plain) }
    guard x.type.isNumeric || x.isNullConstant else {
      throw Diagnostic.argumentType(name, needs: "a number or a date", got: x.type, span: args[0].span)
    }
    return add(.median, x, .double, x.hint)
  }

  func percentile() throws -> BoundExpr {
    try call.arity(2...2, "2 arguments: percentile(x, p)")
    let x = try number(args[0])
    let p = try rows.bind(args[1])
    guard let pv = p.constantValue?.doubleValue, (0...1).contains(pv) else {
      throw Diagnostic(
        message: "'percentile' needs p between 0 and 1", span: args[1].span, hints: ["percentile(amount, 0.9)"])
    }
    return add(.percentile(pv), x, .double, x.hint)
  }
}
