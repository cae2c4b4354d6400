import FunnelData
import FunnelLanguage

/// `days_in_stage()`: how many days an open deal has been in its current stage.
///
/// Today minus the day the deal last entered its stage: its latest change
/// into that stage in `stage_changes` (matched by deal_id, stage words
/// lowercased and trimmed), else its `created_at` when the history has no
/// change into the stage (the deal is taken to have stood there since it
/// opened). Null for a closed deal, as `deal_age_days()` reads stages. It
/// binds to
/// `case when open then days_between(coalesce(<entered>, created_at), today()) end`,
/// `<entered>` a lookup of the session's stage_changes (`StageEntries`), which
/// the SQL compiler writes as a subquery on the server's stage_changes.
extension ExprBinder {
  func bindDaysInStage(_ c: FunctionCall) throws -> BoundExpr {
    try c.arity(0...0, "no arguments")
    if aggregation != nil {
      throw Diagnostic(
        message: "days_in_stage() reads each deal's stage and history, so it must be inside an aggregate",
        span: c.span, hints: ["median(days_in_stage()) gives the median days the open deals have sat in their stage"])
    }
    func need(_ name: String, _ what: String) throws -> Int {
      guard let i = scope.index(of: name) else {
        throw Diagnostic(
          message: "days_in_stage() needs \(what) '\(name)' in \(scope.label)", span: c.span,
          hints: ["it works on deals rows: deals | derive d = days_in_stage()"])
      }
      return i
    }
    let si = try need("stage", "a text column")
    guard scope.types[si] == .string else {
      throw Diagnostic(message: "days_in_stage() needs a text column 'stage' in \(scope.label)", span: c.span)
    }
    let di = try need("deal_id", "a column")
    let ci = try need("created_at", "a column")
    let created: BoundExpr
    switch scope.types[ci] {
    case .date: created = scope.reference(ci)
    case .timestamp: created = .cast(scope.reference(ci), .timestampToDate)
    default:
      throw Diagnostic(
        message: "days_in_stage() needs created_at to be a date, not \(scope.types[ci].name)", span: c.span)
    }
    guard let changes = catalog.dataset("stage_changes") else {
      throw Diagnostic(
        message: "days_in_stage() reads when each deal entered its stage from stage_changes, and none is loaded",
        span: c.span,
        hints: [
          "load it: .load stage_changes FILE  (deal_id, stage, changed_at)",
          "deal_age_days() gives the days since a deal was created, without the history",
        ])
    }
    guard let entries = StageEntries(schema: changes, rows: catalog.rowsWhenRun("stage_changes")) else {
      throw Diagnostic(
        message: "days_in_stage() needs stage_changes with deal_id, a text stage and a date changed_at",
        span: c.span, hints: ["map them when loading: .load stage_changes FILE map changed_at = <your column>"])
    }
    let word = BoundExpr.call(.lower, [.call(.trim, [scope.reference(si)], .string)], .string)
    let closed = BoundExpr.member(word, MemberSet([.string("closed_won"), .string("closed_lost")], type: .string))
    let open = BoundExpr.not(.coalesce([closed, .constant(.bool(false), .bool)], .bool))
    let entered = BoundExpr.call(.stageEntered(entries), [scope.reference(di), word], .date)
    let since = BoundExpr.coalesce([entered, created], .date)
    let today = BoundExpr.constant(.date(catalog.today), .date)
    let days = BoundExpr.arithmetic(.subtract, .cast(today, .dateToDays), .cast(since, .dateToDays), .int)
    return .cases([(when: open, then: days)], otherwise: .constant(.null, .int), .int)
  }
}
