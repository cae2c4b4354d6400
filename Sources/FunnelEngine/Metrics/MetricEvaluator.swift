import FunnelData
import FunnelLanguage

/// Checks and computes the built-in metrics over grouped rows, reaching the other
/// standard datasets as `MetricSources` describes. Every metric yields a double;
/// a division by zero (or a sum over nothing it divides by) yields null.
public enum MetricEvaluator {
  /// nil when the metric can be computed over rows with these columns; else what
  /// is missing and how to map it.
  public static func check(_ call: MetricCall, columns: [String], context: MetricContext) -> MetricProblem? {
    let name = call.name
    guard let definition = MetricRegistry.named(name) else {
      var hints: [String] = []
      if let near = MetricRegistry.all.map(\.name).nearest(to: name) { hints.append("did you mean '\(near)'?") }
      return MetricProblem(message: "unknown metric '\(name)'", hints: hints)
    }
    if MetricOption.takesQuota.contains(definition.name), call.quota == nil { return quotaProblem(name) }
    let rowsAre = StandardDataset.of(origin: context.origin, columns: columns)
    if let p = placeProblem(definition, rowsAre: rowsAre) { return p }
    let needs = needs(definition.needs, call: call, rowsAre: rowsAre)
    if needs.costs, let p = costsProblem(name, context: context) { return p }
    return MetricSources.problem(needs, subject: "\(name)()", rowsAre: rowsAre, inputColumns: columns, context: context)
  }

  /// A metric over the campaigns' own quantities (spend, impressions, clicks)
  /// runs on campaigns, or on leads with each campaign's share (`CampaignShares`);
  /// on deals or touches a group would have no fair share of spend to divide, so
  /// such a metric refuses them rather than give another number than campaigns do.
  static func placeProblem(_ definition: MetricDefinition, rowsAre: StandardDataset?) -> MetricProblem? {
    guard definition.needs.campaigns != nil, let rows = rowsAre, rows != .campaigns, rows != .leads else {
      return nil
    }
    let name = definition.name
    var hints = [
      "campaigns | agg \(name)() by channel",
      "leads | agg \(name)() by region  (each campaign's spend shared by its leads)",
    ]
    if rows == .deals {
      hints.append(
        "spend is not split by a deal's columns; to credit revenue to campaigns: deals | attribute linear by channel")
    }
    return MetricProblem(
      message:
        "\(name)() is a campaign metric: it runs on campaigns or leads, and the rows are \(rows.rawValue)",
      hints: hints)
  }

  /// A quota metric called without its quota: the quotas dataset holds a quota
  /// per rep and period, which only `forecast` matches to its rows.
  static func quotaProblem(_ name: String) -> MetricProblem {
    MetricProblem(
      message: "\(name)() measures against a quota: write it in the call, as \(name)(120000)",
      hints: [
        "filter the deals to the quota's rep and period first: deals | where owner == \"...\" and "
          + "quarter(expected_close) == quarter(today()) | agg \(name)(120000)",
        "against the quotas dataset, per rep and period: deals | forecast quarter(expected_close) by owner",
      ])
  }

  /// What keeps `name` from reading sales costs, or nil.
  static func costsProblem(_ name: String, context: MetricContext, readRows: Bool = false) -> MetricProblem? {
    let alternative = "marketing_cac() is campaign spend ÷ new customers, without the costs"
    guard let costs = context.dataset("costs") else {
      return MetricProblem(
        message: "\(name)() needs sales costs, and no costs dataset is loaded",
        hints: [alternative, "load them: .load costs FILE  (month, team, category, amount)"])
    }
    for c in ["team", "amount"] where !costs.names.contains(c) {
      return .missingColumn(c, in: "costs", for: "\(name)()", rowsAre: false)
    }
    guard let team = costs.column("team"), team.type == .string else {
      return MetricProblem(message: "costs.team must be text: marketing or sales", hints: [alternative])
    }
    // The rows are read only when the metric runs (a dataset may still be loading when it is checked).
    guard readRows else { return nil }
    // Costs are a few rows a month: read as values.
    let hasSales = (0..<team.count).contains { r in
      if case .string(let t) = team.value(at: r) { return t.lowercased().trimmingSpaces == "sales" }
      return false
    }
    guard hasSales else {
      return MetricProblem(
        message: "\(name)() needs sales costs, and costs has no row with team \"sales\"",
        hints: [alternative, "CAC counts sales salaries and commissions beside marketing's spend"])
    }
    return nil
  }

  /// What a call reads: over leads, a campaign metric also reads the deals'
  /// campaign_id, to count only the deals credited to a campaign.
  package static func needs(_ base: MetricNeeds, call: MetricCall, rowsAre: StandardDataset?) -> MetricNeeds {
    var needs = base
    needs.shareBy = call.shareBy
    if let rule = call.credit, rule != CreditRule.source, let model = AttributionModel.named(rule) {
      needs.credit = model
      needs.touches = true
      if let d = needs.deals {
        needs.deals = d + ["lead_id", "closed_at", "amount"].filter { !d.contains($0) }
      }
    }
    if needs.campaigns != nil, rowsAre == .leads {
      if let d = needs.deals, !d.contains("campaign_id") { needs.deals = d + ["campaign_id"] }
      if needs.shareBy == .touches { needs.touches = true }
    }
    return needs
  }

  /// One value per group (`grouping.groupOfRow[i]` is row i's group in `0..<groupCount`).
  public static func evaluate(_ call: MetricCall, input: Table, grouping: Grouping, context: MetricContext) throws
    -> Column
  {
    if let p = check(call, columns: input.names, context: context) { throw p }
    let name = call.name
    var stages: [LeadStage] = []
    for text in call.stages {
      guard let s = LeadStage(name: text) else { throw LeadStage.unknown(text, in: "\(name)()") }
      stages.append(s)
    }
    guard let definition = MetricRegistry.named(name),
      let rowsAre = StandardDataset.of(origin: context.origin, columns: input.names)
    else { throw MetricProblem.internalError("metric \(name) passed its check but has no plan") }
    let needs = needs(definition.needs(stages: stages), call: call, rowsAre: rowsAre)
    // The stage columns are only known now: check them again.
    if let p = MetricSources.problem(
      needs, subject: "\(name)()", rowsAre: rowsAre, inputColumns: input.names,
      context: context)
    {
      throw p
    }
    if needs.costs, let p = costsProblem(name, context: context, readRows: true) { throw p }
    let facts = try MetricFacts(needs: needs, rowsAre: rowsAre, input: input, grouping: grouping, context: context)
    guard call.part != .value else {
      return column(definition, stages: stages, margin: call.margin, quota: call.quota, facts: facts)
    }
    guard let formula = MetricSample.formula(definition.name, part: call.part) else {
      throw MetricProblem.internalError("\(name)() has no \(call.part.rawValue)")
    }
    return column(
      (0..<facts.groupCount).map { formula(MetricGroup(facts: facts, group: $0, stages: stages, margin: call.margin)) },
      hint: .plain)
  }

  /// A double column from optional values.
  static func column(_ values: [Double?], hint: DisplayHint) -> Column {
    var valid = Bitmap(count: values.count, value: true)
    var data = [Double](repeating: 0, count: values.count)
    for (i, v) in values.enumerated() {
      if let v = v, v.isFinite { data[i] = v } else { valid[i] = false }
    }
    return Column(.double(data), validity: valid, hint: hint)
  }

  /// The values of `definition` for every group of `facts`, as a column shown as the metric's hint.
  static func column(
    _ definition: MetricDefinition, stages: [LeadStage] = [], margin: Double? = nil, quota: Double? = nil,
    facts: MetricFacts
  ) -> Column {
    column(
      (0..<facts.groupCount).map {
        definition.compute(MetricGroup(facts: facts, group: $0, stages: stages, margin: margin, quota: quota))
      },
      hint: definition.hint)
  }
}
