import FunnelData
import FunnelEngine

/// `leads | stage_durations [by keys]` as SQL, by `StageDurationsVerb.summary`'s
/// rules for leads: each stage date is a change, and a visit to lead, mql, sql
/// or opportunity lasts until the lead's next change, the earliest of its other
/// dates that comes after it by day, then rank (`LEAST`, which skips nulls in
/// each dialect). A lead visits each stage at most once, so no window is needed.
///
///     stage_durations     the flowing leads: the keys and the day of each stage date
///     stage_durations_2   the same with, for each of the four stages, the next change's day
///     stage_durations_3   one row per lead and stage (UNION ALL): the visit's day and next day
///     stage_durations_4   the four stages and their ranks
///     stage_durations_5   per key group and stage: the counts, mean and medians, in order
extension SQLBuilder {
  func leadStageDurations(_ input: SQLRelation, keys: [OutputColumn], reads: VerbReads, stage text: String)
    throws(SQLCompileError) -> SQLRelation
  {
    let dates = StageDurationsVerb.leadDateColumns, stageNames = StageDurationsVerb.leadStages
    let keySlots = keys.indices.map { slot("k\($0)") }
    var days: [String] = []
    for (i, name) in dates.enumerated() {
      guard let c = column(name, in: input) else {
        throw SQLCompileError(
          "internal error: stage_durations lead dates checked but missing (this is a bug)", stage: text)
      }
      days.append(try day(c.sql, c.type, stage: text, what: name) + " AS " + slot("d\(i)"))
    }
    let rows = add(
      "stage_durations",
      "SELECT " + (try keySelect(keys, over: input) + days).joined(separator: ",\n  ") + "\nFROM " + quote(input.name))

    func d(_ i: Int) -> String { slot("d\(i)") }
    var withNext = keySlots + stageNames.indices.map(d)
    for s in stageNames.indices {
      // The other dates that come after this one: later, or on the day and of a higher rank.
      let later = dates.indices.filter { $0 != s }.map { t in
        "CASE WHEN \(d(t)) \(t > s ? ">=" : ">") \(d(s)) THEN \(d(t)) END"
      }
      withNext.append(
        "CASE WHEN \(d(s)) IS NOT NULL THEN LEAST(\(later.joined(separator: ", "))) END AS \(slot("n\(s)"))")
    }
    let nexts = add(
      "stage_durations", "SELECT " + withNext.joined(separator: ",\n  ") + "\nFROM " + quote(rows.name))

    let keyList = keySlots.map { $0 + ", " }.joined()
    let perStage = stageNames.indices.map { s in
      "SELECT \(keyList)\(s) AS \(slot("r")), \(d(s)) AS \(slot("day")), \(slot("n\(s)")) AS \(slot("next")) "
        + "FROM \(quote(nexts.name))"
    }
    let visits = add("stage_durations", perStage.joined(separator: "\nUNION ALL\n"))
    let stageRows = stageNames.enumerated().map { "SELECT \($0) AS \(slot("r")), '\($1)' AS \(slot("stage"))" }
    let stages = add("stage_durations", stageRows.joined(separator: "\nUNION ALL\n"))

    // Every lead has a row per stage (a null day where it made no visit), so
    // each key group gets its four rows; with no keys, one group even over no leads.
    let from =
      keys.isEmpty
      ? "\(quote(stages.name)) s\nLEFT JOIN \(quote(visits.name)) v ON v.\(slot("r")) = s.\(slot("r"))"
      : "\(quote(visits.name)) v\nJOIN \(quote(stages.name)) s ON s.\(slot("r")) = v.\(slot("r"))"
    let today = literal(.date(reads.today), .date)
    var select = zip(keySlots, keys).map { "v.\($0) AS \(quote($1.name))" }
    select += ["s.\(slot("stage")) AS \(quote("stage"))"]
    select += stageDurationCounts(
      visit: "v.\(slot("day"))", day: "v.\(slot("day"))", next: "v.\(slot("next"))", today: today)
    let group = keySlots.map { "v.\($0)" } + ["s.\(slot("r"))", "s.\(slot("stage"))"]
    let order = zip(keySlots, keys).map { orderKey("v.\($0)", $1.expr.type) } + ["s.\(slot("r"))"]
    let sql =
      "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + from + "\nGROUP BY " + group.joined(separator: ", ")
      + "\nORDER BY " + order.joined(separator: ", ")
    let names = keys.map(\.name) + StageDurationsVerb.columns.map(\.name)
    return add(
      "stage_durations", sql, columns: names, types: keys.map(\.expr.type) + StageDurationsVerb.columns.map(\.type))
  }
}
