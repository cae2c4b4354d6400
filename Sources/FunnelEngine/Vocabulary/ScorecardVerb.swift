import FunnelData
import FunnelLanguage

/// `scorecard [by keys]`: marketing's numbers beside sales' numbers, one row per
/// value of campaign columns (default `channel`), the leads and deals reached
/// through `campaign_id`.
///
/// Columns, marketing side first: the keys, spend, leads, cpl, mql_rate, ctr,
/// roas; the hand-off mql_to_sql_rate; then the sales side: opportunities
/// (deals), win_rate, avg_deal_size, sales_cycle_days, pipeline_value, revenue
/// (won). Rows in key order.
public enum ScorecardVerb {
  /// The rules in words (docs/metrics.md).
  public static let summary = """
    `scorecard [by <keys>] [model <model>]` puts marketing's numbers beside sales',
    one row per value of campaign columns (default `channel`), in key order; leads
    and deals are those of the group's campaigns (through `campaign_id`). Columns:
    the keys, `spend`, `leads`, `cpl`, `mql_rate`, `ctr`, `roas`, then the hand-off
    `mql_to_sql_rate`, then `opportunities` (deals), `win_rate`, `avg_deal_size`,
    `sales_cycle_days`, `pipeline_value` and `revenue` (won), each as the metric of
    that name defines it. `revenue` and `roas` credit each won deal whole to the
    campaign in its `campaign_id` (its source campaign), and a note under the table
    says so; `model w_shaped` (any attribution model, with its weights:
    `model u_shaped(30, 30)`) credits them over each deal's touches instead, as
    `attribute` does, and the note names the model.
    """

  /// The keys when none are given.
  package static let defaultKeys = ["channel"]

  /// Metrics shown: the marketing side, then the sales side (see `run`).
  static let marketingSide = [
    MetricRegistry.cpl, MetricRegistry.mqlRate, MetricRegistry.ctr, MetricRegistry.roas,
    MetricRegistry.mqlToSqlRate,
  ]
  static let salesSide = [
    MetricRegistry.winRate, MetricRegistry.avgDealSize, MetricRegistry.salesCycleDays,
    MetricRegistry.pipelineValue,
  ]

  /// What the metrics shown read, together.
  static let needs = (marketingSide + salesSide).map(\.needs).reduce(MetricNeeds()) { $0.merged(with: $1) }

  /// nil when the session's datasets can make the scorecard.
  public static func check(context: MetricContext, keys: [String]) -> MetricProblem? {
    guard let campaigns = context.dataset("campaigns") else {
      return MetricProblem(
        message: "scorecard needs campaigns, and no campaigns dataset is loaded",
        hints: ["load one: .load campaigns FILE"])
    }
    for key in keys.isEmpty ? defaultKeys : keys where !campaigns.names.contains(key) {
      var hints = ["scorecard groups by columns of campaigns: \(campaigns.names.joined(separator: ", "))"]
      if let near = campaigns.names.nearest(to: key) { hints.insert("did you mean '\(near)'?", at: 0) }
      return MetricProblem(message: "scorecard by \(key): campaigns has no column \(key)", hints: hints)
    }
    var inner = context
    inner.origin = StandardDataset.campaigns.rawValue
    return MetricSources.problem(
      needs, subject: "scorecard", rowsAre: .campaigns, inputColumns: campaigns.names,
      context: inner)
  }

  /// The scorecard table.
  /// The note under a scorecard without a model: how its revenue is credited.
  public static let defaultNote =
    "revenue and roas credit each won deal to the campaign in its campaign_id (its source); "
    + "'scorecard model linear' shares it over the deal's touches"

  /// The note under a scorecard: the rule its revenue and roas are credited by.
  static func note(credit: AttributionModel?) -> String {
    guard let credit else { return defaultNote }
    return "revenue and roas share each won deal over its touches by \(credit.written)"
  }

  /// What keeps the scorecard from crediting by a model (touches, their columns), or nil.
  static func creditProblem(context: MetricContext) -> MetricProblem? {
    guard let touches = context.dataset("touches") else {
      return .missingDataset("touches", column: "touched_at", rows: "campaigns", for: "scorecard model")
    }
    for c in ["lead_id", "touched_at", "campaign_id"] where !touches.names.contains(c) {
      return .missingColumn(c, in: "touches", for: "scorecard model", rowsAre: false)
    }
    guard let deals = context.dataset("deals") else {
      return .missingDataset("deals", column: "amount", rows: "campaigns", for: "scorecard model")
    }
    for c in ["lead_id", "closed_at", "amount", "stage"] where !deals.names.contains(c) {
      return .missingColumn(c, in: "deals", for: "scorecard model", rowsAre: false)
    }
    return nil
  }

  public static func run(keys: [String], credit: AttributionModel? = nil, context: MetricContext) throws -> Table {
    if let p = check(context: context, keys: keys) { throw p }
    guard let campaigns = context.dataset("campaigns") else { throw MetricProblem.internalError("campaigns vanished") }
    let keyNames = keys.isEmpty ? defaultKeys : keys
    let keyColumns = keyNames.compactMap { campaigns.column($0) }
    let groups = try Grouping.byKeyOrder(keyColumns, rows: campaigns.rowCount)
    var inner = context
    inner.origin = StandardDataset.campaigns.rawValue
    var needs = needs
    needs.credit = credit
    let facts = try MetricFacts(
      needs: needs, rowsAre: .campaigns, input: campaigns, grouping: groups, context: inner)
    try Interruption.check()
    let g = groups.groupCount
    func metrics(_ side: [MetricDefinition]) -> [(String, Column)] {
      side.map { ($0.name, MetricEvaluator.column($0, facts: facts)) }
    }
    var names = keyNames
    var columns = groups.keyColumns(keyColumns)
    let spend = MetricEvaluator.column((0..<g).map { facts.spend.isEmpty ? nil : facts.spend[$0] }, hint: .money)
    let revenue = MetricEvaluator.column(
      (0..<g).map { facts.credit.isEmpty ? facts.wonAmount?.value($0) ?? 0 : facts.credit[$0].revenue }, hint: .money)
    let parts: [(String, Column)] =
      [("spend", spend), ("leads", Column(.int(facts.leads)))] + metrics(marketingSide)
      + [("opportunities", Column(.int(facts.deals)))] + metrics(salesSide) + [("revenue", revenue)]
    for (name, column) in parts {
      names.append(name)
      columns.append(column)
    }
    return Table(names: names, columns: columns)
  }
}
