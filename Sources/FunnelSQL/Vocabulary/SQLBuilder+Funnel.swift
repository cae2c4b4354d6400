import FunnelData
import FunnelEngine

/// `leads | funnel [steps ...] [by keys] [within N]` as SQL, by
/// `FunnelVerb.summary`'s rules (`LeadFunnelScan` counts them in memory):
///
///     funnel        the keys, and per lead 1 or 0 for each step it counts at
///                   (it reached the step and every earlier listed one, and with
///                   a window each date lies at most N days after the first
///                   step's), and the days from the previous step's date
///     funnel_2      per key group: the count at each step, the median days
///     funnel_3      one row per group and step, in key order then step order
extension SQLBuilder {
  func leadFunnel(
    _ input: SQLRelation, steps: [String]?, keys: [OutputColumn], withinDays: Int64?, stage text: String
  ) throws(SQLCompileError) -> SQLRelation {
    var stages: [LeadStage] = []
    for name in steps ?? FunnelVerb.defaultSteps.map(\.name) {
      guard let s = LeadStage(name: name) else {
        throw SQLCompileError("internal error: '\(name)' is not a lead stage (this is a bug)", stage: text)
      }
      stages.append(s)
    }
    // The keys, the stage rank and each step's day, read once.
    var read = try keySelect(keys, over: input)
    let rank = try stageRank(input, stage: text)
    if let rank { read.append("\(rank) AS \(slot("r"))") }
    var days: [String?] = []
    for (j, s) in stages.enumerated() {
      guard let c = column(s.dateColumn, in: input) else {
        days.append(nil)
        continue
      }
      read.append(try day(c.sql, c.type, stage: text, what: s.dateColumn) + " AS \(slot("d\(j)"))")
      days.append(slot("d\(j)"))
    }
    let dated = add("funnel", "SELECT " + read.joined(separator: ",\n  ") + "\nFROM " + quote(input.name))
    // Whether each lead counts at each step on its own, and the days from the previous step.
    let keySlots = keys.indices.map { slot("k\($0)") }
    var select = keySlots
    for j in stages.indices {
      let test = countsAt(
        stages[j], rank: rank == nil ? nil : slot("r"), day: days[j], first: days[0], within: withinDays)
      select.append("CASE WHEN \(test) THEN 1 ELSE 0 END AS \(slot("s\(j)"))")
      if j > 0, let d = days[j], let previous = days[j - 1] {
        select.append("\(daysBetween(d, previous)) AS \(slot("g\(j)"))")
      }
    }
    let perLead = add("funnel", "SELECT " + select.joined(separator: ",\n  ") + "\nFROM " + quote(dated.name))
    // A lead counts at step j when it counts at every step up to j.
    var aggregates = keySlots
    for j in stages.indices {
      let alive = (0...j).map { "\(slot("s\($0)")) = 1" }.joined(separator: " AND ")
      aggregates.append("COUNT(CASE WHEN \(alive) THEN 1 END) AS \(slot("c\(j)"))")
      if j > 0 {
        let gap = days[j] != nil && days[j - 1] != nil ? slot("g\(j)") : "CAST(NULL AS BIGINT)"
        aggregates.append(median("CASE WHEN \(alive) THEN \(gap) END") + " AS \(slot("m\(j)"))")
      }
    }
    var counted = "SELECT " + aggregates.joined(separator: ",\n  ") + "\nFROM " + quote(perLead.name)
    if !keySlots.isEmpty { counted += "\nGROUP BY " + keySlots.joined(separator: ", ") }
    let counts = add("funnel", counted)
    return funnelOutput(counts, steps: stages.map(\.name), keys: keys, medians: true)
  }

  /// One row per group and step from a relation of a row per group holding
  /// `_k0...`, `_c0...` (the counts) and, with `medians`, `_m1...`: the
  /// columns of `FunnelVerb.output`, rows by key then step.
  func funnelOutput(_ counts: SQLRelation, steps: [String], keys: [OutputColumn], medians: Bool) -> SQLRelation {
    let keySlots = keys.indices.map { slot("k\($0)") }
    let keyOut = zip(keySlots, keys).map { "\($0) AS \(quote($1.name))" }
    let rows = steps.enumerated().map { j, name -> String in
      let c = slot("c\(j)")
      var parts = keyOut + ["\(j) AS \(slot("i"))", "'\(name)' AS \(quote("step"))", "\(c) AS \(quote("count"))"]
      if j == 0 {
        parts += [
          "\(double(1.0)) AS \(quote("step_conversion"))", "\(double(1.0)) AS \(quote("overall_conversion"))",
          "CAST(0 AS BIGINT) AS \(quote("drop_off"))", "\(null(doubleType)) AS \(quote("median_days"))",
        ]
      } else {
        let previous = slot("c\(j - 1)"), first = slot("c0")
        parts += [
          "CASE WHEN \(previous) = 0 THEN \(null(doubleType)) ELSE \(double(c)) / \(previous) END AS \(quote("step_conversion"))",
          "CASE WHEN \(first) = 0 THEN \(null(doubleType)) ELSE \(double(c)) / \(first) END AS \(quote("overall_conversion"))",
          "\(previous) - \(c) AS \(quote("drop_off"))",
          (medians ? slot("m\(j)") : null(doubleType)) + " AS \(quote("median_days"))",
        ]
      }
      return "SELECT " + parts.joined(separator: ", ") + " FROM " + quote(counts.name)
    }
    let steps = add("funnel_steps", rows.joined(separator: "\nUNION ALL\n"))
    let names =
      keys.map(\.name) + ["step", "count", "step_conversion", "overall_conversion", "drop_off", "median_days"]
    let types: [DataType] = keys.map(\.expr.type) + [.string, .int, .double, .double, .int, .double]
    let order: [String] = keys.map { orderKey(quote($0.name), $0.expr.type) } + [slot("i")]
    let selected: String = names.map(quote).joined(separator: ", ")
    let sql = "SELECT \(selected)\nFROM \(quote(steps.name))\nORDER BY \(order.joined(separator: ", "))"
    return add("funnel", sql, columns: names, types: types)
  }

  /// The keys' expressions as `_k0, _k1, ...`.
  func keySelect(_ keys: [OutputColumn], over input: SQLRelation) throws(SQLCompileError) -> [String] {
    var out: [String] = []
    for (i, k) in keys.enumerated() { out.append(try expression(k.expr, over: input) + " AS " + slot("k\(i)")) }
    return out
  }

  /// The lead stage rank of each row, nil without a stage column.
  func stageRank(_ input: SQLRelation, stage text: String) throws(SQLCompileError) -> String? {
    guard let stage = column("stage", in: input) else { return nil }
    guard stage.type == .string else {
      throw SQLCompileError("the leads' stage must be text, not \(stage.type.name)", stage: text)
    }
    return leadRank(stage.sql)
  }

  /// Whether a lead counts at `stage` on its own: reached, and with a window,
  /// dated no more than `within` days after the first step's date.
  private func countsAt(_ stage: LeadStage, rank: String?, day: String?, first: String?, within: Int64?) -> String {
    let reached = leadReached(stage, rank: rank, day: day)
    guard let within else { return reached }
    guard let day, let first else { return "1 = 0" }
    return "(\(reached) AND \(day) IS NOT NULL AND \(first) IS NOT NULL AND \(daysBetween(day, first)) <= \(within))"
  }
}
