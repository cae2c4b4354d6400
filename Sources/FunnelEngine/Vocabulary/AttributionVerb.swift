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
    guard let closed = ColumnReader.days(closedColumn) else {
      throw MetricProblem(message: "deals.closed_at must be a date, not \(closedColumn.type.name)")
    }
    let created = deals.column("created_at").flatMap(ColumnReader.days)
    let index = try TouchIndex(touches: touches, link: link)

    // Each deal's run of touches (positions in the index). The runs of one lead's
    // deals are prefixes of its touches: the longest is the part credited at all.
    let n = deals.rowCount
    var runs = [Range<Int>](repeating: 0..<0, count: n)
    var close = [Int32](repeating: 0, count: n)
    var creditedEnd = Array(index.offsets.dropLast())
    for d in 0..<n {
      close[d] = closed[d] == ColumnReader.nullDay ? context.today : closed[d]
      runs[d] = index.touches(ofDeal: d, onOrBefore: close[d])
      let s = Int(index.dealSlots[d])
      if s >= 0 { creditedEnd[s] = max(creditedEnd[s], Int32(runs[d].upperBound)) }
    }
    var credited: [Int32] = []
    for (s, end) in creditedEnd.enumerated() { credited += Int32(index.offsets[s])..<end }
    let usedRows = credited.map { index.rows[Int($0)] }
    let keyColumns = try AttributionKeys.columns(keySources, touchRows: usedRows, touches: touches, context: context)
    let groups = try KeyGroups(keyColumns.map(\.column), rows: usedRows.count)
    var groupAt = [Int32](repeating: -1, count: index.rows.count)
    for (i, p) in credited.enumerated() { groupAt[Int(p)] = groups.grouping.groupOfRow[i] }

    // Credits per model (`[m * slots + g]`), the last slot for deals with no
    // touch. Deals are added one by one in row order, so every sum is the same
    // as ever, to the last bit.
    let slots = groups.grouping.groupCount + 1
    let models = model == .compare ? AttributionModel.compared : [model]
    var shareSums = [Double](repeating: 0, count: models.count * slots)
    var revenueSums = shareSums
    var weights = [Double](repeating: 0, count: 16)
    var ages = [Int32](repeating: 0, count: 16)
    shareSums.withUnsafeMutableBufferPointer { buffer in
      let shares = buffer
      revenueSums.withUnsafeMutableBufferPointer { buffer in
        let revenue = buffer
        for d in 0..<n {
          let run = runs[d]
          let value = amount.isNull(d) ? 0 : amount.double(d)
          if run.isEmpty {
            for m in 0..<models.count {
              shares[m * slots + slots - 1] += 1
              revenue[m * slots + slots - 1] += value
            }
            continue
          }
          if ages.count < run.count { ages = [Int32](repeating: 0, count: run.count) }
          var opportunity: Int? = nil
          let opened = created?[d] ?? ColumnReader.nullDay
          for i in 0..<run.count {
            let day = index.days[run.lowerBound + i]
            ages[i] = close[d] - day
            if opened != ColumnReader.nullDay, day <= opened { opportunity = i }
          }
          for (m, model) in models.enumerated() {
            model.weights(&weights, count: run.count, opportunity: opportunity, ages: ages)
            for i in 0..<run.count {
              let g = m * slots + Int(groupAt[run.lowerBound + i])
              shares[g] += weights[i]
              revenue[g] += weights[i] * value
            }
          }
        }
      }
    }
    let shares = (0..<models.count).map { m in Array(shareSums[(m * slots)..<((m + 1) * slots)]) }
    let revenue = (0..<models.count).map { m in Array(revenueSums[(m * slots)..<((m + 1) * slots)]) }
    return AttributionKeys.output(
      keys: keyColumns, groups: groups, models: models, shares: shares, revenue: revenue, compare: model == .compare)
  }

  /// The keys in effect (the default when none) and where each is read from.
  static func sources(keys: [String], context: MetricContext) -> Result<[(String, KeySource)], MetricProblem> {
    let touches = context.dataset("touches")?.names ?? []
    let campaigns = context.dataset("campaigns")?.names ?? []
    let canJoin = touches.contains("campaign_id") && campaigns.contains("campaign_id")
    var effective = keys
    if effective.isEmpty { effective = canJoin && campaigns.contains("name") ? ["campaign_id", "name"] : ["campaign_id"] }
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
        var hints = ["attribute groups by columns of the touched campaign or the touch: \(known.joined(separator: ", "))"]
        if let near = known.nearest(to: key) { hints.insert("did you mean '\(near)'?", at: 0) }
        if !canJoin && !campaigns.isEmpty { hints.append("touches and campaigns both need campaign_id to join") }
        if campaigns.isEmpty { hints.append("load campaigns to group by a campaign's columns: .load campaigns FILE") }
        return .failure(MetricProblem(message: "attribute by \(key): no such column in campaigns or touches", hints: hints))
      }
    }
    return .success(out)
  }
}
