import FunnelData
import FunnelLanguage

/// Typing of the binary operators (LANGUAGE.md §3): numeric promotion,
/// calendar arithmetic, text literals read as dates or periods.
extension ExprBinder {
  func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, span: Span) throws -> BoundExpr {
    switch op {
    case .and: return .and(try bindCondition(l, for: "and"), try bindCondition(r, for: "and"))
    case .or: return .or(try bindCondition(l, for: "or"), try bindCondition(r, for: "or"))
    case .equal: return try comparison(.equal, l, r, span: span)
    case .notEqual: return try comparison(.notEqual, l, r, span: span)
    case .less: return try comparison(.less, l, r, span: span)
    case .lessOrEqual: return try comparison(.lessOrEqual, l, r, span: span)
    case .greater: return try comparison(.greater, l, r, span: span)
    case .greaterOrEqual: return try comparison(.greaterOrEqual, l, r, span: span)
    case .coalesce:
      let (type, both) = try unify([try bind(l), try bind(r)], spans: [l.span, r.span], what: "??")
      return .coalesce(both, type)
    case .add: return try arithmetic(.add, l, r, span: span)
    case .subtract: return try arithmetic(.subtract, l, r, span: span)
    case .multiply: return try arithmetic(.multiply, l, r, span: span)
    case .divide: return try arithmetic(.divide, l, r, span: span)
    case .remainder: return try arithmetic(.remainder, l, r, span: span)
    }
  }

  func comparison(_ op: ComparisonOperator, _ lx: Expr, _ rx: Expr, span: Span) throws -> BoundExpr {
    // `x == null` and `x != null` test for null; they are never null themselves.
    if op == .equal || op == .notEqual {
      if case .literal(.null) = rx.kind { return .isNull(try bind(lx), negated: op == .notEqual) }
      if case .literal(.null) = lx.kind { return .isNull(try bind(rx), negated: op == .notEqual) }
    }
    var l = try bind(lx), r = try bind(rx)
    if l.isNullConstant || r.isNullConstant { return .constant(.null, .bool) }
    if case .string(let s)? = r.constantValue, Self.isTemporal(l.type) {
      r = try Self.read(s, as: l.type, span: rx.span).keepingParameter(of: r)
    }
    if case .string(let s)? = l.constantValue, Self.isTemporal(r.type) {
      l = try Self.read(s, as: r.type, span: lx.span).keepingParameter(of: l)
    }
    // `year(d) == 2018`: a whole number against a year is that year. One
    // past Int32 is held at its end, which no year reaches, so every
    // comparison keeps its answer (never wrapped onto a real year).
    if case .int(let y)? = r.constantValue, l.type == .period(.year) {
      r = BoundExpr.constant(.period(Self.year(y), .year), l.type).keepingParameter(of: r)
    }
    if case .int(let y)? = l.constantValue, r.type == .period(.year) {
      l = BoundExpr.constant(.period(Self.year(y), .year), r.type).keepingParameter(of: l)
    }
    if l.type != r.type {
      guard let target = Self.commonType(l.type, r.type) else {
        throw Diagnostic.typeMismatch(op.rawValue, l.type, r.type, span: span)
      }
      // Ints and decimals of different scales compare exactly as they are
      // (see `Comparisons`): widening one could overflow.
      if !(Self.isExact(l.type) && Self.isExact(r.type)) {
        l = Self.convert(l, to: target)
        r = Self.convert(r, to: target)
      }
    }
    // Constants go on the right, where the kernels have a fast path for them.
    if l.constantValue != nil, r.constantValue == nil { return .compare(op.swapped, r, l) }
    return .compare(op, l, r)
  }

  func arithmetic(_ op: ArithmeticOperator, _ lx: Expr, _ rx: Expr, span: Span) throws -> BoundExpr {
    if case .literal(.duration(let d)) = rx.kind, op == .add || op == .subtract {
      let l = try bind(lx)
      guard l.isNullConstant || l.type == .date || l.type == .timestamp else {
        throw Diagnostic.argumentType(
          op.rawValue, needs: "a date or timestamp before a duration", got: l.type, span: lx.span)
      }
      return .shift(l.isNullConstant ? .constant(.null, .date) : l, d, negative: op == .subtract)
    }
    if case .literal(.duration(let d)) = lx.kind, op == .add {
      let r = try bind(rx)
      guard r.type == .date || r.type == .timestamp else {
        throw Diagnostic.argumentType("+", needs: "a date or timestamp after a duration", got: r.type, span: rx.span)
      }
      return .shift(r, d, negative: false)
    }
    var l = try bind(lx), r = try bind(rx)
    if l.isNullConstant { l = .constant(.null, r.type) }
    if r.isNullConstant { r = .constant(.null, l.type) }
    switch (l.type, r.type) {
    case (.date, .date) where op == .subtract:
      return .arithmetic(.subtract, .cast(l, .dateToDays), .cast(r, .dateToDays), .int)
    case (.timestamp, .timestamp), (.date, .timestamp), (.timestamp, .date):
      guard op == .subtract else { break }
      let a = Self.convert(l, to: .timestamp), b = Self.convert(r, to: .timestamp)
      return .arithmetic(.subtract, .cast(a, .timestampToDays), .cast(b, .timestampToDays), .double)
    case (.date, .int), (.timestamp, .int):
      // `created_at + 7` adds days when the number is a constant.
      if let v = r.constantValue, case .int(let days) = v, op == .add || op == .subtract {
        return .shift(l, Duration(amount: days, unit: .days), negative: op == .subtract)
      }
    default: break
    }
    guard l.type.isNumeric else {
      throw Diagnostic.argumentType(op.rawValue, needs: "numbers", got: l.type, span: lx.span)
    }
    guard r.type.isNumeric else {
      throw Diagnostic.argumentType(op.rawValue, needs: "numbers", got: r.type, span: rx.span)
    }
    if op == .divide {
      return .arithmetic(.divide, Self.convert(l, to: .double), Self.convert(r, to: .double), .double)
    }
    switch (l.type, r.type) {
    case (.int, .int): return .arithmetic(op, l, r, .int)
    case (.double, _), (_, .double):
      return .arithmetic(op, Self.convert(l, to: .double), Self.convert(r, to: .double), .double)
    default:
      let ls = Self.scale(l.type), rs = Self.scale(r.type)
      if op == .multiply {
        // Scales add up; past 6 decimals an exact product risks overflow, so it becomes a double.
        if ls + rs <= 6 {
          return .arithmetic(
            .multiply, Self.convert(l, to: .decimal(scale: ls)), Self.convert(r, to: .decimal(scale: rs)),
            .decimal(scale: ls + rs))
        }
        return .arithmetic(.multiply, Self.convert(l, to: .double), Self.convert(r, to: .double), .double)
      }
      let s = max(ls, rs)
      return .arithmetic(
        op, Self.convert(l, to: .decimal(scale: s)), Self.convert(r, to: .decimal(scale: s)), .decimal(scale: s))
    }
  }

  /// One type for several values (branches of `case`, `if`, `coalesce`, `??`).
  func unify(_ exprs: [BoundExpr], spans: [Span], what: String) throws -> (DataType, [BoundExpr]) {
    var target: DataType? = nil
    for (e, span) in zip(exprs, spans) where !e.isNullConstant {
      guard let t = target else {
        target = e.type
        continue
      }
      guard let common = Self.commonType(t, e.type) else {
        throw Diagnostic(
          message: "\(what) mixes \(t.name) and \(e.type.name)", span: span,
          hints: ["every branch must give the same kind of value"])
      }
      target = common
    }
    let type = target ?? .int
    return (type, exprs.map { Self.convert($0, to: type) })
  }

  static func isTemporal(_ t: DataType) -> Bool {
    switch t {
    case .date, .timestamp, .period: return true
    default: return false
    }
  }

  /// A whole number as a year ordinal, held within Int32.
  static func year(_ y: Int64) -> Int32 {
    Int32(exactly: y) ?? (y < 0 ? Int32.min : Int32.max)
  }

  /// Int or decimal: numbers held exactly as scaled Int64s.
  static func isExact(_ t: DataType) -> Bool {
    switch t {
    case .int, .decimal: return true
    default: return false
    }
  }

  static func scale(_ t: DataType) -> Int {
    if case .decimal(let s) = t { return s }
    return 0
  }

  /// The type two types meet in, when they are comparable.
  static func commonType(_ a: DataType, _ b: DataType) -> DataType? {
    if a == b { return a }
    switch (a, b) {
    case (.double, _) where b.isNumeric, (_, .double) where a.isNumeric: return .double
    case (.decimal(let x), .decimal(let y)): return .decimal(scale: max(x, y))
    case (.decimal, .int): return a
    case (.int, .decimal): return b
    case (.date, .timestamp), (.timestamp, .date): return .timestamp
    default: return nil
    }
  }

  /// `e` as a value of `target` (a type `commonType` chose).
  static func convert(_ e: BoundExpr, to target: DataType) -> BoundExpr {
    if e.isNullConstant { return .constant(.null, target) }
    let from = e.type
    if from == target { return e }
    switch (from, target) {
    case (.int, .double): return .cast(e, .intToDouble)
    // A constant is converted now; one with no form at the target's scale
    // stays a cast, which reports the overflow at run time, at its expression.
    case (.int, .decimal(let s)):
      if case .int(let v)? = e.constantValue, let u = Decimal64.rescaled(v, from: 0, to: s) {
        return BoundExpr.constant(.decimal(u, scale: s), target).keepingParameter(of: e)
      }
      return .cast(e, .intToDecimal(scale: s))
    case (.decimal(let a), .decimal(let b)):
      if case .decimal(let u, _)? = e.constantValue, let v = Decimal64.rescaled(u, from: a, to: b) {
        return BoundExpr.constant(.decimal(v, scale: b), target).keepingParameter(of: e)
      }
      return .cast(e, .decimalToDecimal(from: a, to: b))
    case (.decimal(let s), .double):
      if let d = e.constantValue?.doubleValue { return BoundExpr.constant(.double(d), .double).keepingParameter(of: e) }
      return .cast(e, .decimalToDouble(scale: s))
    case (.date, .timestamp):
      if case .date(let d)? = e.constantValue, CivilDate.supportedDays.contains(d) {
        return BoundExpr.constant(.timestamp(Int64(d) * Timestamps.microsPerDay), .timestamp).keepingParameter(of: e)
      }
      return .cast(e, .dateToTimestamp)
    default: return e
    }
  }

  /// A text constant read as a date, timestamp or period (`"2026-Q1"` against a quarter).
  static func read(_ text: String, as type: DataType, span: Span) throws -> BoundExpr {
    let t = text.hasPrefix("@") ? String(text.dropFirst()) : text
    switch type {
    case .date:
      if let d = Periods.parse(t, unit: .day) { return .constant(.date(d), .date) }
    case .timestamp:
      if let ts = Timestamps.parse(t) { return .constant(.timestamp(ts), .timestamp) }
    case .period(let u):
      if let p = Periods.parse(t, unit: u) { return .constant(.period(p, u), type) }
    default: break
    }
    let example: String
    switch type {
    case .period(.quarter): example = "\"2026-Q1\""
    case .period(.month): example = "\"2026-03\""
    case .period(.week): example = "\"2026-W11\""
    case .period(.year): example = "\"2026\""
    case .timestamp: example = "\"2026-01-31 09:30:00\" or \"2026-01-31\""
    default: example = "\"2026-01-31\""
    }
    throw Diagnostic(message: "'\(text)' is not a \(type.name)", span: span, hints: ["write it as \(example)"])
  }
}
