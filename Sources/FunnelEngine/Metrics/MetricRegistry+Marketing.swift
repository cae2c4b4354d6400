extension MetricRegistry {
  /// SQL for the deals of the campaigns table's campaigns.
  private static let campaignDeals = "deals WHERE campaign_id IN (SELECT campaign_id FROM campaigns)"

  /// `SUM(r.spend) ÷ value` as a double, per group of campaigns.
  private static func spendSQL(_ name: String, over value: String) -> String {
    MetricSQL.perGroup(name, "\(MetricSQL.double("SUM(r.spend)")) / NULLIF(\(value), 0)")
  }

  /// Metrics of spend: what marketing pays for what it gets.
  static let marketingMetrics = [cpl, cac, roi, roas, ctr, costPerOpportunity]

  static let cpl = MetricDefinition(
    name: "cpl", parameters: [],
    formula: "spend ÷ leads (cost per lead)",
    marketing: "What one lead costs in a channel or campaign, the first check on where the budget goes.",
    sales: "Cheap leads are not good leads by themselves; read it beside the win rate of those leads.",
    datasets: ["campaigns", "leads"],
    sql: """
      SELECT sum(spend)::DOUBLE
        / nullif((SELECT count(*) FROM leads WHERE campaign_id IN (SELECT campaign_id FROM campaigns)), 0) AS cpl
      FROM campaigns
      """,
    sqlTemplate: spendSQL(
      "cpl", over: "(SELECT COUNT(*) FROM leads AS l WHERE l.campaign_id IN \(MetricSQL.groupCampaigns))"),
    hint: .money, needs: MetricNeeds(leadStages: [], campaigns: ["spend"]),
    compute: { ratio($0.spend, $0.leads) })

  static let cac = MetricDefinition(
    name: "cac", parameters: [],
    formula:
      "spend ÷ closed_won deals: marketing spend per won deal, each won deal counted as one customer; "
      + "sales costs (salaries, commissions) are not in the data, so this is the marketing part of CAC, "
      + "and each deal counts for the campaign in its campaign_id (first-touch credit in the demo data)",
    marketing: "What winning one customer costs in spend, the number to hold against a customer's value.",
    sales: "How much marketing money stands behind each win the team closes.",
    datasets: ["campaigns", "deals"],
    sql: """
      SELECT sum(spend)::DOUBLE
        / nullif((SELECT count(*) FROM \(campaignDeals) AND stage = 'closed_won'), 0) AS cac
      FROM campaigns
      """,
    sqlTemplate: spendSQL(
      "cac",
      over: """
        (SELECT COUNT(*) FROM deals AS d
            WHERE d.stage = 'closed_won' AND d.campaign_id IN \(MetricSQL.groupCampaigns))
        """),
    hint: .money, needs: MetricNeeds(deals: ["stage"], campaigns: ["spend"]),
    compute: { ratio($0.spend, $0.won) })

  static let roi = MetricDefinition(
    name: "roi", parameters: [],
    formula:
      "(won revenue − spend) ÷ spend, where won revenue is the amount of the closed_won deals: ROI on revenue, "
      + "not on margin (costs of the goods sold are not in the data), with each deal credited to the campaign "
      + "in its campaign_id (first-touch credit in the demo data; `attribute` gives the other rules)",
    marketing: "What each unit of spend returns beyond itself; below 0 a campaign loses money.",
    sales: "How much the revenue the team closes outweighs what it cost to source.",
    datasets: ["campaigns", "deals"],
    sql: """
      SELECT (coalesce((SELECT sum(amount) FROM \(campaignDeals) AND stage = 'closed_won'), 0)
        - sum(spend))::DOUBLE / nullif(sum(spend), 0) AS roi
      FROM campaigns
      """,
    sqlTemplate: MetricSQL.perGroup(
      "roi", "\(MetricSQL.double("\(MetricSQL.campaignRevenue) - SUM(r.spend)")) / NULLIF(SUM(r.spend), 0)"),
    hint: .rate, needs: MetricNeeds(deals: ["stage", "amount"], campaigns: ["spend"]),
    compute: { g in ratio(g.wonRevenue.flatMap { r in g.spend.map { r - $0 } }, g.spend) })

  static let roas = MetricDefinition(
    name: "roas", parameters: [],
    formula:
      "won revenue ÷ spend (return on ad spend), each deal credited to the campaign in its campaign_id "
      + "(first-touch credit in the demo data; `attribute` gives the other rules)",
    marketing: "Revenue back for each unit spent; above 1 the spend paid for itself.",
    sales: "How many times over the revenue closed covers the spend that sourced it.",
    datasets: ["campaigns", "deals"],
    sql: """
      SELECT coalesce((SELECT sum(amount) FROM \(campaignDeals) AND stage = 'closed_won'), 0)::DOUBLE
        / nullif(sum(spend), 0) AS roas
      FROM campaigns
      """,
    sqlTemplate: MetricSQL.perGroup(
      "roas", "\(MetricSQL.double(MetricSQL.campaignRevenue)) / NULLIF(SUM(r.spend), 0)"),
    hint: .plain, needs: MetricNeeds(deals: ["stage", "amount"], campaigns: ["spend"]),
    compute: { ratio($0.wonRevenue, $0.spend) })

  static let ctr = MetricDefinition(
    name: "ctr", parameters: [],
    formula: "clicks ÷ impressions (click-through rate)",
    marketing: "Whether an ad or message catches attention at all, before any lead is made.",
    sales: "An early sign of interest to come; it says little about buyers yet.",
    datasets: ["campaigns"],
    sql: """
      SELECT sum(clicks)::DOUBLE / nullif(sum(impressions), 0) AS ctr
      FROM campaigns
      """,
    sqlTemplate: MetricSQL.perGroup("ctr", "\(MetricSQL.double("SUM(r.clicks)")) / NULLIF(SUM(r.impressions), 0)"),
    hint: .rate, needs: MetricNeeds(campaigns: ["clicks", "impressions"]),
    compute: { ratio($0.clicks, $0.impressions) })

  static let costPerOpportunity = MetricDefinition(
    name: "cost_per_opportunity", parameters: [],
    formula: "spend ÷ deals (every deal is an opportunity)",
    marketing: "What one sales opportunity costs, a fairer price of a channel than the cost of a lead.",
    sales: "How much spend is behind each deal the team gets to work.",
    datasets: ["campaigns", "deals"],
    sql: """
      SELECT sum(spend)::DOUBLE / nullif((SELECT count(*) FROM \(campaignDeals)), 0) AS cost_per_opportunity
      FROM campaigns
      """,
    sqlTemplate: spendSQL(
      "cost_per_opportunity",
      over: "(SELECT COUNT(*) FROM deals AS d WHERE d.campaign_id IN \(MetricSQL.groupCampaigns))"),
    hint: .money, needs: MetricNeeds(deals: [], campaigns: ["spend"]),
    compute: { ratio($0.spend, $0.deals) })
}
