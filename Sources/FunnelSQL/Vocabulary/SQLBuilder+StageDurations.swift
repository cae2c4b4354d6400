import FunnelData
import FunnelEngine

/// `deals | stage_durations [by keys]` as SQL, by `StageDurationsVerb.summary`'s
/// rules: each change of `stage_changes` is a visit lasting until the deal's
/// next change (`LEAD` over the deal's changes by day, then stage rank).
///
///     stage_durations     the flowing deals: the keys and the deal id
///     stage_durations_2   every change with a deal, stage and day: its rank and the next change's day
///     stage_durations_3   the four open stages and their ranks
///     stage_durations_4   per key group and stage: the counts, mean and medians, in order
extension SQLBuilder {
  func stageDurations(_ input: SQLRelation, keys: [OutputColumn], reads: VerbReads, stage text: String)
    throws(SQLCompileError) -> SQLRelation
  {
    if StageDurationsVerb.overLeads(columns: input.columns) {
      return try leadStageDurations(input, keys: keys, reads: reads, stage: text)
    }
    guard let changes = reads.datasets["stage_changes"], let dealId = column("deal_id", in: input),
      let changeDealIndex = changes.names.firstIndex(of: "deal_id"),
      let changedAtIndex = changes.names.firstIndex(of: "changed_at"),
      changes.names.contains("stage")
    else {
      throw SQLCompileError("internal error: stage_durations inputs checked but missing (this is a bug)", stage: text)
    }
    let changeDeal = changes.types[changeDealIndex]
    let today = literal(.date(reads.today), .date)

    let deals = add(
      "stage_durations",
      "SELECT " + (try keySelect(keys, over: input) + ["\(dealId.sql) AS \(slot("deal"))"]).joined(separator: ",\n  ")
        + "\nFROM " + quote(input.name))

    let at = try day(
      "c.\(quote("changed_at"))", changes.types[changedAtIndex], stage: text, what: "stage_changes.changed_at")
    let whens = StageDurationsVerb.ranked.enumerated().map { "WHEN '\($1)' THEN \($0)" }.joined(separator: " ")
    let rank = "CASE \(stageWord("c.\(quote("stage"))")) \(whens) ELSE \(StageDurationsVerb.ranked.count) END"
    let visits = add(
      "stage_durations",
      """
      SELECT c.\(quote("deal_id")) AS \(slot("deal")), \(rank) AS \(slot("r")), \(at) AS \(slot("day")),
        LEAD(\(at)) OVER (PARTITION BY c.\(quote("deal_id")) ORDER BY \(at), \(rank)) AS \(slot("next"))
      FROM \(quote("stage_changes")) c
      WHERE c.\(quote("deal_id")) IS NOT NULL AND c.\(quote("stage")) IS NOT NULL AND c.\(quote("changed_at")) IS NOT NULL
      """)

    let stageRows = StageDurationsVerb.stages.enumerated().map {
      "SELECT \($0) AS \(slot("r")), '\($1)' AS \(slot("stage"))"
    }
    let stages = add("stage_durations", stageRows.joined(separator: "\nUNION ALL\n"))

    let keySlots = keys.indices.map { slot("k\($0)") }
    let match = idMatch("v.\(slot("deal"))", changeDeal, "d.\(slot("deal"))", dealId.type)
    let from: String
    if keys.isEmpty {
      // One group even over no deals: every stage row stays.
      from =
        "\(quote(stages.name)) s\nLEFT JOIN (SELECT v.* FROM \(quote(deals.name)) d JOIN \(quote(visits.name)) v ON "
        + match + ") v ON v.\(slot("r")) = s.\(slot("r"))"
    } else {
      from =
        "\(quote(deals.name)) d\nCROSS JOIN \(quote(stages.name)) s\nLEFT JOIN \(quote(visits.name)) v ON "
        + match + " AND v.\(slot("r")) = s.\(slot("r"))"
    }
    let names = keys.map(\.name) + StageDurationsVerb.columns.map(\.name)
    var select = zip(keySlots, keys).map { "d.\($0) AS \(quote($1.name))" }
    select +=
      [
        "s.\(slot("stage")) AS \(quote("stage"))"
      ] + stageDurationCounts(visit: "v.\(slot("r"))", day: "v.\(slot("day"))", next: "v.\(slot("next"))", today: today)
    let group = keySlots.map { "d.\($0)" } + ["s.\(slot("r"))", "s.\(slot("stage"))"]
    let order = zip(keySlots, keys).map { orderKey("d.\($0)", $1.expr.type) } + ["s.\(slot("r"))"]
    let sql =
      "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + from + "\nGROUP BY " + group.joined(separator: ", ")
      + "\nORDER BY " + order.joined(separator: ", ")
    return add(
      "stage_durations", sql, columns: names, types: keys.map(\.expr.type) + StageDurationsVerb.columns.map(\.type))
  }

  /// entered, exited, mean_days, median_days, open and open_median_age_days
  /// of the visits in a group: `visit` is not null for a visit, `day` is the
  /// day it began and `next` the day of the change that ended it (null while open).
  func stageDurationCounts(visit: String, day: String, next: String, today: String) -> [String] {
    let gap = daysBetween(next, day), age = daysBetween(today, day)
    let isOpen = "\(visit) IS NOT NULL AND \(next) IS NULL"
    return [
      "COUNT(\(visit)) AS \(quote("entered"))",
      "COUNT(\(next)) AS \(quote("exited"))",
      double("AVG(CASE WHEN \(next) IS NOT NULL THEN \(gap) END)") + " AS \(quote("mean_days"))",
      median("CASE WHEN \(next) IS NOT NULL THEN \(gap) END") + " AS \(quote("median_days"))",
      "COUNT(CASE WHEN \(isOpen) THEN 1 END) AS \(quote("open"))",
      median("CASE WHEN \(isOpen) THEN \(age) END") + " AS \(quote("open_median_age_days"))",
    ]
  }
}
