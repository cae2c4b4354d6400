import FunnelData

/// `deals | stage_durations [by keys]`: how long deals stay in each pipeline
/// stage, read from the `stage_changes` history of the flowing deals (see
/// `summary`); over leads, from their stage dates (`LeadStageDurations`).
///
/// For two deals, one that entered qualification on 03-01 and proposal on
/// 03-11, one that entered qualification on 03-05 and is still there on
/// 04-04 (today), the qualification row is:
/// ```
/// stage          entered  exited  mean_days  median_days  open  open_median_age_days
/// qualification        2       1         10           10     1                    30
/// ```
public enum StageDurationsVerb {
  /// The rules in words (docs/metrics.md, `.explain`).
  public static let summary = """
    `deals | stage_durations [by <keys>]` reads each flowing deal's changes in
    `stage_changes` (deal_id, stage, changed_at), matched by `deal_id`. A deal's
    changes are taken in order of `changed_at`, then of the stage's rank
    (prospecting, qualification, proposal, negotiation, closed_won, closed_lost,
    then any other word); stage words are read lowercased and
    trimmed, and a change with no deal_id, stage or changed_at is left out. Each
    change starts a visit to its stage that lasts until the deal's next change;
    a deal that moves back to a stage visits it again. For each of the four
    open stages (prospecting, qualification, proposal, negotiation), one row per
    key group: `entered` counts the visits, `exited` those followed by another
    change, `mean_days` and `median_days` the whole days of the exited visits
    (next changed_at minus this changed_at), `open` the visits with no later
    change (the deal is still there), and `open_median_age_days` the median of
    today minus changed_at over the open visits. Always entered = exited + open.
    The closed stages end a deal's path and get no row; a visit to another word
    is counted nowhere but ends the visit before it. Every key group of the
    flowing deals has its four rows, in key order, then stage order. CRMs
    define no standard for these numbers; Funnel's choices are to count
    visits rather than deals (a deal that moves back counts twice in a stage),
    whole days between change dates, and today (FUNNEL_TODAY in tests) as the
    end of an open visit.

    `leads | stage_durations [by <keys>]` (rows without a deal_id, or with an
    mql_at) reads each flowing lead's own dates instead, by the same rules:
    `created_at` is a change to lead, `mql_at` to mql, `sql_at` to sql,
    `opportunity_at` to opportunity, `won_at` to won and `lost_at` to lost; a
    null date is no change, and a timestamp counts by its day. A lead's changes
    are taken in order of day, then of that rank (lead, mql, sql, opportunity,
    won, lost), and each starts a visit that lasts until the next. The rows are
    the four stages lead, mql, sql and opportunity, with the same columns: a
    visit is exited when a later change follows it (a later stage date, won_at
    or lost_at), its days are the whole days from its date to that change's,
    and it is open when nothing follows (the lead is still there: no later stage
    date, not won, not lost). Won and lost end a lead's path and get no row. A
    skipped stage is not visited: a lead with an sql_at and no mql_at stays in
    lead from created_at to sql_at, and counts in no mql row. Steps on one day
    make visits of 0 days. Dates out of lifecycle order are taken by day, as a
    deal's changes are. The leads' `stage` column is not read: a lead marked
    lost with no lost_at is still open in its last dated stage.
    """

  /// The stages that get a row, in order.
  public static let stages = ["prospecting", "qualification", "proposal", "negotiation"]
  /// The ranks that order a deal's changes on one day: the open stages, the
  /// closed ones, then any other word (ordered by its text after these).
  package static let ranked = stages + ["closed_won", "closed_lost"]
  static let otherRank: Int8 = 6

  /// The output columns after the keys.
  package static let columns: [(name: String, type: DataType, hint: DisplayHint)] = [
    ("stage", .string, .plain), ("entered", .int, .plain), ("exited", .int, .plain), ("mean_days", .double, .plain),
    ("median_days", .double, .plain), ("open", .int, .plain), ("open_median_age_days", .double, .plain),
  ]

  /// nil when rows with `columns` (deals with a stage history with `changes`,
  /// or leads with their stage dates) can run.
  package static func check(columns: [String], changes: [String]?) -> MetricProblem? {
    if LeadStageDurations.applies(columns: columns) { return LeadStageDurations.check(columns: columns) }
    guard let changes else {
      return MetricProblem(
        message: "stage_durations needs the stage_changes dataset (deal_id, stage, changed_at), and none is loaded",
        hints: ["load one: .load stage_changes FILE map changed_at = <your column>"])
    }
    for c in ["deal_id", "stage", "changed_at"] where !changes.contains(c) {
      return .missingColumn(c, in: "stage_changes", for: "stage_durations", rowsAre: false)
    }
    return nil
  }

  /// The type checks a run makes, on the columns' types alone.
  package static func checkTypes(deal: DataType, changeDeal: DataType, stage: DataType, changedAt: DataType)
    -> MetricProblem?
  {
    guard deal == .int || deal == .string, changeDeal == .int || changeDeal == .string else {
      return MetricProblem(message: "deal_id must be int or text in deals and stage_changes")
    }
    guard stage == .string else {
      return MetricProblem(message: "stage_changes.stage must be text, not \(stage.name)")
    }
    guard changedAt == .date || changedAt == .timestamp else {
      return MetricProblem(message: "stage_changes.changed_at must be a date or a timestamp, not \(changedAt.name)")
    }
    return nil
  }

  /// True when rows with `columns` are leads, read from their stage dates
  /// rather than from `stage_changes`.
  package static func overLeads(columns: [String]) -> Bool { LeadStageDurations.applies(columns: columns) }

  /// The type checks of leads' stage dates (created_at, mql_at, ... lost_at, in that order).
  package static func checkLeadTypes(_ types: [DataType]) -> MetricProblem? { LeadStageDurations.checkTypes(types) }

  /// The lead stages that get a row, and the date columns of the changes in rank order.
  package static var leadStages: [String] { LeadStageDurations.stages }
  package static var leadDateColumns: [String] { LeadStageDurations.dateColumns }

  /// The table: the keys, then `columns`, four rows per key group (deals, or leads by `overLeads`).
  public static func run(
    deals: Table, keys: [(name: String, column: Column)], changes: Table?, today: Int32
  ) throws -> Table {
    if LeadStageDurations.applies(columns: deals.names) {
      return try LeadStageDurations.run(leads: deals, keys: keys, today: today)
    }
    if let p = check(columns: deals.names, changes: changes?.names) { throw p }
    guard let changes, let dealColumn = deals.column("deal_id"), let changeDeal = changes.column("deal_id"),
      let stageColumn = changes.column("stage"), let changedAt = changes.column("changed_at")
    else { throw MetricProblem.internalError("stage_durations inputs checked but missing") }
    if let p = checkTypes(
      deal: dealColumn.type, changeDeal: changeDeal.type, stage: stageColumn.type, changedAt: changedAt.type)
    {
      throw p
    }
    guard let (dealIds, changeIds) = Column.linkKeys(dealColumn, changeDeal), let days = changedAt.days(),
      stageColumn.dictionary != nil
    else { throw MetricProblem.internalError("stage_durations columns of unexpected types") }
    let rank = stageColumn.classified(nullCode: -1) { word in Int8(ranked.firstIndex(of: word) ?? Int(otherRank)) }
    guard let rank else { throw MetricProblem.internalError("stage_changes.stage is not text") }
    try Interruption.check()

    // Each deal's visits in order; a visit's stage (-1: not an open stage), day and next day.
    let visits = Self.visits(ids: changeIds, ranks: rank, days: days)
    try Interruption.check()

    let groups = try Grouping.byKeyOrder(keys.map(\.column), rows: deals.rowCount)
    var tally = StageVisitTally(groups: groups, stages: stages, today: today)
    for r in 0..<deals.rowCount {
      guard let mine = visits.byDeal[dealIds[r]] else { continue }
      for v in mine where visits.stage[v] >= 0 {
        tally.add(row: r, stage: Int(visits.stage[v]), day: visits.day[v], next: visits.next[v])
      }
    }
    try Interruption.check()
    return tally.table(keys: keys)
  }

  /// The visits of each deal, in order.
  private struct Visits {
    var byDeal: [Int64: [Int]] = [:]
    var stage: [Int8] = []
    var day: [Int32] = []
    var next: [Int32] = []
  }

  /// Other words rank after every standard stage, so which of two of them on one
  /// day comes first changes no counted visit: no order among them is needed.
  private static func visits(ids: [Int64], ranks: [Int8], days: [Int32]) -> Visits {
    // Rows with an id, a stage and a day, in (deal, day, rank) order.
    var rows = (0..<ids.count).filter { ids[$0] != Column.nullKey && ranks[$0] >= 0 && days[$0] != Column.nullDay }
    rows.sort { a, b in
      if ids[a] != ids[b] { return ids[a] < ids[b] }
      if days[a] != days[b] { return days[a] < days[b] }
      if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
      return a < b
    }
    var out = Visits()
    out.stage.reserveCapacity(rows.count)
    for (k, r) in rows.enumerated() {
      let sameDealNext = k + 1 < rows.count && ids[rows[k + 1]] == ids[r]
      out.byDeal[ids[r], default: []].append(k)
      out.stage.append(ranks[r] < Int8(stages.count) ? ranks[r] : -1)
      out.day.append(days[r])
      out.next.append(sameDealNext ? days[rows[k + 1]] : Column.nullDay)
    }
    return out
  }
}
