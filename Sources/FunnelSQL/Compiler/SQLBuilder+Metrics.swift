import FunnelData
import FunnelEngine

/// `agg` holding built-in metrics (`deals | agg win_rate() by owner`), by
/// `MetricEvaluator`'s rules: each metric is a formula over per-group facts
/// (counts and sums of the deals, leads and campaigns the group reaches, as
/// `MetricSources` reaches them), each fact a CTE grouped by the keys and
/// joined to the groups:
///
///     agg_rows     the rows, each with its key values (`_g0`, ...)
///     agg_groups   one row per group, with the ordinary aggregates
///     metric...    the facts of each metric per group (deals won, leads
///                  that reached mql, the group's share of spend, ...)
///     agg          the groups with every aggregate, metrics by their formula
///     agg_2        the outputs
extension SQLBuilder {
  func aggregateWithMetrics(_ from: SQLRelation, _ plan: AggregatePlan) throws(SQLCompileError) -> SQLRelation {
    let keySlots = plan.keys.indices.map { slot("g\($0)") }
    var keyed: [String] = []
    for (k, s) in zip(plan.keys, keySlots) { keyed.append("\(try expression(k.expr, over: from)) AS \(s)") }
    let rows = add(
      "agg_rows", "SELECT " + (keyed + ["*"]).joined(separator: ", ") + "\nFROM \(quote(from.name))",
      columns: from.columns, types: from.types)
    let groupBy = keySlots.isEmpty ? "" : "\nGROUP BY " + keySlots.joined(separator: ", ")
    var plain = keySlots + ["COUNT(*) AS \(slot("rows"))"]
    for (i, spec) in plan.aggregates.enumerated() {
      if case .metric = spec.function { continue }
      plain.append("\(try aggregate(spec, over: from)) AS \(quote("__slot_\(i)"))")
    }
    let groups = add(
      "agg_groups", "SELECT " + plain.joined(separator: ",\n  ") + "\nFROM \(quote(rows.name))" + groupBy)
    var facts = MetricFactsSQL(builder: self, rows: rows, keys: keySlots)
    var slots: [String] = []
    for (i, spec) in plan.aggregates.enumerated() {
      let name = quote("__slot_\(i)")
      guard case .metric(let call) = spec.function else {
        slots.append("m.\(name) AS \(name)")
        continue
      }
      let value = try facts.value(call, origin: plan.origin, reads: spec.reads, from: from)
      slots.append("\(value) AS \(name)")
    }
    let joins = facts.joins.map { cte, alias in
      let same =
        keySlots.isEmpty ? "1 = 1" : keySlots.map { sameKey("m.\($0)", "\(alias).\($0)") }.joined(separator: " AND ")
      return "\nLEFT JOIN \(quote(cte)) \(alias) ON \(same)"
    }.joined()
    let keyNames = plan.keys.map(\.name)
    let slotNames = plan.aggregates.indices.map { "__slot_\($0)" }
    let items = zip(keySlots, keyNames).map { "m.\($0) AS \(quote($1))" } + slots
    let all = add(
      "agg", "SELECT " + items.joined(separator: ",\n  ") + "\nFROM \(quote(groups.name)) m" + joins,
      columns: keyNames + slotNames, types: plan.keys.map(\.expr.type) + plan.aggregates.map(\.type))
    var outputs = keyNames.map { quote($0) }
    let columns = keyNames + slotNames
    for o in plan.outputs {
      outputs.append("\(try render(o.expr) { quote(columns[$0]) }) AS \(quote(o.name))")
    }
    var out = add(
      "agg", "SELECT " + outputs.joined(separator: ",\n  ") + "\nFROM \(quote(all.name))",
      columns: keyNames + plan.outputs.map(\.name), types: plan.keys.map(\.expr.type) + plan.outputs.map(\.expr.type))
    out.order = plan.keys.map { orderTerm(quote($0.name), $0.expr.type, descending: false) }
    return out
  }
}

/// The facts the metrics of one `agg` read, as CTEs keyed by the group's key
/// slots, each joined to the groups under an alias (`f0`, `f1`, ...).
struct MetricFactsSQL {
  let builder: SQLBuilder
  /// The rows with their key slots.
  let rows: SQLRelation
  let keys: [String]
  /// Each fact CTE and its alias in the final join.
  private(set) var joins: [(cte: String, alias: String)] = []

  init(builder: SQLBuilder, rows: SQLRelation, keys: [String]) {
    self.builder = builder
    self.rows = rows
    self.keys = keys
  }

  private var b: SQLBuilder { builder }

  /// The SQL of `call`'s value per group, over the joined facts.
  mutating func value(_ call: MetricCall, origin: String?, reads: VerbReads?, from: SQLRelation)
    throws(SQLCompileError) -> String
  {
    let dialect = b.dialect.rawValue
    guard let definition = MetricRegistry.named(call.name), let reads,
      let rowsAre = StandardDataset.of(origin: origin, columns: from.columns)
    else {
      throw SQLCompileError(
        "internal error: the metric `\(call.name)` was checked but has no plan (this is a bug)", stage: nil)
    }
    var stages: [LeadStage] = []
    for text in call.stages {
      guard let s = LeadStage(name: text) else {
        throw SQLCompileError("\(call.name)(): '\(text)' is not a lead stage", stage: nil)
      }
      stages.append(s)
    }
    let needs = MetricEvaluator.needs(definition.needs(stages: stages), call: call, rowsAre: rowsAre)
    let context = MetricSQLContext(rowsAre: rowsAre, reads: reads, from: from)
    var f = MetricFactColumns()
    let campaignOverLeads = needs.campaigns != nil && rowsAre == .leads
    if let columns = needs.deals {
      try addDeals(&f, columns: columns, credited: campaignOverLeads, context)
      if definition.name == "avg_touches_to_close" { try addTouchesToClose(&f, context) }
    }
    if let s = needs.leadStages, !campaignOverLeads { try addLeads(&f, stages: s, context) }
    if let columns = needs.campaigns {
      if rowsAre == .campaigns {
        addOwnCampaigns(&f, columns: columns, context)
      } else {
        try addCampaignShares(&f, columns: columns, basis: needs.shareBy, context)
      }
    }
    if needs.costs { addCosts(&f, context) }
    if let model = needs.credit { try addCredit(&f, model: model, context) }
    guard let value = MetricFormulaSQL.value(definition.name, facts: f, stages: stages, margin: call.margin, b) else {
      throw SQLCompileError(
        "the metric `\(call.name)` has no \(dialect) SQL form here yet", stage: nil, hint: "run it with .engine memory")
    }
    return value
  }

  /// Adds a CTE of facts grouped by the keys; returns its alias.
  private mutating func fact(_ stage: String, select: [String], from: String, where condition: String? = nil) -> String
  {
    let groupBy = keys.isEmpty ? "" : "\nGROUP BY " + keys.map { "r.\($0)" }.joined(separator: ", ")
    let sql =
      "SELECT " + (keys.map { "r.\($0) AS \($0)" } + select).joined(separator: ",\n  ") + "\nFROM " + from
      + (condition.map { "\nWHERE \($0)" } ?? "") + groupBy
    let cte = b.add(stage, sql)
    let alias = "f\(joins.count)"
    joins.append((cte.name, alias))
    return alias
  }

  /// The rows of `dataset` each group reaches, as a FROM item aliased `r`
  /// with the key slots, and their columns: the rows themselves, or the
  /// dataset's rows whose link id one of the group's rows holds (each once per group).
  private mutating func reach(_ dataset: StandardDataset, _ c: MetricSQLContext) throws(SQLCompileError)
    -> (from: String, schema: [String: DataType])
  {
    if dataset == c.rowsAre {
      return ("\(b.quote(rows.name)) r", Dictionary(zip(c.from.columns, c.from.types), uniquingKeysWith: { a, _ in a }))
    }
    guard let link = c.rowsAre.link(to: dataset), let table = c.reads.datasets[dataset.rawValue],
      let linkType = c.rowType(link), let targetType = c.type(link, in: dataset)
    else {
      throw SQLCompileError("internal error: \(dataset.rawValue) checked but not reachable (this is a bug)", stage: nil)
    }
    let ids = linkedIds(link)
    let x = b.quote(dataset.rawValue)
    let select = (keys.map { "s.\($0)" } + ["x.*"]).joined(separator: ", ")
    let match = b.idMatch("x.\(b.quote(link))", targetType, "s.\(b.slot("id"))", linkType)
    let joined = b.add("metric_reach", "SELECT \(select)\nFROM \(b.quote(ids)) s\nJOIN \(x) x ON \(match)")
    return ("\(b.quote(joined.name)) r", Dictionary(zip(table.names, table.types), uniquingKeysWith: { a, _ in a }))
  }

  /// A CTE of each group's distinct non-null values of `link` (`_id`).
  private func linkedIds(_ link: String) -> String {
    let select = (keys + ["\(b.quote(link)) AS \(b.slot("id"))"]).joined(separator: ", ")
    return b.add(
      "metric_ids", "SELECT DISTINCT \(select)\nFROM \(b.quote(rows.name))\nWHERE \(b.quote(link)) IS NOT NULL"
    ).name
  }

  /// `x IN (the campaigns' ids)`, an int matched to a text by its decimal text.
  private func isCampaign(_ x: String, _ type: DataType, _ c: MetricSQLContext) -> String {
    let id = b.quote("campaign_id")
    let campaignType = c.type("campaign_id", in: .campaigns) ?? type
    if campaignType == type { return "\(x) IN (SELECT \(id) FROM \(b.quote("campaigns")))" }
    return "CAST(\(x) AS \(b.textType)) IN (SELECT CAST(\(id) AS \(b.textType)) FROM \(b.quote("campaigns")))"
  }

  // MARK: Deals

  private mutating func addDeals(_ f: inout MetricFactColumns, columns: [String], credited: Bool, _ c: MetricSQLContext)
    throws(SQLCompileError)
  {
    let (from, schema) = try reach(.deals, c)
    let word = b.stageWord("r.\(b.quote("stage"))")
    let won = "\(word) = 'closed_won'", lost = "\(word) = 'closed_lost'"
    let open = "(\(word) IS NULL OR \(word) NOT IN ('closed_won', 'closed_lost'))"
    func count(_ condition: String) -> String { "COUNT(CASE WHEN \(condition) THEN 1 END)" }
    var select = [
      "COUNT(*) AS \(b.slot("deals"))", "\(count(won)) AS \(b.slot("won"))", "\(count(lost)) AS \(b.slot("lost"))",
      "\(count(open)) AS \(b.slot("open"))",
    ]
    let amount = "r.\(b.quote("amount"))"
    let hasAmount = columns.contains("amount") && schema["amount"] != nil
    if hasAmount {
      let a = b.double(amount)
      select += [
        "SUM(CASE WHEN \(won) THEN \(a) END) AS \(b.slot("won_amount"))",
        "\(count("\(won) AND \(amount) IS NOT NULL")) AS \(b.slot("won_with_amount"))",
        "SUM(CASE WHEN \(open) THEN \(a) END) AS \(b.slot("open_amount"))",
      ]
    }
    if columns.contains("term_months"), schema["term_months"] != nil {
      let term = "r.\(b.quote("term_months"))"
      let has = "\(won) AND \(amount) IS NOT NULL AND \(term) IS NOT NULL AND \(term) <> 0"
      select += [
        "SUM(CASE WHEN \(has) THEN \(b.double(amount)) * \(b.double(12.0)) / \(b.double(term)) END) AS \(b.slot("annual"))",
        "\(count(has)) AS \(b.slot("with_term"))",
      ]
    }
    let hasCycle = columns.contains("created_at") && columns.contains("closed_at")
    if hasCycle, let createdType = schema["created_at"], let closedType = schema["closed_at"] {
      let created = try b.day("r.\(b.quote("created_at"))", createdType, stage: "", what: "deals.created_at")
      let closed = try b.day("r.\(b.quote("closed_at"))", closedType, stage: "", what: "deals.closed_at")
      let days = "CASE WHEN \(won) THEN \(b.daysBetween(closed, created)) END"
      select += ["AVG(\(b.double(days))) AS \(b.slot("cycle"))", "\(b.median(days)) AS \(b.slot("cycle_median"))"]
    }
    let condition = credited ? isCampaign("r.\(b.quote("campaign_id"))", schema["campaign_id"] ?? .int, c) : nil
    let alias = fact("metric", select: select, from: from, where: condition)
    func fact0(_ name: String) -> String { "COALESCE(\(alias).\(b.slot(name)), 0)" }
    f.deals = fact0("deals")
    f.won = fact0("won")
    f.lost = fact0("lost")
    f.open = fact0("open")
    if hasAmount {
      f.wonRevenue = "COALESCE(\(alias).\(b.slot("won_amount")), \(b.double(0.0)))"
      f.wonWithAmount = fact0("won_with_amount")
      f.openAmount = "COALESCE(\(alias).\(b.slot("open_amount")), \(b.double(0.0)))"
    }
    if columns.contains("term_months") {
      f.annualValue = "COALESCE(\(alias).\(b.slot("annual")), \(b.double(0.0)))"
      f.withTerm = fact0("with_term")
    }
    if hasCycle {
      f.cycleMean = "\(alias).\(b.slot("cycle"))"
      f.cycleMedian = "\(alias).\(b.slot("cycle_median"))"
    }
  }

  /// Touches of each won deal's lead on or before its close (today when open).
  private mutating func addTouchesToClose(_ f: inout MetricFactColumns, _ c: MetricSQLContext) throws(SQLCompileError) {
    let (from, schema) = try reach(.deals, c)
    guard let touchLead = c.type("lead_id", in: .touches), let touchedAt = c.type("touched_at", in: .touches),
      let dealLead = schema["lead_id"], let closedType = schema["closed_at"]
    else { throw SQLCompileError("internal error: touches checked but not reachable (this is a bug)", stage: nil) }
    let touchDay = try b.day("t.\(b.quote("touched_at"))", touchedAt, stage: "", what: "touches.touched_at")
    let closed = try b.day("r.\(b.quote("closed_at"))", closedType, stage: "", what: "deals.closed_at")
    let today = b.literal(.date(c.reads.today), .date)
    let match = b.idMatch("t.\(b.quote("lead_id"))", touchLead, "r.\(b.quote("lead_id"))", dealLead)
    let alias = fact(
      "metric", select: ["COUNT(*) AS \(b.slot("touches"))"],
      from: from + "\nJOIN \(b.quote("touches")) t ON \(match) AND \(touchDay) <= COALESCE(\(closed), \(today))",
      where: "\(b.stageWord("r.\(b.quote("stage"))")) = 'closed_won'")
    f.touchesToClose = "COALESCE(\(alias).\(b.slot("touches")), 0)"
  }

  // MARK: Leads

  private mutating func addLeads(_ f: inout MetricFactColumns, stages: [LeadStage], _ c: MetricSQLContext)
    throws(SQLCompileError)
  {
    let (from, schema) = try reach(.leads, c)
    let rank = schema["stage"] != nil ? b.leadRank("r.\(b.quote("stage"))") : nil
    var select = ["COUNT(*) AS \(b.slot("leads"))"]
    let wanted = stages.filter { $0 != .lead }
    for s in wanted {
      let day = schema[s.dateColumn] != nil ? "r.\(b.quote(s.dateColumn))" : nil
      select.append("COUNT(CASE WHEN \(b.leadReached(s, rank: rank, day: day)) THEN 1 END) AS \(b.slot(s.name))")
    }
    let alias = fact("metric", select: select, from: from)
    f.leads = "COALESCE(\(alias).\(b.slot("leads")), 0)"
    f.reached[.lead] = f.leads
    for s in wanted { f.reached[s] = "COALESCE(\(alias).\(b.slot(s.name)), 0)" }
  }

  // MARK: Campaigns

  /// Over campaigns: the group's own spend, impressions and clicks.
  private mutating func addOwnCampaigns(_ f: inout MetricFactColumns, columns: [String], _ c: MetricSQLContext) {
    var select = ["COUNT(*) AS \(b.slot("campaigns"))"]
    for name in ["spend", "impressions", "clicks"] where columns.contains(name) {
      select.append("SUM(\(b.double("r.\(b.quote(name))"))) AS \(b.slot(name))")
    }
    let alias = fact("metric", select: select, from: "\(b.quote(rows.name)) r")
    setCampaignFacts(&f, columns: columns, alias: alias, reach: "\(alias).\(b.slot("campaigns"))")
  }

  /// Over leads: each campaign's totals shared by its leads (or touches)
  /// in the session; a group's part is the sum over its rows (or touches).
  private mutating func addCampaignShares(
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
  private func setCampaignFacts(_ f: inout MetricFactColumns, columns: [String], alias: String, reach: String) {
    func known(_ name: String) -> String? {
      guard columns.contains(name) else { return nil }
      return "CASE WHEN COALESCE(\(reach), 0) > 0 THEN COALESCE(\(alias).\(b.slot(name)), \(b.double(0.0))) END"
    }
    f.spend = known("spend")
    f.impressions = known("impressions")
    f.clicks = known("clicks")
  }

  // MARK: Costs and credit

  /// All of costs.amount ÷ all won deals of the session.
  private func addCosts(_ f: inout MetricFactColumns, _ c: MetricSQLContext) {
    let amount = b.double(b.quote("amount"))
    let won = "\(b.stageWord(b.quote("stage"))) = 'closed_won'"
    f.costPerCustomer =
      "(SELECT COALESCE(SUM(\(amount)), \(b.double(0.0))) FROM \(b.quote("costs"))) / NULLIF((SELECT "
      + b.double("COUNT(*)") + " FROM \(b.quote("deals")) WHERE \(won)), 0)"
  }

  /// The won deals of the session credited over their touches by `model`, as
  /// `attribute` credits them: over campaigns a touch counts for the groups
  /// of its campaign, over leads for those of its lead when its campaign is one.
  private mutating func addCredit(_ f: inout MetricFactColumns, model: AttributionModel, _ c: MetricSQLContext)
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

/// Which standard dataset the rows are, and what the metric may read besides.
struct MetricSQLContext {
  let rowsAre: StandardDataset
  let reads: VerbReads
  let from: SQLRelation

  /// The type of the rows' column `name`.
  func rowType(_ name: String) -> DataType? { from.columns.firstIndex(of: name).map { from.types[$0] } }

  /// The type of column `name` of the session's `dataset`.
  func type(_ name: String, in dataset: StandardDataset) -> DataType? {
    guard let schema = reads.datasets[dataset.rawValue] else { return nil }
    return schema.names.firstIndex(of: name).map { schema.types[$0] }
  }
}
