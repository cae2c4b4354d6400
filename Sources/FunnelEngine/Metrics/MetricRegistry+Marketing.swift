extension MetricRegistry {
  /// SQL for "the lead reached `stage`" over the standard leads table.
  static func reachedSQL(_ stage: LeadStage) -> String {
    if stage == .lead { return "TRUE" }
    let later = LeadStage.allCases.filter { $0.rawValue >= stage.rawValue }.map { "'\($0.name)'" }
    return "(stage IN (\(later.joined(separator: ", "))) OR \(stage.dateColumn) IS NOT NULL)"
  }

  /// Metrics of the lead funnel.
  static let funnelMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "conversion", arguments: "\"a\", \"b\"",
      formula: "leads that reached stage b ÷ leads that reached stage a (the SQL shows \"mql\", \"sql\")",
      marketing: "How well leads move between two stages, to find where the funnel leaks.",
      sales: "The same leak seen from the hand-off: which share of what marketing passes on moves forward.",
      datasets: ["leads"],
      sql: """
        SELECT count(*) FILTER (WHERE \(reachedSQL(.sql)))::DOUBLE
          / nullif(count(*) FILTER (WHERE \(reachedSQL(.mql))), 0) AS conversion
        FROM leads
        """,
      hint: .rate),
    MetricDefinition(
      name: "mql_rate", arguments: "",
      formula: "leads that reached mql ÷ leads",
      marketing: "The share of leads that turn out to fit; a low rate means a campaign buys volume, not interest.",
      sales: "How much of the raw inflow is worth a look before it ever reaches a seller.",
      datasets: ["leads"],
      sql: """
        SELECT count(*) FILTER (WHERE \(reachedSQL(.mql)))::DOUBLE / nullif(count(*), 0) AS mql_rate
        FROM leads
        """,
      hint: .rate),
    MetricDefinition(
      name: "sql_acceptance_rate", arguments: "",
      formula: "leads that reached sql ÷ leads that reached mql, the hand-off from marketing to sales",
      marketing: "Whether sales agrees with marketing's idea of a qualified lead.",
      sales: "The share of the leads marketing qualifies that sales takes on; low means the definitions differ.",
      datasets: ["leads"],
      sql: """
        SELECT count(*) FILTER (WHERE \(reachedSQL(.sql)))::DOUBLE
          / nullif(count(*) FILTER (WHERE \(reachedSQL(.mql))), 0) AS sql_acceptance_rate
        FROM leads
        """,
      hint: .rate),
  ]

  /// SQL for the deals of the campaigns table's campaigns.
  private static let campaignDeals = "deals WHERE campaign_id IN (SELECT campaign_id FROM campaigns)"

  /// Metrics of spend: what marketing pays for what it gets.
  static let marketingMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "cpl", arguments: "",
      formula: "spend ÷ leads (cost per lead)",
      marketing: "What one lead costs in a channel or campaign, the first check on where the budget goes.",
      sales: "Cheap leads are not good leads by themselves; read it beside the win rate of those leads.",
      datasets: ["campaigns", "leads"],
      sql: """
        SELECT sum(spend)::DOUBLE
          / nullif((SELECT count(*) FROM leads WHERE campaign_id IN (SELECT campaign_id FROM campaigns)), 0) AS cpl
        FROM campaigns
        """,
      hint: .money),
    MetricDefinition(
      name: "cac", arguments: "",
      formula: "spend ÷ closed_won deals (customer acquisition cost; each won deal counts as one customer)",
      marketing: "What winning one customer costs in spend, the number to hold against a customer's value.",
      sales: "How much marketing money stands behind each win the team closes.",
      datasets: ["campaigns", "deals"],
      sql: """
        SELECT sum(spend)::DOUBLE
          / nullif((SELECT count(*) FROM \(campaignDeals) AND stage = 'closed_won'), 0) AS cac
        FROM campaigns
        """,
      hint: .money),
    MetricDefinition(
      name: "roi", arguments: "",
      formula: "(won revenue − spend) ÷ spend, where won revenue is the amount of the closed_won deals",
      marketing: "What each unit of spend returns beyond itself; below 0 a campaign loses money.",
      sales: "How much the revenue the team closes outweighs what it cost to source.",
      datasets: ["campaigns", "deals"],
      sql: """
        SELECT (coalesce((SELECT sum(amount) FROM \(campaignDeals) AND stage = 'closed_won'), 0)
          - sum(spend))::DOUBLE / nullif(sum(spend), 0) AS roi
        FROM campaigns
        """,
      hint: .rate),
    MetricDefinition(
      name: "roas", arguments: "",
      formula: "won revenue ÷ spend (return on ad spend)",
      marketing: "Revenue back for each unit spent; above 1 the spend paid for itself.",
      sales: "How many times over the revenue closed covers the spend that sourced it.",
      datasets: ["campaigns", "deals"],
      sql: """
        SELECT coalesce((SELECT sum(amount) FROM \(campaignDeals) AND stage = 'closed_won'), 0)::DOUBLE
          / nullif(sum(spend), 0) AS roas
        FROM campaigns
        """,
      hint: .plain),
    MetricDefinition(
      name: "ctr", arguments: "",
      formula: "clicks ÷ impressions (click-through rate)",
      marketing: "Whether an ad or message catches attention at all, before any lead is made.",
      sales: "An early sign of interest to come; it says little about buyers yet.",
      datasets: ["campaigns"],
      sql: """
        SELECT sum(clicks)::DOUBLE / nullif(sum(impressions), 0) AS ctr
        FROM campaigns
        """,
      hint: .rate),
    MetricDefinition(
      name: "cost_per_opportunity", arguments: "",
      formula: "spend ÷ deals (every deal is an opportunity)",
      marketing: "What one sales opportunity costs, a fairer price of a channel than the cost of a lead.",
      sales: "How much spend is behind each deal the team gets to work.",
      datasets: ["campaigns", "deals"],
      sql: """
        SELECT sum(spend)::DOUBLE / nullif((SELECT count(*) FROM \(campaignDeals)), 0) AS cost_per_opportunity
        FROM campaigns
        """,
      hint: .money),
  ]
}
