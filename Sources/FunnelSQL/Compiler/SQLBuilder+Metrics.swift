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

  var b: SQLBuilder { builder }

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
      try addDeals(&f, columns: columns, credited: campaignOverLeads, weighted: needs.weighted, context)
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
    if needs.response { try addResponse(&f, context) }
    if let model = needs.credit { try addCredit(&f, model: model, context) }
    let formula =
      call.part == .value
      ? MetricFormulaSQL.value(definition.name, facts: f, stages: stages, margin: call.margin, quota: call.quota, b)
      : MetricFormulaSQL.part(call.part, of: definition.name, facts: f, stages: stages)
    guard let value = formula else {
      throw SQLCompileError(
        "the metric `\(call.name)` has no \(dialect) SQL form here yet", stage: nil, hint: "run it with .engine memory")
    }
    return value
  }

  /// Adds a CTE of facts grouped by the keys; returns its alias.
  mutating func fact(_ stage: String, select: [String], from: String, where condition: String? = nil) -> String {
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
  mutating func reach(_ dataset: StandardDataset, _ c: MetricSQLContext) throws(SQLCompileError)
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
  func linkedIds(_ link: String) -> String {
    let select = (keys + ["\(b.quote(link)) AS \(b.slot("id"))"]).joined(separator: ", ")
    return b.add(
      "metric_ids", "SELECT DISTINCT \(select)\nFROM \(b.quote(rows.name))\nWHERE \(b.quote(link)) IS NOT NULL"
    ).name
  }

  /// `x IN (the campaigns' ids)`, an int matched to a text by its decimal text.
  func isCampaign(_ x: String, _ type: DataType, _ c: MetricSQLContext) -> String {
    let id = b.quote("campaign_id")
    let campaignType = c.type("campaign_id", in: .campaigns) ?? type
    if campaignType == type { return "\(x) IN (SELECT \(id) FROM \(b.quote("campaigns")))" }
    return "CAST(\(x) AS \(b.textType)) IN (SELECT CAST(\(id) AS \(b.textType)) FROM \(b.quote("campaigns")))"
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
