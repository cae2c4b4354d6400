/// The seven standard datasets of the demo data, as `DemoData.generate` makes them.
public struct DemoDatasets: Sendable {
  /// One row per campaign: campaign_id, name, channel, start_date, end_date,
  /// budget, spend, impressions, clicks.
  public var campaigns: Table
  /// One row per lead with its funnel history: lead_id, created_at,
  /// campaign_id, channel, region, industry, company_size, score, stage,
  /// mql_at, sql_at, opportunity_at, won_at, lost_at, owner.
  public var leads: Table
  /// One row per contact with a lead: touch_id, lead_id, campaign_id, touched_at, kind.
  public var touches: Table
  /// One row per opportunity: deal_id, lead_id, campaign_id, owner,
  /// created_at, closed_at, stage, amount (the contract's total value),
  /// product, term_months, lost_stage (for closed_lost deals).
  public var deals: Table
  /// One row per month, team and category of the costs that are not campaign
  /// spend: month, team, category, amount.
  public var costs: Table
  /// One row per change of a deal's stage: deal_id, stage, changed_at (the
  /// deal's path, with stages skipped and moves back).
  public var stageChanges: Table
  /// One row per rep and quarter: owner, period (the quarter's first day), amount.
  public var quotas: Table

  public init(
    campaigns: Table, leads: Table, touches: Table, deals: Table, costs: Table, stageChanges: Table, quotas: Table
  ) {
    self.campaigns = campaigns
    self.leads = leads
    self.touches = touches
    self.deals = deals
    self.costs = costs
    self.stageChanges = stageChanges
    self.quotas = quotas
  }

  /// The datasets under their standard names, in the order a catalog lists them.
  public var all: [(name: String, table: Table)] {
    [
      ("campaigns", campaigns), ("leads", leads), ("touches", touches), ("deals", deals), ("costs", costs),
      ("stage_changes", stageChanges), ("quotas", quotas),
    ]
  }
}
