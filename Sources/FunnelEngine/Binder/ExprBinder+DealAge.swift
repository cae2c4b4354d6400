import FunnelData
import FunnelLanguage

/// `deal_age_days()`: how many days an open deal has been open.
///
/// Today minus the deal's `created_at` (a timestamp's day) for a deal whose
/// stage, lowercased and trimmed, is neither closed_won nor closed_lost (a
/// null stage is open, as the metrics read it); null for a closed deal. It
/// binds to the expression it stands for, so every engine runs it as written:
/// `case when not coalesce(lower(trim(stage)) in ["closed_won", "closed_lost"],
/// false) then days_between(created_at, today()) end`.
extension ExprBinder {
  func bindDealAge(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(0...0, "no arguments")
    if aggregation != nil {
      throw Diagnostic(
        message: "deal_age_days() reads each deal's stage and created_at, so it must be inside an aggregate",
        span: c.span, hints: ["median(deal_age_days()) gives the median age of the open deals"])
    }
    guard let si = scope.index(of: "stage"), scope.types[si] == .string else {
      throw Diagnostic(
        message: "deal_age_days() needs a text column 'stage' in \(scope.label)", span: c.span,
        hints: ["it works on deals rows"])
    }
    guard let ci = scope.index(of: "created_at") else {
      throw Diagnostic(
        message: "deal_age_days() needs a column 'created_at' in \(scope.label)", span: c.span,
        hints: ["map it when loading: .load deals FILE map created_at = <your column>"])
    }
    let created: BoundExpr
    switch scope.types[ci] {
    case .date: created = scope.reference(ci)
    case .timestamp: created = .cast(scope.reference(ci), .timestampToDate)
    default:
      throw Diagnostic(
        message: "deal_age_days() needs created_at to be a date, not \(scope.types[ci].name)", span: c.span)
    }
    let word = BoundExpr.call(.lower, [.call(.trim, [scope.reference(si)], .string)], .string)
    let closed = BoundExpr.member(
      word, MemberSet([.string("closed_won"), .string("closed_lost")], type: .string))
    let open = BoundExpr.not(.coalesce([closed, .constant(.bool(false), .bool)], .bool))
    let today = BoundExpr.constant(.date(catalog.today), .date)
    let age = BoundExpr.arithmetic(.subtract, .cast(today, .dateToDays), .cast(created, .dateToDays), .int)
    return .cases([(when: open, then: age)], otherwise: .constant(.null, .int), .int)
  }
}
