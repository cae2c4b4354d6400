import FunnelData
import FunnelEngine

/// The facts of the deals and leads a group reaches.
extension MetricFactsSQL {
  mutating func addDeals(
    _ f: inout MetricFactColumns, columns: [String], credited: Bool, weighted: Bool = false, _ c: MetricSQLContext
  ) throws(SQLCompileError) {
    let (from, schema) = try reach(.deals, c)
    let word = b.stageWord("r.\(b.quote("stage"))")
    let won = "\(word) = 'closed_won'", lost = "\(word) = 'closed_lost'"
    let open = "(\(word) IS NULL OR \(word) NOT IN ('closed_won', 'closed_lost'))"
    func count(_ condition: String) -> String { "COUNT(CASE WHEN \(condition) THEN 1 END)" }
    var select = [
      "COUNT(*) AS \(b.slot("deals"))", "\(count(won)) AS \(b.slot("won"))", "\(count(lost)) AS \(b.slot("lost"))",
      "\(count(open)) AS \(b.slot("open"))",
    ]
    let amount = "r.\(b.quote("amount"))"
    let hasAmount = columns.contains("amount") && schema["amount"] != nil
    if hasAmount {
      let a = b.double(amount)
      select += [
        "SUM(CASE WHEN \(won) THEN \(a) END) AS \(b.slot("won_amount"))",
        "\(count("\(won) AND \(amount) IS NOT NULL")) AS \(b.slot("won_with_amount"))",
        "SUM(CASE WHEN \(open) THEN \(a) END) AS \(b.slot("open_amount"))",
        "STDDEV_SAMP(CASE WHEN \(won) THEN \(a) END) AS \(b.slot("won_amount_sd"))",
      ]
    }
    if weighted, hasAmount {
      var probability = "CASE \(word) "
      for (stage, p) in ForecastVerb.stageProbability { probability += "WHEN '\(stage)' THEN \(b.double(p)) " }
      probability += "ELSE \(b.double(0.0)) END"
      if let type = schema["probability"] {
        guard type.isNumeric else {
          throw SQLCompileError("deals.probability must be a number from 0 to 1, not \(type.name)", stage: nil)
        }
        probability = "COALESCE(\(b.double("r.\(b.quote("probability"))")), \(probability))"
      }
      select.append("SUM(CASE WHEN \(open) THEN \(b.double(amount)) * \(probability) END) AS \(b.slot("weighted"))")
    }
    if columns.contains("term_months"), schema["term_months"] != nil {
      let term = "r.\(b.quote("term_months"))"
      let has = "\(won) AND \(amount) IS NOT NULL AND \(term) IS NOT NULL AND \(term) <> 0"
      select += [
        "SUM(CASE WHEN \(has) THEN \(b.double(amount)) * \(b.double(12.0)) / \(b.double(term)) END) AS \(b.slot("annual"))",
        "\(count(has)) AS \(b.slot("with_term"))",
        "STDDEV_SAMP(CASE WHEN \(has) THEN \(b.double(amount)) * \(b.double(12.0)) / \(b.double(term)) END) AS \(b.slot("annual_sd"))",
      ]
    }
    let hasCycle = columns.contains("created_at") && columns.contains("closed_at")
    if hasCycle, let createdType = schema["created_at"], let closedType = schema["closed_at"] {
      let created = try b.day("r.\(b.quote("created_at"))", createdType, stage: "", what: "deals.created_at")
      let closed = try b.day("r.\(b.quote("closed_at"))", closedType, stage: "", what: "deals.closed_at")
      let days = "CASE WHEN \(won) THEN \(b.daysBetween(closed, created)) END"
      select += [
        "AVG(\(b.double(days))) AS \(b.slot("cycle"))", "\(b.median(days)) AS \(b.slot("cycle_median"))",
        "COUNT(\(days)) AS \(b.slot("cycle_count"))", "STDDEV_SAMP(\(b.double(days))) AS \(b.slot("cycle_sd"))",
      ]
    }
    let condition = credited ? isCampaign("r.\(b.quote("campaign_id"))", schema["campaign_id"] ?? .int, c) : nil
    let alias = fact("metric", select: select, from: from, where: condition)
    func fact0(_ name: String) -> String { "COALESCE(\(alias).\(b.slot(name)), 0)" }
    f.deals = fact0("deals")
    f.won = fact0("won")
    f.lost = fact0("lost")
    f.open = fact0("open")
    if hasAmount {
      f.wonRevenue = "COALESCE(\(alias).\(b.slot("won_amount")), \(b.double(0.0)))"
      f.wonWithAmount = fact0("won_with_amount")
      f.openAmount = "COALESCE(\(alias).\(b.slot("open_amount")), \(b.double(0.0)))"
      if weighted { f.openWeighted = "COALESCE(\(alias).\(b.slot("weighted")), \(b.double(0.0)))" }
      f.wonAmountSD = "\(alias).\(b.slot("won_amount_sd"))"
    }
    if columns.contains("term_months") {
      f.annualValue = "COALESCE(\(alias).\(b.slot("annual")), \(b.double(0.0)))"
      f.withTerm = fact0("with_term")
      f.annualSD = "\(alias).\(b.slot("annual_sd"))"
    }
    if hasCycle {
      f.cycleMean = "\(alias).\(b.slot("cycle"))"
      f.cycleMedian = "\(alias).\(b.slot("cycle_median"))"
      f.cycleCount = fact0("cycle_count")
      f.cycleSD = "\(alias).\(b.slot("cycle_sd"))"
    }
  }

  /// Touches of each won deal's lead on or before its close (today when open).
  mutating func addTouchesToClose(_ f: inout MetricFactColumns, _ c: MetricSQLContext) throws(SQLCompileError) {
    let (from, schema) = try reach(.deals, c)
    guard let touchLead = c.type("lead_id", in: .touches), let touchedAt = c.type("touched_at", in: .touches),
      let dealLead = schema["lead_id"], let closedType = schema["closed_at"]
    else { throw SQLCompileError("internal error: touches checked but not reachable (this is a bug)", stage: nil) }
    let touchDay = try b.day("t.\(b.quote("touched_at"))", touchedAt, stage: "", what: "touches.touched_at")
    let closed = try b.day("r.\(b.quote("closed_at"))", closedType, stage: "", what: "deals.closed_at")
    let today = b.literal(.date(c.reads.today), .date)
    let match = b.idMatch("t.\(b.quote("lead_id"))", touchLead, "r.\(b.quote("lead_id"))", dealLead)
    let alias = fact(
      "metric", select: ["COUNT(*) AS \(b.slot("touches"))"],
      from: from + "\nJOIN \(b.quote("touches")) t ON \(match) AND \(touchDay) <= COALESCE(\(closed), \(today))",
      where: "\(b.stageWord("r.\(b.quote("stage"))")) = 'closed_won'")
    f.touchesToClose = "COALESCE(\(alias).\(b.slot("touches")), 0)"
  }

  // MARK: Leads

  mutating func addLeads(_ f: inout MetricFactColumns, stages: [LeadStage], _ c: MetricSQLContext)
    throws(SQLCompileError)
  {
    let (from, schema) = try reach(.leads, c)
    let rank = schema["stage"] != nil ? b.leadRank("r.\(b.quote("stage"))") : nil
    var select = ["COUNT(*) AS \(b.slot("leads"))"]
    let wanted = stages.filter { $0 != .lead }
    for s in wanted {
      let day = schema[s.dateColumn] != nil ? "r.\(b.quote(s.dateColumn))" : nil
      select.append("COUNT(CASE WHEN \(b.leadReached(s, rank: rank, day: day)) THEN 1 END) AS \(b.slot(s.name))")
    }
    let alias = fact("metric", select: select, from: from)
    f.leads = "COALESCE(\(alias).\(b.slot("leads")), 0)"
    f.reached[.lead] = f.leads
    for s in wanted { f.reached[s] = "COALESCE(\(alias).\(b.slot(s.name)), 0)" }
  }
}
