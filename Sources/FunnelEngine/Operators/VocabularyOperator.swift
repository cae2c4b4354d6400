import FunnelData
import FunnelLanguage

/// Runs a vocabulary verb over the flowing rows.
enum VocabularyOperator {
  static func run(_ input: Table?, _ plan: VocabularyPlan, _ context: ExecutionContext) throws -> Table {
    try context.cancellation.check()
    do {
      return try apply(plan, to: input ?? Table.empty, context, origin: nil)
    } catch let p as MetricProblem {
      throw Diagnostic(message: p.message, hints: p.hints)
    }
  }

  /// Throws `MetricProblem` as the verbs do.
  static func apply(_ plan: VocabularyPlan, to input: Table, _ context: ExecutionContext, origin: String?) throws
    -> Table
  {
    let all = Batch(input)
    func keyColumns(_ keys: [OutputColumn]) throws -> [(name: String, column: Column)] {
      try keys.map { ($0.name, try Evaluator.output($0.expr, all)) }
    }
    switch plan {
    case .funnel(let steps, let keys, let within, _):
      return try FunnelVerb.run(leads: input, steps: steps, keys: try keyColumns(keys), withinDays: within)
    case .cohort(let period, let keys, let byMonths, _):
      let cohort = try Evaluator.output(period, all)
      return try CohortVerb.run(
        leads: input, cohort: cohort, cohortName: "cohort", keys: try keyColumns(keys), byMonths: byMonths)
    case .attribute(let model, let basis, let keys, _, _):
      let metricContext = MetricContext(
        origin: origin ?? (basis == .leads ? "leads" : "deals"), dataset: context.catalog.dataset,
        today: context.catalog.today, attributionMemo: context.catalog.attributionMemo)
      return try AttributeStage.run(rows: input, model: model, basis: basis, keys: keys, context: metricContext)
    case .stageDurations(let keys, _, _):
      let catalog = context.catalog
      return try StageDurationsVerb.run(
        deals: input, keys: try keyColumns(keys), changes: catalog.dataset("stage_changes"), today: catalog.today)
    case .forecast(let plan, _, _):
      return try ForecastVerb.run(
        period: try Evaluator.output(plan.period, all), periodName: "period", keys: try keyColumns(plan.keys),
        kind: try Evaluator.output(plan.kind, all), amount: try Evaluator.output(plan.amount, all),
        probability: try Evaluator.output(plan.probability, all), quotas: context.catalog.dataset("quotas"))
    case .scorecard(let keys, let credit, _, _):
      let catalog = context.catalog
      return try ScorecardVerb.run(
        keys: keys, credit: credit, context: MetricContext(origin: nil, dataset: catalog.dataset, today: catalog.today))
    }
  }
}
