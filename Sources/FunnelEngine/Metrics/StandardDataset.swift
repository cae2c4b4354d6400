import FunnelData

/// The five standard datasets, and how rows of one reach rows of another.
/// `costs` (month, team, category, amount: what winning customers costs
/// besides campaign spend) links to no other dataset by a column.
package enum StandardDataset: String, CaseIterable, Sendable {
  case campaigns, leads, touches, deals, costs

  /// The dataset rows are: `origin` when it names one, else a guess from the
  /// columns (an id or a column only that dataset has); nil when nothing fits.
  package static func of(origin: String?, columns: [String]) -> StandardDataset? {
    if let o = origin, let known = StandardDataset(rawValue: o) { return known }
    let has = Set(columns)
    // Costs have an amount too; their team and category, and no id, tell them from deals.
    let ids: Set = ["deal_id", "lead_id", "touch_id", "campaign_id"]
    if has.isSuperset(of: ["team", "category", "amount"]) && has.isDisjoint(with: ids) { return .costs }
    if has.contains("deal_id") || has.contains("amount") { return .deals }
    if has.contains("touch_id") || has.contains("touched_at") { return .touches }
    if has.contains("lead_id") || has.contains("mql_at") { return .leads }
    if !has.isDisjoint(with: ["spend", "impressions", "clicks", "budget"]) { return .campaigns }
    return nil
  }

  /// The column that links rows of `self` to rows of `target`: the same column
  /// on both sides (`lead_id` from deals to leads), nil when they do not link.
  package func link(to target: StandardDataset) -> String? {
    switch (self, target) {
    case (.costs, _), (_, .costs): return nil
    case (.campaigns, _), (_, .campaigns): return "campaign_id"
    case (.deals, .leads), (.leads, .deals), (.touches, .leads), (.touches, .deals), (.leads, .touches),
      (.deals, .touches):
      return "lead_id"
    default: return nil
    }
  }
}
