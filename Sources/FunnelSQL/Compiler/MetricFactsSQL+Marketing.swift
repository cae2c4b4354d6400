import FunnelData
import FunnelEngine

/// The facts of the campaigns, costs and credited deals a group reaches.
extension MetricFactsSQL {
  /// Over campaigns: the group's own spend, impressions and clicks.
  mutating func addOwnCampaigns(_ f: inout MetricFactColumns, columns: [String], _ c: MetricSQLContext) {
    var select = ["COUNT(*) AS \(b.slot("campaigns"))"]
    for name in ["spend", "impressions", "clicks"] where columns.contains(name) {
      select.append("SUM(\(b.double("r.\(b.quote(name))"))) AS \(b.slot(name))")
    }
    let alias = fact("metric", select: select, from: "\(b.quote(rows.name)) r")
    setCampaignFacts(&f, columns: columns, alias: alias, reach: "\(alias).\(b.slot("campaigns"))")
  }

  /// Over leads: each campaign's totals shared by its leads (or touches)
  /// in the session; a group's part is the sum over its rows (or touches).
  mutating func addCampaignShares(
    _ f: inout MetricFactColumns, columns: [String], basis: ShareBasis, _ c: MetricSQLContext
  ) throws(SQLCompileError) {
    guard let campaignId = c.type("campaign_id", in: .campaigns), let rowId = c.rowType("campaign_id") else {
      throw SQLCompileError("internal error: campaigns checked but not reachable (this is a bug)", stage: nil)
    }
    let id = b.quote("campaign_id"), cid = b.slot("cid")
    let quantities = ["spend", "impressions", "clicks"].filter { columns.contains($0) }
    let totals = b.add(
      "metric_campaigns",
      "SELECT "
        + (["\(id) AS \(cid)"]
        + quantities.map { "SUM(COALESCE(\(b.double(b.quote($0))), \(b.double(0.0)))) AS \(b.slot($0))" })
        .joined(separator: ", ") + "\nFROM \(b.quote("campaigns"))\nWHERE \(id) IS NOT NULL\nGROUP BY \(id)")
    // The units each campaign is shared by: its leads in the session (the rows when no leads are loaded), or its touches.
    let unitSource: (String, DataType)
    switch basis {
    case .leads:
      if c.reads.datasets["leads"] != nil, let t = c.type("campaign_id", in: .leads) {
        unitSource = ("leads", t)
      } else {
        unitSource = (rows.name, rowId)
      }
    case .touches:
      guard let t = c.type("campaign_id", in: .touches) else {
        throw SQLCompileError("internal error: touches checked but not reachable (this is a bug)", stage: nil)
      }
      unitSource = ("touches", t)
    }
    let units = b.add(
      "metric_units",
      "SELECT \(id) AS \(cid), COUNT(*) AS \(b.slot("units"))\nFROM \(b.quote(unitSource.0))\nWHERE \(id) IS NOT NULL\n"
        + "GROUP BY \(id)")
    let unitMatch = b.idMatch("u.\(cid)", unitSource.1, "c.\(cid)", campaignId)
    func shares(_ units: String) -> [String] {
      quantities.map { "SUM(CASE WHEN \(units) > 0 THEN c.\(b.slot($0)) / \(units) END) AS \(b.slot($0))" }
        + ["COUNT(\(units)) AS \(b.slot("reach"))"]
    }
    // The rows credited to a campaign (the leads its spend bought), and with leads as units their shares.
    let rowMatch = b.idMatch("c.\(cid)", campaignId, "r.\(id)", rowId)
    let leadUnits = basis == .leads ? shares("u.\(b.slot("units"))") : []
    let credited = fact(
      "metric", select: ["COUNT(*) AS \(b.slot("credited"))"] + leadUnits,
      from: "\(b.quote(rows.name)) r\nJOIN \(b.quote(totals.name)) c ON \(rowMatch)"
        + (basis == .leads ? "\nLEFT JOIN \(b.quote(units.name)) u ON \(unitMatch)" : ""))
    f.leads = "COALESCE(\(credited).\(b.slot("credited")), 0)"
    f.reached[.lead] = f.leads
    var alias = credited
    if basis == .touches {
      guard let touchLead = c.type("lead_id", in: .touches), let touchCampaign = c.type("campaign_id", in: .touches),
        let rowLead = c.rowType("lead_id")
      else { throw SQLCompileError("internal error: touches checked but not reachable (this is a bug)", stage: nil) }
      let ids = linkedIds("lead_id")
      let from =
        "\(b.quote(ids)) r\nJOIN \(b.quote("touches")) t ON "
        + b.idMatch("t.\(b.quote("lead_id"))", touchLead, "r.\(b.slot("id"))", rowLead)
        + "\nJOIN \(b.quote(totals.name)) c ON " + b.idMatch("c.\(cid)", campaignId, "t.\(id)", touchCampaign)
        + "\nJOIN \(b.quote(units.name)) u ON \(unitMatch)"
      alias = fact("metric", select: shares("u.\(b.slot("units"))"), from: from)
    }
    setCampaignFacts(&f, columns: columns, alias: alias, reach: "\(alias).\(b.slot("reach"))")
  }

  /// Spend, impressions and clicks of `alias`, null for a group that reaches no campaign.
  func setCampaignFacts(_ f: inout MetricFactColumns, columns: [String], alias: String, reach: String) {
    func known(_ name: String) -> String? {
      guard columns.contains(name) else { return nil }
      return "CASE WHEN COALESCE(\(reach), 0) > 0 THEN COALESCE(\(alias).\(b.slot(name)), \(b.double(0.0))) END"
    }
    f.spend = known("spend")
    f.impressions = known("impressions")
    f.clicks = known("clicks")
  }

  /// All of costs.amount ÷ all won deals of the session.
  func addCosts(_ f: inout MetricFactColumns, _ c: MetricSQLContext) {
    let amount = b.double(b.quote("amount"))
    let won = "\(b.stageWord(b.quote("stage"))) = 'closed_won'"
    f.costPerCustomer =
      "(SELECT COALESCE(SUM(\(amount)), \(b.double(0.0))) FROM \(b.quote("costs"))) / NULLIF((SELECT "
      + b.double("COUNT(*)") + " FROM \(b.quote("deals")) WHERE \(won)), 0)"
  }

  /// The won deals of the session credited over their touches by `model`, as
  /// `attribute` credits them: over campaigns a touch counts for the groups
  /// of its campaign, over leads for those of its lead when its campaign is one.
  mutating func addCredit(_ f: inout MetricFactColumns, model: AttributionModel, _ c: MetricSQLContext)
    throws(SQLCompileError)
  {
    guard let deals = c.reads.datasets["deals"] else {
      throw SQLCompileError("internal error: deals checked but not reachable (this is a bug)", stage: nil)
    }
    let wonDeals = b.add(
      "metric_won", "SELECT * FROM \(b.quote("deals"))\nWHERE \(b.stageWord(b.quote("stage"))) = 'closed_won'",
      columns: deals.names, types: deals.types)
    let link = c.rowsAre == .campaigns ? "campaign_id" : "lead_id"
    let creditKeys = c.rowsAre == .campaigns ? ["campaign_id"] : ["lead_id", "campaign_id"]
    let credits = try b.attribute(
      wonDeals, model: model, basis: .closed, keys: creditKeys, reads: c.reads, stage: "")
    guard let rowLink = c.rowType(link), let creditLink = credits.types.first else {
      throw SQLCompileError("internal error: crediting by a model needs \(link) (this is a bug)", stage: nil)
    }
    let ids = linkedIds(link)
    let from =
      "\(b.quote(ids)) r\nJOIN \(b.quote(credits.name)) a ON "
      + b.idMatch("a.\(b.quote(link))", creditLink, "r.\(b.slot("id"))", rowLink)
    let condition =
      c.rowsAre == .campaigns ? nil : isCampaign("a.\(b.quote("campaign_id"))", credits.types[creditKeys.count - 1], c)
    let alias = fact(
      "metric",
      select: [
        "SUM(a.\(b.quote("revenue"))) AS \(b.slot("revenue"))", "SUM(a.\(b.quote("deals"))) AS \(b.slot("won"))",
      ],
      from: from, where: condition)
    f.creditedRevenue = "COALESCE(\(alias).\(b.slot("revenue")), \(b.double(0.0)))"
    f.creditedWon = "COALESCE(\(alias).\(b.slot("won")), \(b.double(0.0)))"
  }
}
