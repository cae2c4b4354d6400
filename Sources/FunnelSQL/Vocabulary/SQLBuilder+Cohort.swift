import FunnelData
import FunnelEngine

/// `leads | cohort <period> [by keys] [by months]` as SQL, by
/// `CohortVerb.summary`'s rules: one row per cohort and keys, in order, with
/// `leads` and the share of them that reached each stage; `by months`, the
/// cumulative share won within 0 ... 12 whole calendar months of the
/// cohort's first day, null for a month that had not begun by the data's last day.
///
///     cohort            the cohort, the keys, and what each lead reached
///     cohort_2          per cohort and keys: leads and the share that reached each stage
///
/// By months:
///
///     cohort            the cohort, the keys, the day of the win and of creation
///     cohort_last_day   the data's last day, over every stage's dates
///     cohort_2          each lead's cohort start: its group's earliest day
///     cohort_3          the whole months from the start to the win
///     cohort_4          per cohort and keys: leads, the start, the wins within k months
///     cohort_5          m0 ... m12, null for a month not begun by the last day
extension SQLBuilder {
  func cohort(
    _ input: SQLRelation, period: BoundExpr, keys: [OutputColumn], byMonths: Bool, stage text: String
  ) throws(SQLCompileError) -> SQLRelation {
    var select = [try expression(period, over: input) + " AS " + slot("c")] + (try keySelect(keys, over: input))
    let groupSlots = [slot("c")] + keys.indices.map { slot("k\($0)") }
    let names = ["cohort"] + keys.map(\.name) + ["leads"]
    let keyTypes = [period.type] + keys.map(\.expr.type)
    let groupOut = zip(groupSlots, names).map { "\($0) AS \(quote($1))" }
    let order = zip(groupSlots, keyTypes).map { orderKey($0, $1) }
    if !byMonths {
      let rank = try stageRank(input, stage: text)
      let stages = Array(LeadStage.allCases.dropFirst())
      for s in stages {
        let day = column(s.dateColumn, in: input).map(\.sql)
        select.append("CASE WHEN \(leadReached(s, rank: rank, day: day)) THEN 1 ELSE 0 END AS \(slot(s.name))")
      }
      let perLead = add("cohort", "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + quote(input.name))
      let shares = stages.map { "\(double("SUM(\(slot($0.name)))")) / COUNT(*) AS \(quote($0.name))" }
      let sql =
        "SELECT " + (groupOut + ["COUNT(*) AS \(quote("leads"))"] + shares).joined(separator: ",\n  ") + "\nFROM "
        + quote(perLead.name) + "\nGROUP BY " + groupSlots.joined(separator: ", ") + "\nORDER BY "
        + order.joined(separator: ", ")
      return add(
        "cohort", sql, columns: names + stages.map(\.name),
        types: keyTypes + [.int] + stages.map { _ in .double })
    }
    // By months: each lead's day in its cohort (its period's or date's, else its created_at).
    let periodDay: String
    switch period.type {
    case .date, .timestamp: periodDay = try day(slot("c"), period.type, stage: text, what: "the cohort")
    case .period(let unit): periodDay = firstDay(slot("c"), unit)
    default: periodDay = null("DATE")
    }
    var dated: [(LeadStage, String)] = []
    for s in LeadStage.allCases {
      guard let c = column(s.dateColumn, in: input) else { continue }
      dated.append((s, try day(c.sql, c.type, stage: text, what: s.dateColumn)))
    }
    guard let won = dated.first(where: { $0.0 == .won })?.1 else {
      throw SQLCompileError("cohort by months needs won_at to place wins in time", stage: text)
    }
    let created = dated.first(where: { $0.0 == .lead })?.1 ?? null("DATE")
    select += ["\(won) AS \(slot("won"))", "\(created) AS \(slot("created"))"]
    let perLead = add("cohort", "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + quote(input.name))
    // The data's last day, over every stage's dates.
    let lastDays = dated.map { "SELECT MAX(\($0.1)) AS \(slot("d")) FROM \(quote(input.name))" }
    let lastDay = add(
      "cohort_last_day",
      "SELECT MAX(\(slot("d"))) AS \(slot("d")) FROM (\n"
        + lastDays.joined(separator: "\nUNION ALL\n") + "\n) \(slot("days"))")
    let start =
      "MIN(COALESCE(\(periodDay), \(slot("created")))) OVER (PARTITION BY \(groupSlots.joined(separator: ", ")))"
    let months =
      "CASE WHEN \(slot("won")) IS NULL OR \(slot("start")) IS NULL THEN NULL ELSE \(monthsBetween(slot("start"), slot("won"))) END"
    let withStart = add(
      "cohort",
      "SELECT \(groupSlots.joined(separator: ", ")), \(slot("won")), \(start) AS \(slot("start"))\nFROM \(quote(perLead.name))"
    )
    let wonMonths = add(
      "cohort",
      "SELECT \(groupSlots.joined(separator: ", ")), \(slot("start")), \(months) AS \(slot("m"))\nFROM \(quote(withStart.name))"
    )
    let maxMonths = CohortVerb.maxMonths
    var aggregates = groupSlots + ["COUNT(*) AS \(slot("n"))", "MIN(\(slot("start"))) AS \(slot("start"))"]
    for k in 0...maxMonths {
      // A win before the cohort began counts from m0.
      aggregates.append("COUNT(CASE WHEN \(slot("m")) <= \(k) THEN 1 END) AS \(slot("w\(k)"))")
    }
    let counted = add(
      "cohort",
      "SELECT " + aggregates.joined(separator: ",\n  ") + "\nFROM " + quote(wonMonths.name) + "\nGROUP BY "
        + groupSlots.joined(separator: ", "))
    let last = quote(lastDay.name) + "." + slot("d")
    let shares = (0...maxMonths).map { k in
      "CASE WHEN \(slot("start")) IS NOT NULL AND \(last) IS NOT NULL AND \(monthsBetween(slot("start"), last)) < \(k) "
        + "THEN \(null(doubleType)) ELSE \(double(slot("w\(k)"))) / \(slot("n")) END AS \(quote("m\(k)"))"
    }
    let sql =
      "SELECT " + (groupOut + ["\(slot("n")) AS \(quote("leads"))"] + shares).joined(separator: ",\n  ") + "\nFROM "
      + quote(counted.name) + " CROSS JOIN " + quote(lastDay.name) + "\nORDER BY " + order.joined(separator: ", ")
    return add(
      "cohort", sql, columns: names + (0...maxMonths).map { "m\($0)" },
      types: keyTypes + [.int] + (0...maxMonths).map { _ in .double })
  }

  /// The first day of a period held as its text (`2026-03`, `2026-Q2`,
  /// `2026-W11`, `2026`, `2026-03-05`), as `Periods.firstDay` gives it.
  func firstDay(_ x: String, _ unit: PeriodUnit) -> String {
    func date(_ text: String) -> String { "CAST(\(text) AS DATE)" }
    switch unit {
    case .day: return date(x)
    case .month: return date("\(x) || '-01'")
    case .year: return date("\(x) || '-01-01'")
    case .quarter:
      let month = "CAST(CAST(SUBSTR(\(x), 7, 1) AS INTEGER) * 3 - 2 AS \(textType))"
      return date("SUBSTR(\(x), 1, 4) || '-' || LPAD(\(month), 2, '0') || '-01'")
    case .week:
      // Week 1 is the week of January 4th; its Monday is that day less its ISO weekday less one.
      let january4 = date("SUBSTR(\(x), 1, 4) || '-01-04'")
      let weekday: String
      switch dialect {
      case .duckdb: weekday = "isodow(\(january4))"
      case .postgres: weekday = "CAST(EXTRACT(ISODOW FROM \(january4)) AS INTEGER)"
      case .spark: weekday = "((dayofweek(\(january4)) + 5) % 7 + 1)"
      }
      let days = "(CAST(SUBSTR(\(x), 7, 2) AS INTEGER) - 1) * 7 - (\(weekday) - 1)"
      switch dialect {
      case .duckdb, .postgres: return "CAST(\(january4) + CAST(\(days) AS INTEGER) AS DATE)"
      case .spark: return "date_add(\(january4), \(days))"
      }
    }
  }
}
