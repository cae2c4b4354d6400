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
  /// Sum of amount × 12 ÷ term_months over won deals with both (a term of 0 left out), and their count.
  var wonAnnualValue: [Double] = []
  var wonWithTerm: [Int64] = []
  /// Median of `closed_at - created_at` over won deals with both dates.
  var cycleMedianDays: [Double?] = []
  /// Mean of the same.
  var cycleMeanDays: [Double?] = []
  /// Touches of the won deals' leads on or before each deal's close.
  var touchesToClose: [Int64] = []
  // Leads.
  var leads: [Int64] = []
  /// Indexed by `LeadStage.rawValue`; empty for a stage not asked for.
  var reached: [[Int64]] = Array(repeating: [], count: LeadStage.allCases.count)
  // Campaigns.
  var campaigns: [Int64] = []
  var spend: MoneySums? = nil
  var impressions: [Int64] = []
  var clicks: [Int64] = []

  /// Computes what `needs` asks for; `MetricSources.problem` must have returned nil.
  init(
    needs: MetricNeeds, rowsAre: StandardDataset, input: Table, grouping: Grouping, context: MetricContext
  ) throws {
    groupCount = grouping.groupCount
    func reach(_ d: StandardDataset) throws -> MetricSources.Reach {
      try MetricSources.reach(d, rowsAre: rowsAre, input: input, grouping: grouping, context: context)
    }
    if let columns = needs.deals { try addDeals(try reach(.deals), columns: columns, touches: needs.touches, context) }
    if let stages = needs.leadStages { try addLeads(try reach(.leads), stages: stages) }
    if let columns = needs.campaigns { try addCampaigns(try reach(.campaigns), columns: columns) }
  }

  private mutating func addDeals(
    _ reach: MetricSources.Reach, columns: [String], touches: Bool, _ context: MetricContext
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
    }
    var term: MoneyColumn? = nil
    if columns.contains("term_months"), let c = table.column("term_months") {
      guard let t = MoneyColumn(c) else {
        throw MetricProblem(message: "deals.term_months must be a number, not \(c.type.name)")
      }
      term = t
      (wonAnnualValue, wonWithTerm) = ([Double](repeating: 0, count: n), [Int64](repeating: 0, count: n))
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
      deals[g] += 1
      switch outcome?[r] ?? DealOutcome.open.rawValue {
      case DealOutcome.won.rawValue:
        won[g] += 1
        if let a = amount { wonAmount?.add(a, row: r, group: g) }
        if let a = amount, let t = term, !a.isNull(r), !t.isNull(r), t.double(r) != 0 {
          wonAnnualValue[g] += a.double(r) * 12 / t.double(r)
          wonWithTerm[g] += 1
        }
        if let c = created, let e = closed, c[r] != nullDay, e[r] != nullDay {
          let days = Int64(e[r]) - Int64(c[r])
          median.add(days, group: g)
          // Days between two dates are below 2^22: millions of deals cannot overflow.
          cycleSum[g] += days
          cycleCount[g] += 1
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
    }
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
    campaigns = [Int64](repeating: 0, count: groupCount)
    let table = reach.table
    var spendColumn: MoneyColumn? = nil
    if columns.contains("spend"), let c = table.column("spend") {
      guard let m = MoneyColumn(c) else { throw MetricProblem(message: "spend must be a number, not \(c.type.name)") }
      spendColumn = m
      spend = MoneySums(groupCount: groupCount, like: m)
    }
    func counts(_ name: String) throws -> [Int64]? {
      guard columns.contains(name), let c = table.column(name) else { return nil }
      guard let v = c.wholeNumbers() else {
        throw MetricProblem(message: "\(name) must be a number, not \(c.type.name)")
      }
      return v
    }
    let imp = try counts("impressions"), clk = try counts("clicks")
    if imp != nil { impressions = [Int64](repeating: 0, count: groupCount) }
    if clk != nil { clicks = [Int64](repeating: 0, count: groupCount) }
    reach.membership.forEach { r, g in
      campaigns[g] += 1
      if let s = spendColumn { spend?.add(s, row: r, group: g) }
      if let v = imp { impressions[g] += v[r] }
      if let v = clk { clicks[g] += v[r] }
    }
  }
}
