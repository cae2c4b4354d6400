import FunnelData

/// What a campaign's spend is shared by among groups of leads: its leads (the
/// default) or its touches (`share = "touches"`).
public enum ShareBasis: String, Sendable, CaseIterable {
  case leads, touches
}

/// How a campaign's own quantities (spend, impressions, clicks) are shared among
/// groups of leads: never whole to every group that holds one of its leads, which
/// would count the same spend once per group, but in proportion to the
/// campaign's leads in each group (or its touches, with `share = "touches"`).
///
/// Campaign c with spend s and L leads in the session's `leads` gives s ÷ L to
/// each of its lead rows, and a group's spend is the sum over its rows. So a
/// filter and a group agree (`where region == "LATAM"` gives the LATAM row of
/// `by region`), the groups of any grouping add up to the spend of the campaigns
/// that have leads, and spend × (leads in group) ÷ L is each campaign's part.
/// A campaign without a single lead (or touch) has no rows to share its spend
/// by: it is in no group of leads, while `campaigns | agg` counts it.
struct CampaignShares {
  /// Each group's share of the campaigns' spend, impressions and clicks.
  var spend: [Double]
  var impressions: [Double]
  var clicks: [Double]
  /// Whether some row of the group reached a campaign that has a share to give.
  var reached: [Bool]
  /// Rows of the group (leads) whose `campaign_id` is a campaign: the leads
  /// the campaigns' spend bought.
  var creditedLeads: [Int64]

  /// The shares for rows of leads (`input`) in `grouping`; `columns` the
  /// campaign columns asked for (`spend`, `impressions`, `clicks`).
  init(
    leads input: Table, grouping: Grouping, columns: [String], basis: ShareBasis, context: MetricContext
  ) throws {
    let n = grouping.groupCount
    (spend, impressions, clicks) = (
      [Double](repeating: 0, count: n), [Double](repeating: 0, count: n), [Double](repeating: 0, count: n)
    )
    reached = [Bool](repeating: false, count: n)
    creditedLeads = [Int64](repeating: 0, count: n)
    guard let campaigns = context.dataset(StandardDataset.campaigns.rawValue),
      let campaignIds = campaigns.column("campaign_id"), let inputIds = input.column("campaign_id")
    else { throw MetricProblem.internalError("campaigns checked but not reachable") }

    func slots(of column: Column) throws -> [Int32] { try CampaignShares.slots(of: column, in: campaignIds) }
    let rowSlots = try slots(of: campaignIds)
    // Slots go by first appearance, so the largest is the last.
    let slotCount = Int(rowSlots.max() ?? -1) + 1

    // Each campaign's totals (a campaign id on two rows adds up).
    var totalSpend = [Double](repeating: 0, count: slotCount)
    var totalImpressions = totalSpend
    var totalClicks = totalSpend
    func add(_ name: String, into totals: inout [Double]) throws {
      guard columns.contains(name), let c = campaigns.column(name) else { return }
      guard let m = MoneyColumn(c) else { throw MetricProblem(message: "\(name) must be a number, not \(c.type.name)") }
      for r in 0..<campaigns.rowCount where rowSlots[r] >= 0 && !m.isNull(r) {
        totals[Int(rowSlots[r])] += m.double(r)
      }
    }
    try add("spend", into: &totalSpend)
    try add("impressions", into: &totalImpressions)
    try add("clicks", into: &totalClicks)

    let leadSlots = try slots(of: inputIds)
    let groupOfRow = grouping.groupOfRow
    for i in 0..<leadSlots.count where leadSlots[i] >= 0 && groupOfRow[i] >= 0 {
      creditedLeads[Int(groupOfRow[i])] += 1
    }

    // The units each campaign is shared by: its leads, or its touches.
    var units = [Int64](repeating: 0, count: slotCount)
    func giveShares(slot s: Int32, group g: Int32) {
      guard s >= 0, g >= 0, units[Int(s)] > 0 else { return }
      let part = 1 / Double(units[Int(s)])
      let k = Int(g)
      spend[k] += totalSpend[Int(s)] * part
      impressions[k] += totalImpressions[Int(s)] * part
      clicks[k] += totalClicks[Int(s)] * part
      reached[k] = true
    }
    switch basis {
    case .leads:
      let all = context.dataset(StandardDataset.leads.rawValue)
      let base = try all?.column("campaign_id").map { try slots(of: $0) } ?? leadSlots
      for s in base where s >= 0 { units[Int(s)] += 1 }
      for i in 0..<leadSlots.count { giveShares(slot: leadSlots[i], group: groupOfRow[i]) }
    case .touches:
      guard let touches = context.dataset(StandardDataset.touches.rawValue),
        let touchCampaigns = touches.column("campaign_id"), let touchLeads = touches.column("lead_id"),
        let leadIds = input.column("lead_id")
      else { throw MetricProblem.internalError("touches checked but not reachable") }
      let touchSlots = try slots(of: touchCampaigns)
      for s in touchSlots where s >= 0 { units[Int(s)] += 1 }
      guard let (sourceIds, targetIds) = Column.linkKeys(leadIds, touchLeads) else {
        throw MetricProblem(
          message: "lead_id must be int or text on both sides, not \(leadIds.type.name) and \(touchLeads.type.name)")
      }
      let membership = Membership.linked(sourceIds: sourceIds, grouping: grouping, targetIds: targetIds)
      try Interruption.check()
      membership.forEach { t, g in giveShares(slot: touchSlots[t], group: Int32(g)) }
    }
  }

  /// The campaign of each row of `column` (a `campaign_id`) as a slot of
  /// `campaignIds`, -1 for none. Slots go by first appearance in the
  /// campaigns' rows, so every column linked to the same campaigns numbers them alike.
  static func slots(of column: Column, in campaignIds: Column) throws -> [Int32] {
    guard let (ids, targets) = Column.linkKeys(column, campaignIds) else {
      throw MetricProblem(
        message: "campaign_id must be int or text on both sides, not \(column.type.name) and \(campaignIds.type.name)")
    }
    let index = IdIndex(targets)
    return ids.map { index.slot($0) }
  }
}
