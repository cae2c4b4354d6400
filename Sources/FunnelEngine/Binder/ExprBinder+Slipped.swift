import FunnelData
import FunnelLanguage

/// `slipped()`: whether an open deal's expected close has passed.
///
/// True for a deal whose stage, lowercased and trimmed, is neither
/// closed_won nor closed_lost (a null stage is open) and whose
/// `expected_close` (a timestamp's day) is before today; false for a closed
/// deal and for an open one expected today or later; null for an open deal
/// with no expected_close. It binds to the expression it stands for, so every
/// engine runs it as written: `case when not coalesce(lower(trim(stage)) in
/// ["closed_won", "closed_lost"], false) then expected_close < today() else
/// false end`.
extension ExprBinder {
  func bindSlipped(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(0...0, "no arguments")
    if aggregation != nil {
      throw Diagnostic(
        message: "slipped() reads each deal's stage and expected_close, so it must be inside an aggregate",
        span: c.span, hints: ["count_if(slipped()) counts the open deals whose expected close has passed"])
    }
    guard let si = scope.index(of: "stage"), scope.types[si] == .string else {
      throw Diagnostic(
        message: "slipped() needs a text column 'stage' in \(scope.label)", span: c.span,
        hints: ["it works on deals rows"])
    }
    guard let ei = scope.index(of: "expected_close") else {
      throw Diagnostic(
        message: "slipped() needs a column 'expected_close' in \(scope.label)", span: c.span,
        hints: ["map it when loading: .load deals FILE map expected_close = <your column>"])
    }
    let expected: BoundExpr
    switch scope.types[ei] {
    case .date: expected = scope.reference(ei)
    case .timestamp: expected = .cast(scope.reference(ei), .timestampToDate)
    default:
      throw Diagnostic(
        message: "slipped() needs expected_close to be a date, not \(scope.types[ei].name)", span: c.span)
    }
    let word = BoundExpr.call(.lower, [.call(.trim, [scope.reference(si)], .string)], .string)
    let closed = BoundExpr.member(
      word, MemberSet([.string("closed_won"), .string("closed_lost")], type: .string))
    let open = BoundExpr.not(.coalesce([closed, .constant(.bool(false), .bool)], .bool))
    let today = BoundExpr.constant(.date(catalog.today), .date)
    let passed = BoundExpr.compare(.less, expected, today)
    return .cases([(when: open, then: passed)], otherwise: .constant(.bool(false), .bool), .bool)
  }
}
