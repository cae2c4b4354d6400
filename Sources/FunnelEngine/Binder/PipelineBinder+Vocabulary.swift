import FunnelData
import FunnelLanguage

/// The funnel vocabulary's stages (`funnel`, `cohort`, `attribute`) and the
/// `scorecard` source. Their checks run here, so a missing column is reported
/// before anything runs; their output columns are learnt by running the verb
/// over no rows (the verbs' columns do not depend on the rows, except the
/// `m0, m1, ...` of `cohort ... by months`, which later stages see as `m0`).
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

  func bindScorecard(by: [NamedExpr], span: Span) throws -> (PlanNode, Scope) {
    var keys = [String]()
    for k in by {
      guard case .column(let id) = k.expr.kind else {
        throw Diagnostic(message: "scorecard keys are column names", span: k.expr.span, hints: ["scorecard by channel"])
      }
      keys.append(id.text)
    }
    let context = metricContext(origin: nil)
    if let p = ScorecardVerb.check(context: context, keys: keys) { throw Self.diagnostic(p, span) }
    // The scorecard's columns depend on the loaded datasets: it is computed
    // now, and the plan carries the result.
    let table: Table
    do { table = try ScorecardVerb.run(keys: keys, context: context) } catch let p as MetricProblem {
      throw Self.diagnostic(p, span)
    }
    let text = "compute the scorecard" + (keys.isEmpty ? "" : " by " + keys.joined(separator: ", "))
    return (.vocabulary(nil, .scorecard(keys: keys, result: table, text: text)), Scope(table: table, label: "the scorecard", origin: nil))
  }

  func boundKeys(_ by: [NamedExpr], _ scope: Scope, clause: String) throws -> [OutputColumn] {
    let binder = ExprBinder(scope: scope, catalog: catalog, clause: clause)
    var names = NameAllocator()
    return try by.map { OutputColumn(name: names.claim($0.name?.text ?? Naming.name($0.expr)), expr: try binder.bind($0.expr)) }
  }

  func metricContext(origin: String?) -> MetricContext {
    MetricContext(origin: origin, dataset: catalog.dataset, today: catalog.today)
  }

  /// The plan node and the verb's output columns (from a run over no rows).
  func finish(_ node: PlanNode, _ plan: VocabularyPlan, _ scope: Scope, span: Span) throws -> (PlanNode, Scope) {
    let empty = Table(names: scope.names, columns: scope.types.map { Column.empty($0, count: 0, allNull: false) })
    let context = ExecutionContext(catalog: catalog, cancellation: Cancellation())
    let shape: Table
    do { shape = try VocabularyOperator.apply(plan, to: empty, context, origin: scope.origin) } catch let p as MetricProblem {
      throw Self.diagnostic(p, span)
    }
    return (.vocabulary(node, plan), Scope(table: shape, label: "the result", origin: nil))
  }

  static func diagnostic(_ p: MetricProblem, _ span: Span) -> Diagnostic {
    Diagnostic(message: p.message, span: span, hints: p.hints)
  }
}
