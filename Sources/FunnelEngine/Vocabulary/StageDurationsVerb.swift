import FunnelData

/// `deals | stage_durations [by keys]`: how long deals stay in each pipeline
/// stage, read from the `stage_changes` history of the flowing deals (see `summary`).
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

  /// nil when deals with `columns` and a stage history with `changes` can run.
  package static func check(columns: [String], changes: [String]?) -> MetricProblem? {
    guard columns.contains("deal_id") else {
      return MetricProblem(
        message: "stage_durations needs deal_id in the rows to find each deal's stage changes",
        hints: ["run it over deals: deals | stage_durations by product"])
    }
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

  /// The table: the keys, then `columns`, four rows per key group.
  public static func run(
    deals: Table, keys: [(name: String, column: Column)], changes: Table?, today: Int32
  ) throws -> Table {
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
      case .string(_, let dictionary) = stageColumn.data
    else { throw MetricProblem.internalError("stage_durations columns of unexpected types") }
    let rank = stageColumn.classified(nullCode: -1) { word in Int8(ranked.firstIndex(of: word) ?? Int(otherRank)) }
    guard let rank else { throw MetricProblem.internalError("stage_changes.stage is not text") }
    try Interruption.check()

    // Each deal's visits in order; a visit's stage (-1: not an open stage), day and next day.
    let visits = Self.visits(ids: changeIds, ranks: rank, days: days)
    try Interruption.check()

    let groups = try Grouping.byKeyOrder(keys.map(\.column), rows: deals.rowCount)
    let g4 = groups.groupCount * stages.count
    var entered = [Int64](repeating: 0, count: g4), exited = entered, open = entered
    var sums = [Double](repeating: 0, count: g4)
    var durations = GroupedMedian(groupCount: g4), ages = GroupedMedian(groupCount: g4)
    for r in 0..<deals.rowCount {
      guard let mine = visits.byDeal[dealIds[r]] else { continue }
      let base = Int(groups.groupOfRow[r]) * stages.count
      for v in mine {
        let s = Int(visits.stage[v])
        guard s >= 0 else { continue }
        entered[base + s] += 1
        let next = visits.next[v]
        if next == Column.nullDay {
          open[base + s] += 1
          ages.add(Int64(today) - Int64(visits.day[v]), group: base + s)
        } else {
          exited[base + s] += 1
          let d = Int64(next) - Int64(visits.day[v])
          sums[base + s] += Double(d)
          durations.add(d, group: base + s)
        }
      }
    }
    try Interruption.check()
    let medians = durations.medians(), ageMedians = ages.medians()
    let keyColumns = groups.keyColumns(keys.map(\.column))
    let repeated = (0..<g4).map { Int32($0 / stages.count) }
    var columns = keyColumns.map { $0.gather(repeated) }
    let stageCodes = (0..<g4).map { Int32($0 % stages.count) }
    columns.append(Column(.string(codes: stageCodes, dictionary: StringDictionary(stages))))
    columns.append(Column(.int(entered)))
    columns.append(Column(.int(exited)))
    let means = (0..<g4).map { exited[$0] > 0 ? sums[$0] / Double(exited[$0]) : nil }
    columns.append(MetricEvaluator.column(means, hint: .plain))
    columns.append(MetricEvaluator.column(medians, hint: .plain))
    columns.append(Column(.int(open)))
    columns.append(MetricEvaluator.column(ageMedians, hint: .plain))
    return Table(names: keys.map(\.name) + Self.columns.map(\.name), columns: columns)
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
