import FunnelData

/// The per-group counts and sums every built-in metric is a formula over,
/// computed in one pass over each dataset a call needs.
struct MetricFacts {
  let groupCount: Int
  // Deals.
  var deals: [Int64] = []
  var won: [Int64] = []
  var lost: [Int64] = []
  var open: [Int64] = []
  var wonAmount: MoneySums? = nil
  var openAmount: MoneySums? = nil
  /// Sum of amount × probability over the open deals (`MetricNeeds.weighted`).
  var openWeighted: [Double] = []
  /// Sum of the squares of the won deals' amounts (for their standard deviation).
  var wonAmountSquares: [Double] = []
  /// Sum of amount × 12 ÷ term_months over won deals with both (a term of 0 left out), and their count.
  var wonAnnualValue: [Double] = []
  var wonWithTerm: [Int64] = []
  /// Sum of the squares of the same annual values.
  var wonAnnualSquares: [Double] = []
  /// Median of `closed_at - created_at` over won deals with both dates.
  var cycleMedianDays: [Double?] = []
  /// Mean of the same.
  var cycleMeanDays: [Double?] = []
  /// The won deals with both dates, and the sum of the squares of their days.
  var cycleCount: [Int64] = []
  var cycleSquares: [Double] = []
  /// Touches of the won deals' leads on or before each deal's close.
  var touchesToClose: [Int64] = []
  // Leads.
  var leads: [Int64] = []
  /// Indexed by `LeadStage.rawValue`; empty for a stage not asked for.
  var reached: [[Int64]] = Array(repeating: [], count: LeadStage.allCases.count)
  // Campaigns: their own sums over campaigns' rows, their shares over leads' (`CampaignShares`).
  /// Whether the group reaches a campaign at all (its spend is unknown when not).
  var reachesCampaign: [Bool] = []
  var spend: [Double] = []
  var impressions: [Double] = []
  var clicks: [Double] = []

  /// Won revenue and won deals credited by `needs.credit`, per group; empty without a model.
  var credit: [(revenue: Double, won: Double)] = []
  // Costs: what every new customer carries of the costs that are not campaign spend.
  /// All of `costs.amount` ÷ the won deals of the session's deals; nil when there are none.
  var costPerCustomer: Double? = nil
  /// Speed to lead per group; nil when not asked for.
  var response: LeadResponse? = nil

  /// Computes what `needs` asks for; `MetricSources.problem` must have returned nil.
  init(
    needs: MetricNeeds, rowsAre: StandardDataset, input: Table, grouping: Grouping, context: MetricContext
  ) throws {
    groupCount = grouping.groupCount
    func reach(_ d: StandardDataset) throws -> MetricSources.Reach {
      try MetricSources.reach(d, rowsAre: rowsAre, input: input, grouping: grouping, context: context)
    }
    // A campaign metric over leads counts only what is credited to a campaign:
    // the deals and leads whose campaign_id is one of the campaigns.
    let creditedOnly = needs.campaigns != nil && rowsAre == .leads
    if let columns = needs.deals {
      let deals = try reach(.deals)
      let credited = creditedOnly ? try MetricFacts.credited(deals.table, named: "deals", context: context) : nil
      try addDeals(deals, columns: columns, touches: needs.touches, credited: credited, context)
      if needs.weighted { try addWeighted(deals, credited: credited) }
    }
    if let stages = needs.leadStages { try addLeads(try reach(.leads), stages: stages) }
    if needs.costs { costPerCustomer = try MetricFacts.costPerCustomer(context) }
    if needs.response {
      guard let touches = context.dataset(StandardDataset.touches.rawValue) else {
        throw MetricProblem.internalError("touches checked but not reachable")
      }
      response = try LeadResponse(try reach(.leads), touches: touches, groupCount: groupCount)
    }
    if let model = needs.credit {
      credit = try MetricFacts.credit(
        model, rowsAre: rowsAre, input: input, grouping: grouping, context: context)
    }
    if let columns = needs.campaigns {
      if rowsAre == .campaigns {
        try addCampaigns(try reach(.campaigns), columns: columns)
      } else {
        let shares = try CampaignShares(
          leads: input, grouping: grouping, columns: columns, basis: needs.shareBy, context: context)
        (spend, impressions, clicks, reachesCampaign) = (
          columns.contains("spend") ? shares.spend : [], columns.contains("impressions") ? shares.impressions : [],
          columns.contains("clicks") ? shares.clicks : [], shares.reached
        )
        if needs.leadStages != nil {
          leads = shares.creditedLeads
          reached[LeadStage.lead.rawValue] = leads
        }
      }
    }
  }

  /// The won deals of the session credited to groups through their touches by
  /// `model` (`AttributionCredits.perTouchShares`): over campaigns a touch counts for
  /// the group of its campaign, over leads for the group of its lead when its
  /// campaign is one of the campaigns. A won deal without a touch counts for no group.
  private static func credit(
    _ model: AttributionModel, rowsAre: StandardDataset, input: Table, grouping: Grouping, context: MetricContext
  ) throws -> [(revenue: Double, won: Double)] {
    guard let deals = context.dataset(StandardDataset.deals.rawValue),
      let touches = context.dataset(StandardDataset.touches.rawValue)
    else { throw MetricProblem.internalError("deals and touches checked but not reachable") }
    var wonRows: [Int32] = []
    if let outcome = try DealOutcome.of(deals) {
      for (r, o) in outcome.enumerated() where o == DealOutcome.won.rawValue { wonRows.append(Int32(r)) }
    }
    // A touch's share of its deal counts customers; its credit counts revenue.
    let (shares, revenue) = try AttributionCredits.perTouchShares(
      rows: deals.gather(wonRows), basis: .closed, model: model, context: context)
    try Interruption.check()
    let link = rowsAre == .campaigns ? "campaign_id" : "lead_id"
    guard let source = input.column(link), let target = touches.column(link) else {
      throw MetricProblem(message: "crediting by a model needs \(link) in the rows and in touches")
    }
    guard let (sourceIds, targetIds) = Column.linkKeys(source, target) else {
      throw MetricProblem(
        message: "\(link) must be int or text on both sides, not \(source.type.name) and \(target.type.name)")
    }
    var credited: [Bool]? = nil
    if rowsAre != .campaigns { credited = try MetricFacts.credited(touches, named: "touches", context: context) }
    let membership = Membership.linked(sourceIds: sourceIds, grouping: grouping, targetIds: targetIds)
    var out = [(revenue: Double, won: Double)](repeating: (0, 0), count: grouping.groupCount)
    membership.forEach { t, g in
      if let c = credited, !c[t] { return }
      out[g].revenue += revenue[t]
      out[g].won += shares[t]
    }
    return out
  }

  /// All of `costs.amount` ÷ all won deals of the session: each new customer carries an equal part.
  private static func costPerCustomer(_ context: MetricContext) throws -> Double? {
    guard let costs = context.dataset("costs"), let a = costs.column("amount"),
      let deals = context.dataset(StandardDataset.deals.rawValue)
    else { throw MetricProblem.internalError("costs checked but not reachable") }
    guard let amount = MoneyColumn(a) else {
      throw MetricProblem(message: "costs.amount must be a number, not \(a.type.name)")
    }
    var sums = MoneySums(groupCount: 1, like: amount)
    for r in 0..<costs.rowCount { sums.add(amount, row: r, group: 0) }
    var won = 0
    if let outcome = try DealOutcome.of(deals) {
      for o in outcome where o == DealOutcome.won.rawValue { won += 1 }
    }
    return won == 0 ? nil : sums.value(0) / Double(won)
  }

  /// Whether each row of `table` (deals or touches) is credited to a campaign: its campaign_id is one of the campaigns'.
  private static func credited(_ table: Table, named name: String, context: MetricContext) throws -> [Bool] {
    guard let campaigns = context.dataset(StandardDataset.campaigns.rawValue),
      let target = campaigns.column("campaign_id")
    else { throw MetricProblem.internalError("campaigns checked but not reachable") }
    guard let source = table.column("campaign_id") else {
      throw MetricProblem(
        message: "crediting deals to campaigns needs campaign_id in \(name)",
        hints: ["map it when loading: .load \(name) FILE map campaign_id = <your column>"])
    }
    return try CampaignShares.slots(of: source, in: target).map { $0 >= 0 }
  }

  private mutating func addDeals(
    _ reach: MetricSources.Reach, columns: [String], touches: Bool, credited: [Bool]?, _ context: MetricContext
  ) throws {
    let n = groupCount
    (deals, won, lost, open) = (
      [Int64](repeating: 0, count: n), [Int64](repeating: 0, count: n),
      [Int64](repeating: 0, count: n), [Int64](repeating: 0, count: n)
    )
    let table = reach.table
    let outcome = try DealOutcome.of(table)
    var amount: MoneyColumn? = nil
    if columns.contains("amount"), let c = table.column("amount") {
      guard let m = MoneyColumn(c) else {
        throw MetricProblem(message: "deals.amount must be a number, not \(c.type.name)")
      }
      amount = m
      wonAmount = MoneySums(groupCount: n, like: m)
      openAmount = MoneySums(groupCount: n, like: m)
      wonAmountSquares = [Double](repeating: 0, count: n)
    }
    var term: MoneyColumn? = nil
    if columns.contains("term_months"), let c = table.column("term_months") {
      guard let t = MoneyColumn(c) else {
        throw MetricProblem(message: "deals.term_months must be a number, not \(c.type.name)")
      }
      term = t
      (wonAnnualValue, wonWithTerm) = ([Double](repeating: 0, count: n), [Int64](repeating: 0, count: n))
      wonAnnualSquares = [Double](repeating: 0, count: n)
    }
    var created: [Int32]? = nil
    var closed: [Int32]? = nil
    for name in ["created_at", "closed_at"] where columns.contains(name) {
      guard let c = table.column(name), let d = c.days() else {
        throw MetricProblem(message: "deals.\(name) must be a date")
      }
      if name == "created_at" { created = d } else { closed = d }
    }
    var median = GroupedMedian(groupCount: n)
    var cycleSum = [Int64](repeating: 0, count: n)
    var cycleCount = [Int64](repeating: 0, count: n)
    var cycleSquares = [Double](repeating: 0, count: n)
    var touchIndex: TouchIndex? = nil
    if touches {
      touchesToClose = [Int64](repeating: 0, count: n)
      guard let t = context.dataset("touches"), let tl = t.column("lead_id"), let dl = table.column("lead_id"),
        let link = LeadLink(deals: dl, touches: tl)
      else { throw MetricProblem.internalError("touches checked but not reachable") }
      touchIndex = try TouchIndex(touches: t, link: link)
    }
    let nullDay = Column.nullDay
    let today = context.today
    reach.membership.forEach { r, g in
      if let c = credited, !c[r] { return }
      deals[g] += 1
      switch outcome?[r] ?? DealOutcome.open.rawValue {
      case DealOutcome.won.rawValue:
        won[g] += 1
        if let a = amount {
          wonAmount?.add(a, row: r, group: g)
          if !a.isNull(r) { wonAmountSquares[g] += a.double(r) * a.double(r) }
        }
        if let a = amount, let t = term, !a.isNull(r), !t.isNull(r), t.double(r) != 0 {
          let annual = a.double(r) * 12 / t.double(r)
          wonAnnualValue[g] += annual
          wonAnnualSquares[g] += annual * annual
          wonWithTerm[g] += 1
        }
        if let c = created, let e = closed, c[r] != nullDay, e[r] != nullDay {
          let days = Int64(e[r]) - Int64(c[r])
          median.add(days, group: g)
          // Days between two dates are below 2^22: millions of deals cannot overflow.
          cycleSum[g] += days
          cycleCount[g] += 1
          cycleSquares[g] += Double(days * days)
        }
        if let index = touchIndex {
          let close = closed.map { $0[r] == nullDay ? today : $0[r] } ?? today
          touchesToClose[g] += Int64(index.touches(ofDeal: r, onOrBefore: close).count)
        }
      case DealOutcome.lost.rawValue:
        lost[g] += 1
      default:
        open[g] += 1
        if let a = amount { openAmount?.add(a, row: r, group: g) }
      }
    }
    if created != nil && closed != nil {
      cycleMedianDays = median.medians()
      cycleMeanDays = zip(cycleSum, cycleCount).map { $1 == 0 ? nil : Double($0) / Double($1) }
      (self.cycleCount, self.cycleSquares) = (cycleCount, cycleSquares)
    }
  }

  /// Each open deal's amount times its probability: the `probability` column
  /// when the deals have one and it is not null, else its stage's default
  /// (`ForecastVerb.stageProbability`), as `forecast`'s `weighted` reads them.
  private mutating func addWeighted(_ reach: MetricSources.Reach, credited: [Bool]?) throws {
    let table = reach.table
    guard let a = table.column("amount"), let amount = MoneyColumn(a) else {
      throw MetricProblem.internalError("deals.amount checked but not a number")
    }
    let outcome = try DealOutcome.of(table)
    var probability: MoneyColumn? = nil
    if let c = table.column("probability") {
      guard let p = MoneyColumn(c) else {
        throw MetricProblem(
          message: "deals.probability must be a number from 0 to 1, not \(c.type.name)",
          hints: ["map it when loading: .load deals FILE map probability = <your column>"])
      }
      probability = p
    }
    let stages = ForecastVerb.stageProbability
    let defaults: [Int8]? = table.column("stage")?.classified(nullCode: -1) { word in
      Int8(stages.firstIndex { $0.stage == word } ?? -1)
    }
    var sums = [Double](repeating: 0, count: groupCount)
    reach.membership.forEach { r, g in
      if let c = credited, !c[r] { return }
      guard (outcome?[r] ?? DealOutcome.open.rawValue) == DealOutcome.open.rawValue, !amount.isNull(r) else { return }
      var p = 0.0
      if let column = probability, !column.isNull(r) {
        p = column.double(r)
      } else if let d = defaults?[r], d >= 0 {
        p = stages[Int(d)].probability
      }
      sums[g] += amount.double(r) * p
    }
    openWeighted = sums
  }

  private mutating func addLeads(_ reach: MetricSources.Reach, stages: [LeadStage]) throws {
    leads = [Int64](repeating: 0, count: groupCount)
    let table = reach.table
    let ranks = try LeadStage.ranks(table)
    var flags: [(LeadStage, [Bool])] = []
    for s in stages where s != .lead {
      flags.append(
        (s, LeadStage.reached(s, ranks: ranks, days: try LeadStage.days(s, in: table), rows: table.rowCount)))
      reached[s.rawValue] = [Int64](repeating: 0, count: groupCount)
    }
    reach.membership.forEach { r, g in leads[g] += 1 }
    for (s, f) in flags {
      var counts = reached[s.rawValue]
      reach.membership.forEach { r, g in if f[r] { counts[g] += 1 } }
      reached[s.rawValue] = counts
    }
    // Every lead reached `lead`.
    reached[LeadStage.lead.rawValue] = leads
  }

  private mutating func addCampaigns(_ reach: MetricSources.Reach, columns: [String]) throws {
    var campaigns = [Int64](repeating: 0, count: groupCount)
    let table = reach.table
    var spendColumn: MoneyColumn? = nil
    var spendSums: MoneySums? = nil
    if columns.contains("spend"), let c = table.column("spend") {
      guard let m = MoneyColumn(c) else { throw MetricProblem(message: "spend must be a number, not \(c.type.name)") }
      spendColumn = m
      spendSums = MoneySums(groupCount: groupCount, like: m)
    }
    func counts(_ name: String) throws -> [Int64]? {
      guard columns.contains(name), let c = table.column(name) else { return nil }
      guard let v = c.wholeNumbers() else {
        throw MetricProblem(message: "\(name) must be a number, not \(c.type.name)")
      }
      return v
    }
    let imp = try counts("impressions"), clk = try counts("clicks")
    var impressionSums = [Int64](repeating: 0, count: imp == nil ? 0 : groupCount)
    var clickSums = [Int64](repeating: 0, count: clk == nil ? 0 : groupCount)
    reach.membership.forEach { r, g in
      campaigns[g] += 1
      if let s = spendColumn { spendSums?.add(s, row: r, group: g) }
      if let v = imp { impressionSums[g] &+= v[r] }
      if let v = clk { clickSums[g] &+= v[r] }
    }
    reachesCampaign = campaigns.map { $0 > 0 }
    if let s = spendSums { spend = (0..<groupCount).map { s.value($0) } }
    impressions = impressionSums.map { Double($0) }
    clicks = clickSums.map { Double($0) }
  }
}
