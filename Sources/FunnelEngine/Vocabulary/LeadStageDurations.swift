import FunnelData

/// `leads | stage_durations [by keys]`: how long leads stay in each lifecycle
/// stage, read from their stage dates (see `StageDurationsVerb.summary`).
///
/// A lead created 03-01, mql 03-01, sql 03-11 and lost 04-01 visits lead for
/// 0 days, mql for 10 and sql for 21. One created 03-01 with sql_at 03-05 and
/// no other date skipped mql: it visits lead for 4 days and is still in sql.
enum LeadStageDurations {
  /// The stages that get a row, in order.
  static let stages = ["lead", "mql", "sql", "opportunity"]
  /// The date of each change, in rank order: the four stages, then won and
  /// lost, which end a lead's path.
  static let dateColumns = ["created_at", "mql_at", "sql_at", "opportunity_at", "won_at", "lost_at"]

  /// True when rows with these columns are read as leads: they are not deals
  /// (a deal_id and no mql_at), as `funnel` tells them apart.
  static func applies(columns: [String]) -> Bool { !columns.contains("deal_id") || columns.contains("mql_at") }

  /// nil when leads with `columns` can run.
  static func check(columns: [String]) -> MetricProblem? {
    guard columns.contains("mql_at") || columns.contains("created_at") else {
      return MetricProblem(
        message: "stage_durations needs deal_id in the rows to read deals' stage_changes, "
          + "or the lead stage dates (\(dateColumns.joined(separator: ", ")))",
        hints: ["run it over deals or leads: deals | stage_durations by product, leads | stage_durations by channel"])
    }
    for c in dateColumns where !columns.contains(c) {
      return .missingColumn(c, in: "leads", for: "stage_durations", rowsAre: true)
    }
    return nil
  }

  /// nil when the date columns have these types (dates or timestamps).
  static func checkTypes(_ types: [DataType]) -> MetricProblem? {
    for (name, t) in zip(dateColumns, types) where t != .date && t != .timestamp {
      return MetricProblem(message: "\(name) must be a date or a timestamp, not \(t.name)")
    }
    return nil
  }

  /// The table: the keys, then `StageDurationsVerb.columns`, four rows per key group.
  static func run(leads: Table, keys: [(name: String, column: Column)], today: Int32) throws -> Table {
    if let p = check(columns: leads.names) { throw p }
    let columns = dateColumns.compactMap { leads.column($0) }
    guard columns.count == dateColumns.count else {
      throw MetricProblem.internalError("stage_durations lead dates checked but missing")
    }
    if let p = checkTypes(columns.map(\.type)) { throw p }
    let dates = columns.compactMap { $0.days() }
    guard dates.count == dateColumns.count else {
      throw MetricProblem.internalError("stage_durations lead dates of unexpected types")
    }
    try Interruption.check()

    let groups = try Grouping.byKeyOrder(keys.map(\.column), rows: leads.rowCount)
    var tally = StageVisitTally(groups: groups, stages: stages, today: today)
    // A row's changes in (day, rank) order: at most six, sorted by insertion.
    var days = [Int32](repeating: 0, count: dateColumns.count), ranks = [Int](repeating: 0, count: dateColumns.count)
    for r in 0..<leads.rowCount {
      if r & 0xFFFF == 0xFFFF { try Interruption.check() }
      var n = 0
      for k in dates.indices {
        let d = dates[k][r]
        guard d != Column.nullDay else { continue }
        // Ranks arrive in increasing order, so a tie stays behind the lower rank.
        var i = n
        while i > 0 && days[i - 1] > d {
          days[i] = days[i - 1]
          ranks[i] = ranks[i - 1]
          i -= 1
        }
        days[i] = d
        ranks[i] = k
        n += 1
      }
      for i in 0..<n where ranks[i] < stages.count {
        tally.add(row: r, stage: ranks[i], day: days[i], next: i + 1 < n ? days[i + 1] : Column.nullDay)
      }
    }
    try Interruption.check()
    return tally.table(keys: keys)
  }
}
