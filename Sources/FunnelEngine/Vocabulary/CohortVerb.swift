import FunnelData

/// `leads | cohort <period> [by keys] [by months]`: leads grouped by when they
/// arrived, and how far each group got (see `summary`).
///
/// For a January cohort of four leads of which all reached mql, three sql, two
/// an opportunity and one won, `leads | cohort month(created_at)` gives the row:
/// ```
/// cohort   leads  mql   sql  opportunity   won
/// 2026-01      4    1  0.75          0.5  0.25
/// ```
public enum CohortVerb {
  /// The rules in words (docs/metrics.md).
  public static let summary = """
    `leads | cohort <period> [by <keys>]` gives one row per cohort (and keys), in
    order: `leads`, then for mql, sql, opportunity and won the share of the cohort's
    leads that reached it. With `by months`, the columns after `leads` are m0, m1,
    ...: the share of the cohort's leads won within that many whole calendar months
    of the cohort's first day, cumulative. The first day is that of the cohort's
    period (or the date itself); for a cohort of another type, the earliest
    `created_at` of its leads. Months are calendar months, floored (01-31 to 02-28
    is 0, to 03-01 is 1). A won lead with no `won_at` counts in no m column; one won
    before its cohort began counts from m0. The columns are always m0 to m12, so
    a script can name them whatever the data holds (`select cohort, m3`); a month
    that had not begun by the last date in the data is null.
    """

  /// The last month column `by months` shows: a fixed set of columns, known
  /// before the data is read, so later stages can be bound against them.
  package static let maxMonths = 12

  /// nil when rows with these columns can make a cohort table.
  public static func check(columns: [String]) -> MetricProblem? {
    for s in LeadStage.allCases where !LeadStage.canTell(s, columns: columns) {
      return MetricProblem(
        message: "cohort needs stage or \(s.dateColumn) to tell which leads reached \(s.name)",
        hints: ["map it when loading: .load leads FILE map stage = <your column>"])
    }
    return nil
  }

  /// The cohort table: the cohort column, the keys, `leads`, then the stage
  /// shares (or m0, m1, ... with `byMonths`); one row per cohort and keys, in order.
  public static func run(
    leads: Table, cohort: Column, cohortName: String, keys: [(name: String, column: Column)], byMonths: Bool
  ) throws -> Table {
    if let p = check(columns: leads.names) { throw p }
    let n = leads.rowCount
    let groups = try Grouping.byKeyOrder([cohort] + keys.map(\.column), rows: n)
    try Interruption.check()
    let groupCount = groups.groupCount
    let groupOf = groups.groupOfRow

    var names = [cohortName] + keys.map(\.name) + ["leads"]
    var columns = groups.keyColumns([cohort] + keys.map(\.column))
    let size: [Int64]
    let shares: [(String, [Double?])]
    if byMonths {
      size = LeadReachScan(ranks: nil, days: [], stages: [], groups: groups).run().size
      shares = try wonByMonth(leads, cohort: cohort, groupOf: groupOf, groupCount: groupCount, size: size)
    } else {
      (size, shares) = try stageShares(leads, groups: groups)
    }
    try Interruption.check()
    columns.append(Column(.int(size)))
    for (name, values) in shares {
      names.append(name)
      columns.append(MetricEvaluator.column(values, hint: .rate))
    }
    return Table(names: names, columns: columns)
  }

  /// The size of each group, and for mql, sql, opportunity and won the share of
  /// each group that reached it.
  private static func stageShares(_ leads: Table, groups: Grouping) throws -> ([Int64], [(String, [Double?])]) {
    let ranks = try LeadStage.rankBlocks(leads)
    let stages = Array(LeadStage.allCases.dropFirst())
    var days: [DayBlocks?] = []
    for s in stages {
      try Interruption.check()
      days.append(try LeadStage.dayBlocks(s, in: leads))
    }
    try Interruption.check()
    let (size, reached) = LeadReachScan(ranks: ranks, days: days, stages: stages, groups: groups).run()
    let shares = stages.enumerated().map { k, s in
      let values = (0..<groups.groupCount).map { g in
        ratio(Double(reached[g * stages.count + k]), Double(size[g]))
      }
      return (s.name, values)
    }
    return (size, shares)
  }

  /// m0 ... mK: the cumulative share of each group won within k months of its start.
  private static func wonByMonth(_ leads: Table, cohort: Column, groupOf: [Int32], groupCount: Int, size: [Int64])
    throws -> [(String, [Double?])]
  {
    guard let won = try LeadStage.days(.won, in: leads) else {
      throw MetricProblem(
        message: "cohort by months needs won_at to place wins in time",
        hints: ["map it when loading: .load leads FILE map won_at = <your column>"])
    }
    let nullDay = Column.nullDay
    // The first day of each group: its period's (or date's), else its earliest created_at.
    var start = [Int32](repeating: Int32.max, count: groupCount)
    let cohortDays = cohort.days()
    let created = try LeadStage.days(.lead, in: leads)
    for r in 0..<leads.rowCount {
      let g = Int(groupOf[r])
      var day = cohortDays?[r] ?? nullDay
      if day == nullDay { day = created?[r] ?? nullDay }
      if day != nullDay, day < start[g] { start[g] = day }
    }
    var wonIn = [Int64](repeating: 0, count: groupCount * (maxMonths + 1))
    for r in 0..<leads.rowCount where won[r] != nullDay {
      let g = Int(groupOf[r])
      guard start[g] != Int32.max else { continue }
      let months = max(0, monthsBetween(start[g], won[r]))
      guard months <= maxMonths else { continue }
      wonIn[g * (maxMonths + 1) + months] += 1
    }
    // The data's last day: a cohort's month k that starts after it has not
    // happened yet, and shows null rather than a share that cannot have grown.
    var asOf = Int32.min
    for stage in LeadStage.allCases {
      guard let days = try LeadStage.days(stage, in: leads) else { continue }
      for d in days where d != nullDay && d > asOf { asOf = d }
    }
    return (0...maxMonths).map { k in
      let values = (0..<groupCount).map { g -> Double? in
        if start[g] != Int32.max, asOf != Int32.min, monthsBetween(start[g], asOf) < k { return nil }
        var total: Int64 = 0
        for m in 0...k { total += wonIn[g * (maxMonths + 1) + m] }
        return ratio(Double(total), Double(size[g]))
      }
      return ("m\(k)", values)
    }
  }

  /// Whole calendar months from day `a` to day `b` (floored; negative when b is earlier).
  static func monthsBetween(_ a: Int32, _ b: Int32) -> Int {
    let x = CivilDate(daysSinceEpoch: a), y = CivilDate(daysSinceEpoch: b)
    var months = (y.year * 12 + y.month) - (x.year * 12 + x.month)
    if months > 0 && y.day < x.day { months -= 1 }
    if months < 0 && y.day > x.day { months += 1 }
    return months
  }
}
