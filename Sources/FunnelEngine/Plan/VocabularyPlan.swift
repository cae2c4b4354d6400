import FunnelData

/// A vocabulary verb after binding (see `PipelineBinder+Vocabulary`).
package enum VocabularyPlan {
  /// Key expressions are evaluated on the flowing rows and passed as columns.
  case funnel(steps: [String]?, keys: [OutputColumn], withinDays: Int64?, text: String)
  case cohort(period: BoundExpr, keys: [OutputColumn], byMonths: Bool, text: String)
  /// Keys are campaign or touch column names.
  case attribute(model: AttributionModel, basis: AttributionBasis, keys: [String], text: String)
  /// Computed when run, from the session's campaigns, leads and deals.
  case scorecard(keys: [String], credit: AttributionModel?, text: String)

  package var text: String {
    switch self {
    case .funnel(_, _, _, let t), .cohort(_, _, _, let t), .attribute(_, _, _, let t), .scorecard(_, _, let t): return t
    }
  }
}
