import FunnelData

/// The output columns of each vocabulary verb, declared from its arguments and
/// the input's columns: nothing runs. Each also makes the checks a run would
/// make on the columns' names and types, with the same messages, so a wrong
/// column is reported before anything runs. (A test runs every verb and
/// compares its table with what is declared here.)
package enum VerbSchema {
  package typealias Columns = [(name: String, type: DataType, hint: DisplayHint)]

  /// `funnel`: the keys, then step, count, step_conversion, overall_conversion, drop_off, median_days.
  package static func funnel(input: Scope, steps: [String]?, keys: [OutputColumn], withinDays: Int64?) throws -> Columns
  {
    if DealFunnel.applies(columns: input.names, steps: steps) {
      if let p = DealFunnel.check(columns: input.names, steps: steps) { throw p }
      if withinDays != nil {
        throw MetricProblem(
          message: "funnel within needs the day each stage was reached, and deals have none",
          hints: ["run the funnel over leads, which have mql_at, sql_at, opportunity_at and won_at"])
      }
      if type(of: "stage", in: input) != .string { throw MetricProblem(message: "the deals' stage must be text") }
    } else {
      if let p = FunnelVerb.check(columns: input.names, steps: steps) { throw p }
      let stages = steps.map { $0.compactMap { LeadStage(name: $0) } } ?? FunnelVerb.defaultSteps
      try stageText(input)
      for s in stages {
        let t = type(of: s.dateColumn, in: input)
        if let t, !isDay(t) { throw MetricProblem(message: "\(s.dateColumn) must be a date, not \(t.name)") }
        if withinDays != nil && t == nil {
          throw MetricProblem(
            message: "funnel within needs \(s.dateColumn) to place \(s.name) in time",
            hints: ["map it when loading: .load leads FILE map \(s.dateColumn) = <your column>"])
        }
      }
    }
    return keys.map { ($0.name, $0.expr.type, $0.expr.hint) } + [
      ("step", .string, .plain), ("count", .int, .plain), ("step_conversion", .double, .rate),
      ("overall_conversion", .double, .rate), ("drop_off", .int, .plain), ("median_days", .double, .plain),
    ]
  }

  /// `cohort`: the cohort, the keys, leads, then mql ... won (or m0 ... m12 `by months`).
  package static func cohort(input: Scope, period: BoundExpr, keys: [OutputColumn], byMonths: Bool) throws -> Columns {
    if let p = CohortVerb.check(columns: input.names) { throw p }
    if byMonths {
      guard type(of: LeadStage.won.dateColumn, in: input) != nil else {
        throw MetricProblem(
          message: "cohort by months needs won_at to place wins in time",
          hints: ["map it when loading: .load leads FILE map won_at = <your column>"])
      }
      for s in [LeadStage.won, .lead] + LeadStage.allCases { try dayColumn(s, input) }
    } else {
      try stageText(input)
      for s in LeadStage.allCases.dropFirst() { try dayColumn(s, input) }
    }
    let shares = byMonths ? (0...CohortVerb.maxMonths).map { "m\($0)" } : LeadStage.allCases.dropFirst().map(\.name)
    return [("cohort", period.type, period.hint)] + keys.map { ($0.name, $0.expr.type, $0.expr.hint) }
      + [("leads", .int, .plain)] + shares.map { ($0, .double, .rate) }
  }

  /// `attribute`: the keys (read from the touch or its campaign), then deals and revenue
  /// (pipeline), or leads; or one column per model for `compare`.
  package static func attribute(
    input: Scope, model: AttributionModel, basis: AttributionBasis, keys: [String], context: MetricContext
  ) throws -> Columns {
    if let p = AttributionVerb.check(rows: input.names, basis: basis, context: context, keys: keys) { throw p }
    let sources = try AttributionVerb.sources(keys: keys, context: context).get()
    let what = basis == .leads ? "leads" : "deals"
    guard let touches = context.dataset("touches"), let rowLead = type(of: "lead_id", in: input),
      let touchLead = touches.column("lead_id")?.type
    else { throw MetricProblem.internalError("attribution inputs checked but missing") }
    guard isId(rowLead), isId(touchLead) else {
      throw MetricProblem(message: "lead_id must be int or text in \(what) and touches")
    }
    if basis != .leads {
      guard let amount = type(of: "amount", in: input), amount.isNumeric else {
        throw MetricProblem(message: "deals.amount must be a number, not \(type(of: "amount", in: input)?.name ?? "")")
      }
    }
    for name in ["closed_at", "created_at"] {
      if let t = type(of: name, in: input), !isDay(t) {
        throw MetricProblem(message: "\(what).\(name) must be a date, not \(t.name)")
      }
    }
    if let when = touches.column("touched_at")?.type, when != .date, when != .timestamp {
      throw MetricProblem(message: "touches.touched_at must be a timestamp or a date, not \(when.name)")
    }
    let campaigns = context.dataset("campaigns")
    var out = Columns()
    for (key, source) in sources {
      let table = source == .touches ? touches : campaigns
      guard let c = table?.column(key) else { throw MetricProblem.internalError("\(key) vanished") }
      if source == .campaigns {
        let a = touches.column("campaign_id")?.type, b = campaigns?.column("campaign_id")?.type
        guard let a, let b, isId(a), isId(b) else {
          throw MetricProblem(message: "campaign_id must be int or text in touches and campaigns")
        }
      }
      out.append((key, c.type, c.hint))
    }
    let amountName = AttributionVerb.amountName(basis)
    if model == .compare {
      return out + AttributionModel.compared.map { ($0.name, .double, amountName == nil ? .plain : .money) }
    }
    guard let amountName else { return out + [("leads", .double, .plain)] }
    return out + [("deals", .double, .plain), (amountName, .double, .money)]
  }

  /// `scorecard`: the campaign keys, then the marketing and sales columns.
  package static func scorecard(keys: [String], context: MetricContext) throws -> Columns {
    if let p = ScorecardVerb.check(context: context, keys: keys) { throw p }
    guard let campaigns = context.dataset("campaigns") else { throw MetricProblem.internalError("campaigns vanished") }
    let keyColumns = (keys.isEmpty ? ScorecardVerb.defaultKeys : keys).compactMap { k in
      campaigns.column(k).map { (k, $0.type, $0.hint) }
    }
    return keyColumns + [
      ("spend", .double, .money), ("leads", .int, .plain), ("cpl", .double, .money), ("mql_rate", .double, .rate),
      ("ctr", .double, .rate), ("roas", .double, .plain), ("mql_to_sql_rate", .double, .rate),
      ("opportunities", .int, .plain), ("win_rate", .double, .rate), ("avg_deal_size", .double, .money),
      ("sales_cycle_days", .double, .plain), ("pipeline_value", .double, .money), ("revenue", .double, .money),
    ]
  }

  /// `stage_durations`: the keys, then stage, entered, exited, mean_days,
  /// median_days, open, open_median_age_days (over deals or over leads).
  package static func stageDurations(input: Scope, keys: [OutputColumn], reads: VerbReads) throws -> Columns {
    let changes = reads.datasets["stage_changes"]
    if let p = StageDurationsVerb.check(columns: input.names, changes: changes?.names) { throw p }
    if StageDurationsVerb.overLeads(columns: input.names) {
      let types = StageDurationsVerb.leadDateColumns.compactMap { type(of: $0, in: input) }
      if let p = StageDurationsVerb.checkLeadTypes(types) { throw p }
      return keys.map { ($0.name, $0.expr.type, $0.expr.hint) } + StageDurationsVerb.columns
    }
    guard let changes, let deal = type(of: "deal_id", in: input) else {
      throw MetricProblem.internalError("stage_durations inputs checked but missing")
    }
    func changeType(_ name: String) -> DataType? { changes.names.firstIndex(of: name).map { changes.types[$0] } }
    guard let changeDeal = changeType("deal_id"), let stage = changeType("stage"), let at = changeType("changed_at")
    else { throw MetricProblem.internalError("stage_changes columns checked but missing") }
    if let p = StageDurationsVerb.checkTypes(deal: deal, changeDeal: changeDeal, stage: stage, changedAt: at) {
      throw p
    }
    return keys.map { ($0.name, $0.expr.type, $0.expr.hint) } + StageDurationsVerb.columns
  }

  private static func type(of name: String, in scope: Scope) -> DataType? {
    scope.index(of: name).map { scope.types[$0] }
  }

  /// Dates, timestamps and periods give a day.
  private static func isDay(_ t: DataType) -> Bool {
    switch t {
    case .date, .timestamp, .period: return true
    default: return false
    }
  }

  private static func isId(_ t: DataType) -> Bool { t == .int || t == .string }

  private static func stageText(_ input: Scope) throws {
    if let t = type(of: "stage", in: input), t != .string {
      throw MetricProblem(message: "the leads' stage must be text, not \(t.name)")
    }
  }

  private static func dayColumn(_ s: LeadStage, _ input: Scope) throws {
    if let t = type(of: s.dateColumn, in: input), !isDay(t) {
      throw MetricProblem(message: "\(s.dateColumn) must be a date, not \(t.name)")
    }
  }
}
