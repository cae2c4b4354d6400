import FunnelData
import FunnelLanguage

/// Binding of function calls (LANGUAGE.md §3): every name resolves through
/// `FunctionRegistry`; the scalar rows' hooks are the methods below.
extension ExprBinder {
  func call(_ id: Identifier, _ args: [Expr], span: Span) throws -> BoundExpr {
    let name = id.text
    if Self.isAggregateName(name, catalog: catalog) {
      guard let aggregation else { throw Diagnostic.aggregateNotAllowed(name, in: clause, span: span) }
      return try aggregateCall(id, args, span: span, into: aggregation)
    }
    guard let function = FunctionRegistry.named(name) else { throw Diagnostic.unknownFunction(id, catalog: catalog) }
    switch function.hook {
    case .scalar(let bind): return try bind(self, FunctionCall(id: id, args: args, span: span))
    case .window: throw Diagnostic.windowNeedsOver(function, span: span)
    case .aggregate: throw Diagnostic.unknownFunction(id, catalog: catalog)
    }
  }

  static func isAggregateName(_ name: String, catalog: Catalog) -> Bool {
    FunctionRegistry.named(name)?.isAggregate == true || MetricLookup.isMetric(name)
      || catalog.userMetrics[name] != nil
  }

  /// `year quarter month week day`.
  func bindPeriod(_ c: FunctionCall, _ unit: PeriodUnit) throws -> BoundExpr {
    try c.arity(1...1, "1 argument")
    return .call(.period(unit), [try dateArgument(c.args[0], of: c.name)], .period(unit))
  }

  func bindDate(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(1...1, "1 argument")
    let a = try bind(c.args[0])
    switch a.type {
    case .string: return .call(.dateFromText, [a], .date)
    case .date: return a
    case .timestamp: return .cast(a, .timestampToDate)
    default: throw Diagnostic.argumentType(c.name, needs: "text or a timestamp", got: a.type, span: c.args[0].span)
    }
  }

  func bindToday(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(0...0, "no arguments")
    return .constant(.date(catalog.today), .date)
  }

  func bindDaysBetween(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(2...2, "2 arguments")
    let a = try dateArgument(c.args[0], of: c.name), b = try dateArgument(c.args[1], of: c.name)
    return .arithmetic(.subtract, .cast(b, .dateToDays), .cast(a, .dateToDays), .int)
  }

  /// `lower upper trim length`: one text in.
  func bindText(_ c: FunctionCall, _ f: ScalarFunction, _ type: DataType) throws -> BoundExpr {
    try c.arity(1...1, "1 argument")
    return .call(f, [try textArgument(c.args[0], of: c.name)], type)
  }

  func bindAnyText(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(1...1, "1 argument")
    return .call(.text, [try bind(c.args[0])], .string)
  }

  func bindConcat(_ c: FunctionCall) throws -> BoundExpr {
    guard !c.args.isEmpty else { throw Diagnostic.argumentCount(c.name, "1 or more arguments", span: c.span) }
    return .call(.concat, try c.args.map(bind), .string)
  }

  /// `contains starts_with ends_with`: two texts in, true or false out.
  func bindTextTest(_ c: FunctionCall, _ f: ScalarFunction) throws -> BoundExpr {
    try c.arity(2...2, "2 arguments")
    let a = try textArgument(c.args[0], of: c.name), b = try textArgument(c.args[1], of: c.name)
    return .call(f, [a, b], .bool)
  }

  func bindRound(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(1...2, "1 or 2 arguments")
    let x = try numberArgument(c.args[0], of: c.name)
    var digits = 0
    if c.args.count == 2 {
      guard case .int(let d)? = try bind(c.args[1]).constantValue, (-18...18).contains(d) else {
        throw Diagnostic(
          message: "'round' needs a whole number of digits", span: c.args[1].span, hints: ["round(x, 2)"])
      }
      digits = Int(d)
    }
    let type: DataType
    switch x.type {
    case .decimal(let s): type = .decimal(scale: MathKernels.roundedScale(s, digits: digits))
    default: type = x.type
    }
    return .call(.round(digits: digits), [x], type)
  }

  func bindAbs(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(1...1, "1 argument")
    let x = try numberArgument(c.args[0], of: c.name)
    return .call(.abs, [x], x.type)
  }

  /// `floor ceil`: whole numbers of the argument's kind (a decimal becomes decimal(0)).
  func bindFloorCeil(_ c: FunctionCall, up: Bool) throws -> BoundExpr {
    try c.arity(1...1, "1 argument")
    let x = try numberArgument(c.args[0], of: c.name)
    let type: DataType = x.type == .double ? .double : (x.type == .int ? .int : .decimal(scale: 0))
    return .call(up ? .ceil : .floor, [x], type)
  }

  func bindIf(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(3...3, "3 arguments: if(condition, then, else)")
    let args = c.args
    let condition = try bindCondition(args[0], for: "if")
    let (type, values) = try unify(
      [try bind(args[1]), try bind(args[2])], spans: [args[1].span, args[2].span], what: "if")
    return .cases([(when: condition, then: values[0])], otherwise: values[1], type)
  }

  func bindCoalesce(_ c: FunctionCall) throws -> BoundExpr {
    guard !c.args.isEmpty else { throw Diagnostic.argumentCount(c.name, "1 or more arguments", span: c.span) }
    let (type, values) = try unify(try c.args.map(bind), spans: c.args.map(\.span), what: "coalesce")
    return .coalesce(values, type)
  }

  func bindReached(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(1...1, "1 argument: reached(\"sql\")")
    return try reached(c.args[0])
  }
}
