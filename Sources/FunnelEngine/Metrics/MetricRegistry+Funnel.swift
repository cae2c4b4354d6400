extension MetricRegistry {
  /// SQL for "the lead reached `stage`" over the standard leads table, its columns prefixed by `row`.
  static func reachedSQL(_ stage: LeadStage, row: String = "") -> String {
    if stage == .lead { return "TRUE" }
    let later = LeadStage.allCases.filter { $0.rawValue >= stage.rawValue }.map { "'\($0.name)'" }
    return "(\(row)stage IN (\(later.joined(separator: ", "))) OR \(row)\(stage.dateColumn) IS NOT NULL)"
  }

  /// Metrics of the lead funnel.
  static let funnelMetrics = [conversion, mqlRate, mqlToSqlRate]

  static let conversion = MetricDefinition(
    name: "conversion", parameters: ["a", "b"],
    formula: "leads that reached stage b ÷ leads that reached stage a (the SQL shows \"mql\", \"sql\")",
    marketing: "How well leads move between two stages, to find where the funnel leaks.",
    sales: "The same leak seen from the hand-off: which share of what marketing passes on moves forward.",
    datasets: ["leads"],
    sql: """
      SELECT count(*) FILTER (WHERE \(reachedSQL(.sql)))::DOUBLE
        / nullif(count(*) FILTER (WHERE \(reachedSQL(.mql))), 0) AS conversion
      FROM leads
      """,
    sqlTemplate: MetricSQL.perGroup(
      "conversion", "\(MetricSQL.double(MetricSQL.count("{reached_b}"))) / NULLIF(\(MetricSQL.count("{reached_a}")), 0)"
    ),
    hint: .rate, needs: MetricNeeds(leadStages: []),
    compute: { g in g.stages.count == 2 ? ratio(g.reached(g.stages[1]), g.reached(g.stages[0])) : nil })

  static let mqlRate = MetricDefinition(
    name: "mql_rate", parameters: [],
    formula: "leads that reached mql ÷ leads",
    marketing: "The share of leads that turn out to fit; a low rate means a campaign buys volume, not interest.",
    sales: "How much of the raw inflow is worth a look before it ever reaches a seller.",
    datasets: ["leads"],
    sql: """
      SELECT count(*) FILTER (WHERE \(reachedSQL(.mql)))::DOUBLE / nullif(count(*), 0) AS mql_rate
      FROM leads
      """,
    sqlTemplate: MetricSQL.perGroup(
      "mql_rate", "\(MetricSQL.double(MetricSQL.count(MetricSQL.reached(.mql)))) / NULLIF(COUNT(*), 0)"),
    hint: .rate, needs: MetricNeeds(leadStages: [.mql]),
    compute: { ratio($0.reached(.mql), $0.leads) })

  static let mqlToSqlRate = MetricDefinition(
    name: "mql_to_sql_rate", parameters: [],
    formula:
      "leads that reached sql ÷ leads that reached mql: MQL-to-SQL conversion, the hand-off from marketing to sales "
      + "(not the SAL acceptance rate, which needs an accepted-by-sales date that the lead stages do not record)",
    marketing: "Whether sales agrees with marketing's idea of a qualified lead.",
    sales:
      "The share of the leads marketing qualifies that sales goes on to qualify; low means the definitions differ.",
    datasets: ["leads"],
    sql: """
      SELECT count(*) FILTER (WHERE \(reachedSQL(.sql)))::DOUBLE
        / nullif(count(*) FILTER (WHERE \(reachedSQL(.mql))), 0) AS mql_to_sql_rate
      FROM leads
      """,
    sqlTemplate: MetricSQL.perGroup(
      "mql_to_sql_rate",
      """
      \(MetricSQL.double(MetricSQL.count(MetricSQL.reached(.sql))))
          / NULLIF(\(MetricSQL.count(MetricSQL.reached(.mql))), 0)
      """),
    hint: .rate, needs: MetricNeeds(leadStages: [.mql, .sql]),
    compute: { ratio($0.reached(.sql), $0.reached(.mql)) })
}
