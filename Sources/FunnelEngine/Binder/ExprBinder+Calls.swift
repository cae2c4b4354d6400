import FunnelData
import FunnelLanguage

/// Binding of scalar function calls (LANGUAGE.md §3).
extension ExprBinder {
  func call(_ id: Identifier, _ args: [Expr], span: Span) throws -> BoundExpr {
    let name = id.text
    if Self.isAggregateName(name, catalog: catalog) {
      guard let aggregation else { throw Diagnostic.aggregateNotAllowed(name, in: clause, span: span) }
      return try aggregateCall(id, args, span: span, into: aggregation)
    }
    func arity(_ n: ClosedRange<Int>, _ text: String) throws {
      guard n.contains(args.count) else { throw Diagnostic.argumentCount(name, text, span: span) }
    }
    switch name {
    case "year", "quarter", "month", "week", "day":
      try arity(1...1, "1 argument")
      let unit = PeriodUnit(rawValue: name) ?? .day
      let day = try dateArgument(args[0], of: name)
      return .call(.period(unit), [day], .period(unit))
    case "date":
      try arity(1...1, "1 argument")
      let a = try bind(args[0])
      switch a.type {
      case .string: return .call(.dateFromText, [a], .date)
      case .date: return a
      case .timestamp: return .cast(a, .timestampToDate)
      default: throw Diagnostic.argumentType(name, needs: "text or a timestamp", got: a.type, span: args[0].span)
      }
    case "today":
      try arity(0...0, "no arguments")
      return .constant(.date(catalog.today), .date)
    case "days_between":
      try arity(2...2, "2 arguments")
      let a = try dateArgument(args[0], of: name), b = try dateArgument(args[1], of: name)
      return .arithmetic(.subtract, .cast(b, .dateToDays), .cast(a, .dateToDays), .int)
    case "lower", "upper", "trim", "length":
      try arity(1...1, "1 argument")
      let a = try textArgument(args[0], of: name)
      let f: ScalarFunction = name == "lower" ? .lower : name == "upper" ? .upper : name == "trim" ? .trim : .length
      return .call(f, [a], name == "length" ? .int : .string)
    case "text":
      try arity(1...1, "1 argument")
      return .call(.text, [try bind(args[0])], .string)
    case "concat":
      guard !args.isEmpty else { throw Diagnostic.argumentCount(name, "1 or more arguments", span: span) }
      return .call(.concat, try args.map(bind), .string)
    case "contains", "starts_with", "ends_with":
      try arity(2...2, "2 arguments")
      let a = try textArgument(args[0], of: name), b = try textArgument(args[1], of: name)
      let f: ScalarFunction = name == "contains" ? .contains : name == "starts_with" ? .startsWith : .endsWith
      return .call(f, [a, b], .bool)
    case "round":
      try arity(1...2, "1 or 2 arguments")
      let x = try numberArgument(args[0], of: name)
      var digits = 0
      if args.count == 2 {
        guard case .constant(.int(let d), _) = try bind(args[1]), (-18...18).contains(d) else {
          throw Diagnostic(message: "'round' needs a whole number of digits", span: args[1].span, hints: ["round(x, 2)"])
        }
        digits = Int(d)
      }
      let type: DataType
      switch x.type {
      case .decimal(let s): type = .decimal(scale: MathKernels.roundedScale(s, digits: digits))
      default: type = x.type
      }
      return .call(.round(digits: digits), [x], type)
    case "abs", "floor", "ceil":
      try arity(1...1, "1 argument")
      let x = try numberArgument(args[0], of: name)
      if name == "abs" { return .call(.abs, [x], x.type) }
      let type: DataType = x.type == .double ? .double : (x.type == .int ? .int : .decimal(scale: 0))
      return .call(name == "floor" ? .floor : .ceil, [x], type)
    case "if":
      try arity(3...3, "3 arguments: if(condition, then, else)")
      let c = try bindCondition(args[0], for: "if")
      let (type, values) = try unify([try bind(args[1]), try bind(args[2])], spans: [args[1].span, args[2].span], what: "if")
      return .cases([(when: c, then: values[0])], otherwise: values[1], type)
    case "coalesce":
      guard !args.isEmpty else { throw Diagnostic.argumentCount(name, "1 or more arguments", span: span) }
      let (type, values) = try unify(try args.map(bind), spans: args.map(\.span), what: "coalesce")
      return .coalesce(values, type)
    case "reached":
      try arity(1...1, "1 argument: reached(\"sql\")")
      return try reached(args[0])
    default:
      throw Diagnostic.unknownFunction(id, catalog: catalog)
    }
  }

  static func isAggregateName(_ name: String, catalog: Catalog) -> Bool {
    FunctionRegistry.aggregateNames.contains(name) || MetricLookup.names.contains(name)
      || catalog.userMetrics[name] != nil
  }

  /// A date argument; timestamps give their day, text constants are read as dates.
  func dateArgument(_ e: Expr, of name: String) throws -> BoundExpr {
    let a = try bind(e)
    switch a.type {
    case _ where a.isNullConstant: return .constant(.null, .date)
    case .date: return a
    case .timestamp: return .cast(a, .timestampToDate)
    case .string:
      if case .constant(.string(let s), _) = a { return try Self.read(s, as: .date, span: e.span) }
    default: break
    }
    throw Diagnostic.argumentType(name, needs: "a date", got: a.type, span: e.span)
  }

  func textArgument(_ e: Expr, of name: String) throws -> BoundExpr {
    let a = try bind(e)
    if a.isNullConstant { return .constant(.null, .string) }
    guard a.type == .string else { throw Diagnostic.argumentType(name, needs: "text", got: a.type, span: e.span) }
    return a
  }

  func numberArgument(_ e: Expr, of name: String) throws -> BoundExpr {
    let a = try bind(e)
    if a.isNullConstant { return .constant(.null, .double) }
    guard a.type.isNumeric else { throw Diagnostic.argumentType(name, needs: "a number", got: a.type, span: e.span) }
    return a
  }
}
