/// What a metric reads from each standard dataset: nil = not that dataset; an
/// empty list = the dataset's rows only (to count them).
struct MetricNeeds: Sendable {
  var deals: [String]? = nil
  /// Lead stages whose reach is counted; each needs `stage` or its date column.
  var leadStages: [LeadStage]? = nil
  var campaigns: [String]? = nil
  /// Touches of the deals' leads (through `lead_id`), up to each deal's close.
  var touches = false

  /// Both sets of needs together (the scorecard computes many metrics at once).
  func merged(with other: MetricNeeds) -> MetricNeeds {
    func union<T: Equatable>(_ a: [T]?, _ b: [T]?) -> [T]? {
      guard let a = a else { return b }
      guard let b = b else { return a }
      return a + b.filter { !a.contains($0) }
    }
    return MetricNeeds(
      deals: union(deals, other.deals), leadStages: union(leadStages, other.leadStages),
      campaigns: union(campaigns, other.campaigns), touches: touches || other.touches)
  }

  /// The needs of a built-in metric; `stages` are the arguments of `conversion`.
  static func of(_ name: String, stages: [LeadStage] = []) -> MetricNeeds? {
    switch name {
    case "win_rate": return MetricNeeds(deals: ["stage"])
    case "avg_deal_size", "pipeline_value": return MetricNeeds(deals: ["stage", "amount"])
    case "sales_cycle_days": return MetricNeeds(deals: ["stage", "created_at", "closed_at"])
    case "pipeline_velocity": return MetricNeeds(deals: ["stage", "amount", "created_at", "closed_at"])
    case "conversion": return MetricNeeds(leadStages: stages)
    case "cpl": return MetricNeeds(leadStages: [], campaigns: ["spend"])
    case "cac": return MetricNeeds(deals: ["stage"], campaigns: ["spend"])
    case "roi", "roas": return MetricNeeds(deals: ["stage", "amount"], campaigns: ["spend"])
    case "ctr": return MetricNeeds(campaigns: ["clicks", "impressions"])
    case "mql_rate": return MetricNeeds(leadStages: [.mql])
    case "sql_acceptance_rate": return MetricNeeds(leadStages: [.mql, .sql])
    case "cost_per_opportunity": return MetricNeeds(deals: [], campaigns: ["spend"])
    case "avg_touches_to_close": return MetricNeeds(deals: ["stage", "lead_id", "closed_at"], touches: true)
    default: return nil
    }
  }
}
