import FunnelData

/// A vocabulary verb after binding (see `PipelineBinder+Vocabulary`).
package enum VocabularyPlan {
  /// Key expressions are evaluated on the flowing rows and passed as columns.
  case funnel(steps: [String]?, keys: [OutputColumn], withinDays: Int64?, text: String)
  case cohort(period: BoundExpr, keys: [OutputColumn], byMonths: Bool, text: String)
  /// Keys are campaign or touch column names.
  case attribute(model: AttributionModel, basis: AttributionBasis, keys: [String], reads: VerbReads, text: String)
  /// Computed when run, from the session's campaigns, leads and deals.
  case scorecard(keys: [String], credit: AttributionModel?, reads: VerbReads, text: String)
  /// Over deals, reads `stage_changes` by name, matched to the flowing deals
  /// by deal_id; over leads, their stage dates.
  case stageDurations(keys: [OutputColumn], reads: VerbReads, text: String)
  /// Reads `quotas` by name; the rows' period, kind, amount and probability are bound expressions.
  case forecast(ForecastPlan, reads: VerbReads, text: String)

  package var text: String {
    switch self {
    case .funnel(_, _, _, let t), .cohort(_, _, _, let t), .attribute(_, _, _, _, let t), .scorecard(_, _, _, let t),
      .stageDurations(_, _, let t), .forecast(_, _, let t):
      return t
    }
  }
}

/// What `attribute`, `scorecard` and the metrics read besides their input rows, as the
/// binder saw it: the session's day (an open deal's window ends today) and the
/// columns of the datasets they read by name (touches, campaigns, leads,
/// deals). The executor reads the catalog itself; a SQL compiler, which sees
/// no catalog, reads these.
package struct VerbReads {
  package var today: Int32
  package var datasets: [String: TableSchema]

  package init(today: Int32, datasets: [String: TableSchema]) {
    self.today = today
    self.datasets = datasets
  }

  /// The session's day and the columns of the standard datasets it holds.
  init(catalog: Catalog) {
    var datasets: [String: TableSchema] = [:]
    for name in ["campaigns", "leads", "touches", "deals", "costs", "stage_changes", "quotas"] {
      if let t = catalog.dataset(name) { datasets[name] = TableSchema(t, rowCount: t.rowCount) }
    }
    self.init(today: catalog.today, datasets: datasets)
  }
}
