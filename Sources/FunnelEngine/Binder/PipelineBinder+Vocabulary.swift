import FunnelData
import FunnelLanguage

/// The funnel vocabulary's stages (`funnel`, `cohort`, `attribute`,
/// `stage_durations`) and the
/// `scorecard` source. Their checks run here, so a missing column is reported
/// before anything runs; each declares its output columns from its arguments
/// and the input's columns (`VerbSchema`), without running.
extension PipelineBinder {
  func bindFunnel(steps: [Identifier]?, by: [NamedExpr], within: Expr?, _ node: PlanNode, _ scope: Scope, span: Span)
    throws -> (PlanNode, Scope)
  {
    let stepNames = steps?.map(\.text)
    if let p = FunnelVerb.check(columns: scope.names, steps: stepNames) { throw Self.diagnostic(p, span) }
    let keys = try boundKeys(by, scope, clause: "funnel")
    var withinDays: Int64? = nil
    if let within {
      switch within.kind {
      case .literal(.duration(let d)): withinDays = d.approximateDays
      case .literal(.int(let n)): withinDays = n
      default:
        throw Diagnostic(message: "within needs a duration", span: within.span, hints: ["within 90d, within 3mo"])
      }
    }
    var text = "funnel"
    if let stepNames { text += " over steps " + stepNames.joined(separator: ", ") }
    if !keys.isEmpty { text += " by " + keys.map(\.name).joined(separator: ", ") }
    if let withinDays { text += " within \(withinDays) days" }
    if let note = DealFunnel.note(columns: scope.names, steps: stepNames) { text += "; \(note)" }
    let plan = VocabularyPlan.funnel(steps: stepNames, keys: keys, withinDays: withinDays, text: text)
    return try finish(node, plan, scope, span: span)
  }

  func bindCohort(period: Expr, by: [NamedExpr], byMonths: Bool, _ node: PlanNode, _ scope: Scope, span: Span)
    throws -> (PlanNode, Scope)
  {
    if let p = CohortVerb.check(columns: scope.names) { throw Self.diagnostic(p, span) }
    let cohort = try ExprBinder(scope: scope, catalog: catalog, clause: "cohort").bind(period)
    let keys = try boundKeys(by, scope, clause: "cohort")
    var text = "cohorts by " + ExprText.text(period)
    if !keys.isEmpty { text += " and " + keys.map(\.name).joined(separator: ", ") }
    if byMonths { text += ", conversion by months since the cohort start" }
    let plan = VocabularyPlan.cohort(period: cohort, keys: keys, byMonths: byMonths, text: text)
    return try finish(node, plan, scope, span: span)
  }

  func bindStageDurations(by: [NamedExpr], _ node: PlanNode, _ scope: Scope, span: Span) throws -> (PlanNode, Scope) {
    let keys = try boundKeys(by, scope, clause: "stage_durations")
    var text =
      StageDurationsVerb.overLeads(columns: scope.names)
      ? "days in each lead stage from the stage dates" : "days in each deal stage from stage_changes"
    if !keys.isEmpty { text += " by " + keys.map(\.name).joined(separator: ", ") }
    let plan = VocabularyPlan.stageDurations(keys: keys, reads: verbReads(), text: text)
    return try finish(node, plan, scope, span: span)
  }

  func bindScorecard(by: [NamedExpr], model: Identifier?, arguments: [Expr], span: Span) throws
    -> (PlanNode, Scope)
  {
    var credit: AttributionModel? = nil
    if let model {
      let m = try Self.attributionModel(model, arguments)
      guard m != .compare else {
        throw Diagnostic(
          message: "the scorecard credits revenue by one model, not compare", span: model.span,
          hints: ["scorecard by channel model w_shaped", "attribute compare by channel puts the models side by side"])
      }
      credit = m
    }
    var keys = [String]()
    for k in by {
      guard case .column(let id) = k.expr.kind else {
        throw Diagnostic(message: "scorecard keys are column names", span: k.expr.span, hints: ["scorecard by channel"])
      }
      keys.append(id.text)
    }
    let columns: VerbSchema.Columns
    do {
      columns = try VerbSchema.scorecard(keys: keys, context: metricContext(origin: nil))
      if credit != nil, let p = ScorecardVerb.creditProblem(context: metricContext(origin: nil)) { throw p }
    } catch let p as MetricProblem {
      throw Self.diagnostic(p, span)
    }
    var text = "compute the scorecard" + (keys.isEmpty ? "" : " by " + keys.joined(separator: ", "))
    if let credit { text += ", revenue credited by \(credit.written)" }
    let node = PlanNode.vocabulary(
      nil, .scorecard(keys: keys, credit: credit, reads: verbReads(), text: text), columns: columns.map(\.name))
    return (node, Self.scope(columns, label: "the scorecard"))
  }

  func boundKeys(_ by: [NamedExpr], _ scope: Scope, clause: String) throws -> [OutputColumn] {
    let binder = ExprBinder(scope: scope, catalog: catalog, clause: clause)
    var names = NameAllocator()
    return try by.map {
      OutputColumn(name: names.claim($0.name?.text ?? Naming.name($0.expr)), expr: try binder.bind($0.expr))
    }
  }

  func metricContext(origin: String?) -> MetricContext {
    MetricContext(origin: origin, dataset: catalog.dataset, today: catalog.today)
  }

  /// The session's day and the columns of the datasets the verbs read by name.
  func verbReads() -> VerbReads { VerbReads(catalog: catalog) }

  /// The plan node and the verb's output columns, as the verb declares them.
  func finish(_ node: PlanNode, _ plan: VocabularyPlan, _ scope: Scope, span: Span) throws -> (PlanNode, Scope) {
    let columns: VerbSchema.Columns
    do {
      switch plan {
      case .funnel(let steps, let keys, let within, _):
        columns = try VerbSchema.funnel(input: scope, steps: steps, keys: keys, withinDays: within)
      case .cohort(let period, let keys, let byMonths, _):
        columns = try VerbSchema.cohort(input: scope, period: period, keys: keys, byMonths: byMonths)
      case .attribute(let model, let basis, let keys, _, _):
        columns = try VerbSchema.attribute(
          input: scope, model: model, basis: basis, keys: keys,
          context: metricContext(origin: scope.origin ?? (basis == .leads ? "leads" : "deals")))
      case .scorecard(let keys, _, _, _):
        columns = try VerbSchema.scorecard(keys: keys, context: metricContext(origin: nil))
      case .stageDurations(let keys, let reads, _):
        columns = try VerbSchema.stageDurations(input: scope, keys: keys, reads: reads)
      case .forecast(let plan, _, _):
        columns =
          [("period", plan.period.type, plan.period.hint)] + plan.keys.map { ($0.name, $0.expr.type, $0.expr.hint) }
          + ForecastVerb.columns
      }
    } catch let p as MetricProblem {
      throw Self.diagnostic(p, span)
    }
    return (.vocabulary(node, plan, columns: columns.map(\.name)), Self.scope(columns, label: "the result"))
  }

  static func scope(_ columns: VerbSchema.Columns, label: String) -> Scope {
    Scope(names: columns.map(\.name), types: columns.map(\.type), hints: columns.map(\.hint), label: label, origin: nil)
  }

  static func diagnostic(_ p: MetricProblem, _ span: Span) -> Diagnostic {
    Diagnostic(message: p.message, span: span, hints: p.hints)
  }
}
