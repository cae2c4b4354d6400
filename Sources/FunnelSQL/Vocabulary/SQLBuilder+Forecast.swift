import FunnelData
import FunnelEngine

/// `deals | forecast <period> [by keys]` as SQL, by `ForecastVerb.summary`'s
/// rules, from the expressions the binder made of each deal (`ForecastPlan`).
///
///     forecast     each deal: its period, keys, kind (won, open, neither), amount and probability
///     forecast_2   per period and key group: won, commit, weighted, best case
///     forecast_3   per period (as text) and key: the quotas' sum
///     forecast_4   the groups with their quota, attainment, coverage and gap, in order
extension SQLBuilder {
  func forecast(_ input: SQLRelation, plan: ForecastPlan, reads: VerbReads, stage text: String)
    throws(SQLCompileError) -> SQLRelation
  {
    guard case .period(let unit) = plan.period.type else {
      throw SQLCompileError("internal error: forecast's period is not a period (this is a bug)", stage: text)
    }
    let keys = plan.keys
    let keySlots = keys.indices.map { slot("k\($0)") }
    let rows = add(
      "forecast",
      "SELECT "
        + ([try expression(plan.period, over: input) + " AS " + slot("p")] + (try keySelect(keys, over: input))
        + [
          try expression(plan.kind, over: input) + " AS " + slot("kind"),
          try expression(plan.amount, over: input) + " AS " + slot("a"),
          try expression(plan.probability, over: input) + " AS " + slot("pr"),
        ]).joined(separator: ",\n  ") + "\nFROM " + quote(input.name))

    let won = "\(slot("kind")) = \(ForecastVerb.wonKind)", open = "\(slot("kind")) = \(ForecastVerb.openKind)"
    let commit = "\(open) AND \(slot("pr")) >= \(double(ForecastVerb.commitProbability))"
    let groupSlots = [slot("p")] + keySlots
    let sums = [
      "COALESCE(SUM(CASE WHEN \(won) THEN \(slot("a")) END), \(double(0))) AS \(slot("won"))",
      "COALESCE(SUM(CASE WHEN \(commit) THEN \(slot("a")) END), \(double(0))) AS \(slot("commit"))",
      "COALESCE(SUM(CASE WHEN \(open) THEN \(slot("a")) * \(slot("pr")) END), \(double(0))) AS \(slot("weighted"))",
      "COALESCE(SUM(CASE WHEN \(open) THEN \(slot("a")) END), \(double(0))) AS \(slot("best"))",
    ]
    let groups = add(
      "forecast",
      "SELECT " + (groupSlots + sums).joined(separator: ",\n  ") + "\nFROM " + quote(rows.name) + "\nWHERE "
        + slot("kind") + " <> 0 AND " + slot("p") + " IS NOT NULL\nGROUP BY " + groupSlots.joined(separator: ", "))

    let quota: String
    var from = quote(groups.name) + " g"
    if plan.quotaProblem == nil, let quotas = reads.datasets["quotas"],
      let pi = quotas.names.firstIndex(of: "period")
    {
      let day = try self.day("q.\(quote("period"))", quotas.types[pi], stage: text, what: "quotas.period")
      let quotaKeys = keys.enumerated().map { "q.\(quote($1.name)) AS \(slot("k\($0)"))" }
      let sums = add(
        "forecast",
        "SELECT " + (["\(period(day, unit)) AS \(slot("p"))"] + quotaKeys).joined(separator: ", ")
          + ", SUM(\(double("q.\(quote("amount"))"))) AS \(slot("quota"))\nFROM \(quote("quotas")) q\n"
          + "WHERE q.\(quote("period")) IS NOT NULL\nGROUP BY "
          + (["1"] + keys.indices.map { "\($0 + 2)" })
          .joined(separator: ", "))
      let on = groupSlots.map { "q.\($0) = g.\($0)" }.joined(separator: " AND ")
      from += "\nLEFT JOIN \(quote(sums.name)) q ON \(on)"
      quota = "q.\(slot("quota"))"
    } else {
      quota = null(doubleType)
    }
    let w = "g.\(slot("won"))"
    var select = ["g.\(slot("p")) AS \(quote("period"))"]
    select += zip(keySlots, keys).map { "g.\($0) AS \(quote($1.name))" }
    select += [
      "\(w) AS \(quote("won"))", "g.\(slot("commit")) AS \(quote("commit"))",
      "g.\(slot("weighted")) AS \(quote("weighted"))", "g.\(slot("best")) AS \(quote("best_case"))",
      "\(quota) AS \(quote("quota"))",
      "CASE WHEN \(quota) <> 0 THEN \(w) / \(quota) END AS \(quote("attainment"))",
      "CASE WHEN \(quota) > \(w) THEN g.\(slot("best")) / (\(quota) - \(w)) END AS \(quote("coverage"))",
      "\(quota) - \(w) AS \(quote("gap"))",
    ]
    let types = [plan.period.type] + keys.map(\.expr.type)
    let order = zip(groupSlots, types).map { orderKey("g.\($0)", $1) }
    return add(
      "forecast",
      "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + from + "\nORDER BY " + order.joined(separator: ", "),
      columns: ["period"] + keys.map(\.name) + ForecastVerb.columns.map(\.name),
      types: types + ForecastVerb.columns.map(\.type))
  }
}
