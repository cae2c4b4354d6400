import FunnelData
import FunnelLanguage

/// `deals | attribute <model> [on pipeline] [by keys]` and `leads | attribute
/// <model> [by keys]`: each deal's amount, or each lead, credited to the
/// campaigns that touched its lead.
///
/// A row's touches are the rows of `touches` with its `lead_id`, in order of
/// `touched_at` then `touch_id`, whose day is on or before the end of its
/// window: a deal's `closed_at` (today for an open deal), its `created_at` on
/// pipeline, a lead's `created_at` (`AttributionBasis`). `AttributionModel`
/// says how the row is shared among them. A key is a column of the touched
/// campaign (`channel`, `name`; `campaign_id` is read from the touch), or else
/// of the touch itself (`kind`). Without keys the credit goes to each campaign:
/// `campaign_id` and `name`. Rows with no touch that counts form one row of
/// their own, keyed `(no touch)` (null for keys that are not text), so no deal
/// or lead is ever dropped.
///
/// Columns: the keys, `deals` (the credited share of deals: the rows sum to the
/// number of deals) and `revenue` (`pipeline` on pipeline), rows by that amount
/// descending then keys; over leads, the keys and `leads`. Under `compare`, one
/// column per model instead (amounts, or leads), rows in key order.
public enum AttributionVerb {
  /// Where one key is read from.
  enum KeySource { case campaigns, touches }

  /// The key text of rows with no touch.
  package static let noTouch = "(no touch)"

  /// True when rows with these columns are leads (no deal_id or amount), which
  /// `attribute` counts rather than weighs by an amount.
  public static func rowsAreLeads(_ columns: [String]) -> Bool {
    !columns.contains("deal_id") && !columns.contains("amount") && columns.contains("lead_id")
  }

  /// The name of the amount column on `basis` (nil over leads: they are counted).
  package static func amountName(_ basis: AttributionBasis) -> String? {
    switch basis {
    case .closed: return "revenue"
    case .pipeline: return "pipeline"
    case .leads: return nil
    }
  }

  /// nil when these rows, with the session's touches and campaigns, can be attributed by `keys`.
  public static func check(rows: [String], basis: AttributionBasis, context: MetricContext, keys: [String])
    -> MetricProblem?
  {
    let (what, needed): (String, [String]) =
      switch basis {
      case .closed: ("deals", ["lead_id", "closed_at", "amount"])
      case .pipeline: ("deals", ["lead_id", "created_at", "amount"])
      case .leads: ("leads", ["lead_id", "created_at"])
      }
    for c in needed where !rows.contains(c) {
      return .missingColumn(c, in: what, for: "attribute", rowsAre: true)
    }
    guard let touches = context.dataset("touches") else {
      return .missingDataset("touches", column: "touched_at", rows: what, for: "attribute")
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
  public static func run(
    rows: Table, model: AttributionModel, basis: AttributionBasis = .closed, keys: [String], context: MetricContext
  ) throws -> Table {
    if let p = check(rows: rows.names, basis: basis, context: context, keys: keys) { throw p }
    let keySources = try sources(keys: keys, context: context).get()
    try Interruption.check()
    let input = try AttributionInput.read(rows: rows, basis: basis, context: context)
    try Interruption.check()
    let (keys, groups) = try keyGroups(
      keySources, touchRows: input.index.rows, touches: input.touches, context: context)
    let models = model == .compare ? AttributionModel.compared : [model]
    let credits = AttributionCredits(
      index: input.index, groupAt: groups.groupOfRow, groupCount: groups.groupCount, days: input.days,
      amount: input.amount, models: models)
    try Interruption.check()
    return AttributionKeys.output(
      keys: keys, firstRow: credits.groups.map { Int32($0) }, models: models, shares: credits.shares,
      amounts: credits.amounts, basis: basis, compare: model == .compare)
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
