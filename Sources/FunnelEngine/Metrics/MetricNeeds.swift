/// What a metric reads from each standard dataset: nil = not that dataset; an
/// empty list = the dataset's rows only (to count them).
package struct MetricNeeds: Sendable {
  package var deals: [String]? = nil
  /// Lead stages whose reach is counted; each needs `stage` or its date column.
  package var leadStages: [LeadStage]? = nil
  package var campaigns: [String]? = nil
  /// Touches of the deals' leads (through `lead_id`), up to each deal's close.
  package var touches = false
  /// The `costs` dataset: the sales and marketing costs that are not campaign spend.
  package var costs = false
  /// Each lead's creation touch and first sales touch after it (`LeadResponse`).
  package var response = false
  /// The model crediting won deals to campaigns through their touches; nil:
  /// each deal's own campaign_id.
  package var credit: AttributionModel? = nil
  /// What a campaign's quantities are shared by among groups of leads.
  package var shareBy = ShareBasis.leads
  /// The open deals' amount times their probability (the deals' `probability`
  /// when not null, else the stage's default, as `forecast` reads it).
  package var weighted = false

  /// Both sets of needs together (the scorecard computes many metrics at once).
  func merged(with other: MetricNeeds) -> MetricNeeds {
    func union<T: Equatable>(_ a: [T]?, _ b: [T]?) -> [T]? {
      guard let a = a else { return b }
      guard let b = b else { return a }
      return a + b.filter { !a.contains($0) }
    }
    return MetricNeeds(
      deals: union(deals, other.deals), leadStages: union(leadStages, other.leadStages),
      campaigns: union(campaigns, other.campaigns), touches: touches || other.touches, costs: costs || other.costs,
      response: response || other.response,
      credit: credit ?? other.credit, shareBy: shareBy == .leads ? other.shareBy : shareBy,
      weighted: weighted || other.weighted)
  }
}
