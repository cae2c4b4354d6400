extension MetricRegistry {
  /// SQL for the deals of the campaigns table's campaigns.
  private static let campaignDeals = "deals WHERE campaign_id IN (SELECT campaign_id FROM campaigns)"

  /// `SUM(r.spend) ÷ value` as a double, per group of campaigns.
  private static func spendSQL(_ name: String, over value: String) -> String {
    MetricSQL.perGroup(name, "\(MetricSQL.double("SUM(r.spend)")) / NULLIF(\(value), 0)")
  }

  /// Metrics of spend: what marketing pays for what it gets.
  static let marketingMetrics = [
    spend, cpl, cac, marketingCac, cacPaybackMonths, roi, roas, ctr, costPerOpportunity,
  ]

  static let spend = MetricDefinition(
    name: "spend", parameters: [],
    formula:
      "campaign spend: over campaigns, the group's own; over leads, each campaign's spend shared among the "
      + "groups in proportion to its leads in each (or its touches, share = \"touches\"), so the groups add "
      + "up to the spend of the campaigns that have leads",
    marketing: "Where the budget went, split by any column of the leads it bought without counting it twice.",
    sales: "How much was spent to bring in the leads a team or region works.",
    datasets: ["campaigns"],
    sql: """
      SELECT sum(spend)::DOUBLE AS spend
      FROM campaigns
      """,
    sqlTemplate: MetricSQL.perGroup("spend", MetricSQL.double("SUM(r.spend)")),
    hint: .money, needs: MetricNeeds(campaigns: ["spend"]),
    compute: { $0.spend })

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
      "(marketing spend + sales and marketing costs) ÷ new customers (customer acquisition cost, fully loaded): "
      + "spend ÷ won deals, as marketing_cac(), plus all of costs.amount (salaries, commissions, tools: "
      + "what is not campaign spend) ÷ all won deals, so that each new customer carries an equal part of the "
      + "costs; each won deal is one new customer, credited as roi() credits it; refused without sales costs",
    marketing: "What winning one customer really costs the company, people and tools included, not only media.",
    sales: "The cost a new customer must pay back: sales salaries and commissions are most of it.",
    datasets: ["campaigns", "deals", "costs"],
    sql: """
      SELECT \(spendPerWon)
        + (SELECT sum(amount) FROM costs)::DOUBLE
        / nullif((SELECT count(*) FROM deals WHERE stage = 'closed_won'), 0) AS cac
      FROM campaigns
      """,
    sqlTemplate: MetricSQL.perGroup(
      "cac",
      """
      \(MetricSQL.double("SUM(r.spend)")) / NULLIF(\(wonOfGroup), 0)
          + \(MetricSQL.double("(SELECT SUM(c.amount) FROM costs AS c)"))
          / NULLIF((SELECT COUNT(*) FROM deals AS d WHERE d.stage = 'closed_won'), 0)
      """),
    hint: .money, needs: MetricNeeds(deals: ["stage"], campaigns: ["spend"], costs: true),
    compute: { g in ratio(g.spend, g.creditedWon).flatMap { m in g.costPerCustomer.map { m + $0 } } })

  static let marketingCac = MetricDefinition(
    name: "marketing_cac", parameters: [],
    formula:
      "marketing spend ÷ new customers: campaign spend ÷ closed_won deals, each won deal one new customer, "
      + "credited as roi() credits it; the media part of cac(), without salaries, commissions or tools",
    marketing: "What the media budget alone pays for each customer won, the number campaigns are compared by.",
    sales: "How much campaign money stands behind each win the team closes.",
    datasets: ["campaigns", "deals"],
    sql: """
      SELECT \(spendPerWon) AS marketing_cac
      FROM campaigns
      """,
    sqlTemplate: spendSQL("marketing_cac", over: wonOfGroup),
    hint: .money, needs: MetricNeeds(deals: ["stage"], campaigns: ["spend"]),
    compute: { ratio($0.spend, $0.creditedWon) })

  static let cacPaybackMonths = MetricDefinition(
    name: "cac_payback_months", parameters: [],
    formula:
      "cac() ÷ (monthly revenue per new customer × gross margin): the months a new customer's gross profit "
      + "takes to pay back what winning it cost; monthly revenue is the mean over the closed_won deals of "
      + "amount ÷ term_months (deals with no amount or no term left out), cac() is as cac() computes it (fully "
      + "loaded, each won deal one new customer, credited to its own campaign); the margin is "
      + "cac_payback_months(margin = 0.7), else .param gross_margin, else 1 (Funnel's choice: payback on "
      + "revenue, as roi() counts revenue whole without a margin; the usual SaaS definition is on gross margin, "
      + "so set it)",
    marketing:
      "How long the customers a channel wins take to earn back their acquisition cost; under 12 months is "
      + "the usual mark of spend that funds itself within the year.",
    sales:
      "How many months of a typical new contract go to paying for the win before it makes money; longer "
      + "terms at the same price do not shorten it, higher monthly value does.",
    datasets: ["campaigns", "deals", "costs"],
    sql: """
      SELECT (\(spendPerWon)
        + (SELECT sum(amount) FROM costs)::DOUBLE
        / nullif((SELECT count(*) FROM deals WHERE stage = 'closed_won'), 0))
        / nullif((SELECT avg(amount / nullif(term_months, 0)) FROM \(campaignDeals) AND stage = 'closed_won'), 0)
        AS cac_payback_months
      FROM campaigns
      """,
    sqlTemplate: MetricSQL.perGroup(
      "cac_payback_months",
      """
      (\(MetricSQL.double("SUM(r.spend)")) / NULLIF(\(wonOfGroup), 0)
          + \(MetricSQL.double("(SELECT SUM(c.amount) FROM costs AS c)"))
          / NULLIF((SELECT COUNT(*) FROM deals AS d WHERE d.stage = 'closed_won'), 0))
          / NULLIF((SELECT AVG(\(MetricSQL.double("d.amount")) / NULLIF(d.term_months, 0)) FROM deals AS d
            WHERE d.stage = 'closed_won' AND d.campaign_id IN \(MetricSQL.groupCampaigns)), 0)
      """),
    hint: .plain, needs: MetricNeeds(deals: ["stage", "amount", "term_months"], campaigns: ["spend"], costs: true),
    compute: { g in
      guard let cost = cac.compute(g), let monthly = ratio(g.wonAnnualValue, g.wonWithTerm).map({ $0 / 12 })
      else { return nil }
      return ratio(cost, monthly * (g.margin ?? 1))
    })

  /// DuckDB SQL for the campaigns' spend ÷ their won deals (over `FROM campaigns`).
  private static let spendPerWon = """
    sum(spend)::DOUBLE
      / nullif((SELECT count(*) FROM \(campaignDeals) AND stage = 'closed_won'), 0)
    """

  /// SQL for the won deals of the campaigns of `r`'s group.
  private static let wonOfGroup = """
    (SELECT COUNT(*) FROM deals AS d
        WHERE d.stage = 'closed_won' AND d.campaign_id IN \(MetricSQL.groupCampaigns))
    """

  static let roi = MetricDefinition(
    name: "roi", parameters: [],
    formula:
      "(won revenue − spend) ÷ spend, where won revenue is the amount of the closed_won deals: ROI on revenue "
      + "by default; roi(margin = 0.7) (or .param gross_margin 0.7) counts revenue × margin, the gross profit, "
      + "for ROI on margin; each won deal is credited to the campaign in its campaign_id (its source campaign), "
      + "or by an attribution model named in the call: roi(\"linear\")",
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
    compute: { g in ratio(g.creditedRevenue.flatMap { r in g.spend.map { r * (g.margin ?? 1) - $0 } }, g.spend) })

  static let roas = MetricDefinition(
    name: "roas", parameters: [],
    formula:
      "won revenue ÷ spend (return on ad spend), each won deal credited to the campaign in its campaign_id "
      + "(its source campaign), or by an attribution model named in the call: roas(\"w_shaped\")",
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
    compute: { ratio($0.creditedRevenue, $0.spend) })

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
