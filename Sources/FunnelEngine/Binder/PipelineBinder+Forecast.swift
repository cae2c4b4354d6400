import FunnelData
import FunnelLanguage

/// `deals | forecast <period> [by keys]`: binds the period twice (as written
/// for open deals, with closed_at read as expected_close for won ones) and each
/// deal's kind, amount and probability as expressions of existing nodes.
extension PipelineBinder {
  func bindForecast(period: Expr, by: [NamedExpr], _ node: PlanNode, _ scope: Scope, span: Span) throws
    -> (PlanNode, Scope)
  {
    if let p = ForecastVerb.check(columns: scope.names) { throw Self.diagnostic(p, span) }
    let binder = ExprBinder(scope: scope, catalog: catalog, clause: "forecast")
    let open = try binder.bind(period)
    guard case .period = open.type else {
      throw Diagnostic(
        message: "forecast needs a period such as quarter(expected_close), not \(open.type.name)",
        span: period.span, hints: ["forecast quarter(expected_close) by owner"])
    }
    // For a won deal the same expression, with expected_close naming closed_at's column.
    var wonScope = scope
    if let e = scope.index(of: "expected_close"), let c = scope.index(of: "closed_at") {
      guard scope.types[e] == scope.types[c] else {
        throw Diagnostic(
          message: "forecast needs closed_at and expected_close of one type, not \(scope.types[c].name) and "
            + "\(scope.types[e].name)", span: span)
      }
      wonScope.names.swapAt(e, c)
    }
    let won = try ExprBinder(scope: wonScope, catalog: catalog, clause: "forecast").bind(period)
    let keys = try boundKeys(by, scope, clause: "forecast")

    guard let si = scope.index(of: "stage"), scope.types[si] == .string else {
      throw Diagnostic(message: "forecast needs a text column 'stage' in \(scope.label)", span: span)
    }
    let word = BoundExpr.call(.lower, [.call(.trim, [scope.reference(si)], .string)], .string)
    func isStage(_ words: [String]) -> BoundExpr {
      .coalesce(
        [.member(word, MemberSet(words.map { .string($0) }, type: .string)), .constant(.bool(false), .bool)], .bool)
    }
    let isWon = isStage(["closed_won"])
    let isOpen = BoundExpr.not(isStage(["closed_won", "closed_lost"]))
    let kind = BoundExpr.cases(
      [
        (when: isWon, then: .constant(.int(ForecastVerb.wonKind), .int)),
        (when: isOpen, then: .constant(.int(ForecastVerb.openKind), .int)),
      ],
      otherwise: .constant(.int(0), .int), .int)
    let periodExpr = BoundExpr.cases([(when: isWon, then: won)], otherwise: open, open.type)

    guard let ai = scope.index(of: "amount"), let amount = Self.double(scope.reference(ai), scope.types[ai]) else {
      throw Diagnostic(message: "forecast needs a numeric column 'amount' in \(scope.label)", span: span)
    }
    let defaults = BoundExpr.cases(
      ForecastVerb.stageProbability.map {
        (when: isStage([$0.stage]), then: .constant(.double($0.probability), .double))
      },
      otherwise: .constant(.double(0), .double), .double)
    var probability = defaults
    if let pi = scope.index(of: "probability") {
      guard let p = Self.double(scope.reference(pi), scope.types[pi]) else {
        throw Diagnostic(
          message: "forecast needs probability to be a number from 0 to 1, not \(scope.types[pi].name)", span: span)
      }
      probability = .coalesce([p, defaults], .double)
    }
    let quotaProblem = ForecastVerb.quotaProblem(
      keys: keys.map { ($0.name, $0.expr.type) }, quotas: verbReads().datasets["quotas"])
    var text = "forecast by " + ExprText.text(period)
    if !keys.isEmpty { text += " and " + keys.map(\.name).joined(separator: ", ") }
    text += quotaProblem.map { "; no quota: \($0)" } ?? " against quotas"
    let plan = ForecastPlan(
      period: periodExpr, keys: keys, kind: kind, amount: amount, probability: probability,
      quotaProblem: quotaProblem)
    return try finish(node, .forecast(plan, reads: verbReads(), text: text), scope, span: span)
  }

  /// A number as a double; nil for another type.
  private static func double(_ x: BoundExpr, _ type: DataType) -> BoundExpr? {
    switch type {
    case .double: return x
    case .int: return .cast(x, .intToDouble)
    case .decimal(let s): return .cast(x, .decimalToDouble(scale: s))
    default: return nil
    }
  }
}
