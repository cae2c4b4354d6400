import FunnelData
import FunnelLanguage

/// `deals | attribute <model> [by keys]`: each deal's revenue and count credited
/// to the campaigns that touched its lead before it closed.
///
/// A deal's touches are the rows of `touches` with its `lead_id` whose day is on
/// or before its `closed_at` (today for an open deal), in order of `touched_at`
/// then `touch_id`; `AttributionModel` says how the deal is shared among them. A
/// key is a column of the touched campaign (`channel`, `name`; `campaign_id` is
/// read from the touch), or else of the touch itself (`kind`). Without keys the
/// credit goes to each campaign: `campaign_id` and `name`. Deals with no touch
/// that qualifies form one row of their own, keyed `(no touch)` (null for keys
/// that are not text), so no deal is ever dropped.
///
/// Columns: the keys, `deals` (the credited share of deals: the rows sum to the
/// number of deals) and `revenue`, rows by revenue descending then keys. Under
/// `compare`, one revenue column per model instead, rows in key order.
public enum AttributionVerb {
  /// Where one key is read from.
  enum KeySource { case campaigns, touches }

  /// The key text of deals with no touch.
  static let noTouch = "(no touch)"

  /// nil when these deals, with the session's touches and campaigns, can be attributed by `keys`.
  public static func check(deals: [String], context: MetricContext, keys: [String]) -> MetricProblem? {
    for c in ["lead_id", "closed_at", "amount"] where !deals.contains(c) {
      return .missingColumn(c, in: "deals", for: "attribute", rowsAre: true)
    }
    guard let touches = context.dataset("touches") else {
      return .missingDataset("touches", column: "touched_at", rows: "deals", for: "attribute")
    }
    for c in ["lead_id", "touched_at"] where !touches.names.contains(c) {
      return .missingColumn(c, in: "touches", for: "attribute", rowsAre: false)
    }
    switch sources(keys: keys, context: context) {
    case .failure(let p): return p
    case .success: return nil
    }
  }

  /// The attribution table (see the type's description).
  public static func run(deals: Table, model: AttributionModel, keys: [String], context: MetricContext) throws
    -> Table
  {
    if let p = check(deals: deals.names, context: context, keys: keys) { throw p }
    let keySources = try sources(keys: keys, context: context).get()
    guard let touches = context.dataset("touches"), let dealLead = deals.column("lead_id"),
      let touchLead = touches.column("lead_id"), let amountColumn = deals.column("amount"),
      let closedColumn = deals.column("closed_at")
    else { throw MetricProblem.internalError("attribution inputs checked but missing") }
    guard let link = LeadLink(deals: dealLead, touches: touchLead) else {
      throw MetricProblem(message: "lead_id must be int or text in deals and touches")
    }
    guard let amount = MoneyColumn(amountColumn) else {
      throw MetricProblem(message: "deals.amount must be a number, not \(amountColumn.type.name)")
    }
    guard let closed = closedColumn.days() else {
      throw MetricProblem(message: "deals.closed_at must be a date, not \(closedColumn.type.name)")
    }
    let created = deals.column("created_at").flatMap { $0.days() }
    try Interruption.check()
    let index = try TouchIndex(touches: touches, link: link)
    try Interruption.check()
    let (keys, groups) = try keyGroups(keySources, touchRows: index.rows, touches: touches, context: context)
    let models = model == .compare ? AttributionModel.compared : [model]
    let credits = AttributionCredits(
      index: index, groupAt: groups.groupOfRow, groupCount: groups.groupCount, closed: closed, created: created,
      today: context.today, amount: amount, models: models)
    try Interruption.check()
    return AttributionKeys.output(
      keys: keys, firstRow: credits.groups.map { Int32($0) }, models: models, shares: credits.shares,
      revenue: credits.revenue, compare: model == .compare)
  }

  /// The key values of every touch the index placed, grouped: each group's
  /// keys (row g of `keys` for group g, in key order) and the group of each
  /// touch. Only the groups of touches some deal credits (on or before its
  /// close) get a row in the end. The keys of every touch are let go here,
  /// before the credits take their memory.
  private static func keyGroups(
    _ sources: [(String, KeySource)], touchRows: [Int32], touches: Table, context: MetricContext
  ) throws -> (keys: [(name: String, column: Column)], groups: Grouping) {
    let columns = try AttributionKeys.columns(sources, touchRows: touchRows, touches: touches, context: context)
    let groups = try Grouping.byKeyOrder(columns.map(\.column), rows: touchRows.count)
    return (columns.map { ($0.name, $0.column.gather(groups.firstRow)) }, groups)
  }

  /// The keys in effect (the default when none) and where each is read from.
  static func sources(keys: [String], context: MetricContext) -> Result<[(String, KeySource)], MetricProblem> {
    let touches = context.dataset("touches")?.names ?? []
    let campaigns = context.dataset("campaigns")?.names ?? []
    let canJoin = touches.contains("campaign_id") && campaigns.contains("campaign_id")
    var effective = keys
    if effective.isEmpty {
      effective = canJoin && campaigns.contains("name") ? ["campaign_id", "name"] : ["campaign_id"]
    }
    var out: [(String, KeySource)] = []
    for key in effective {
      if key == "campaign_id" && touches.contains(key) {
        out.append((key, .touches))
      } else if canJoin && campaigns.contains(key) {
        out.append((key, .campaigns))
      } else if touches.contains(key) {
        out.append((key, .touches))
      } else {
        let known = (campaigns + touches.filter { !campaigns.contains($0) })
        var hints = [
          "attribute groups by columns of the touched campaign or the touch: \(known.joined(separator: ", "))"
        ]
        if let near = known.nearest(to: key) { hints.insert("did you mean '\(near)'?", at: 0) }
        if !canJoin && !campaigns.isEmpty { hints.append("touches and campaigns both need campaign_id to join") }
        if campaigns.isEmpty { hints.append("load campaigns to group by a campaign's columns: .load campaigns FILE") }
        return .failure(
          MetricProblem(message: "attribute by \(key): no such column in campaigns or touches", hints: hints))
      }
    }
    return .success(out)
  }
}
