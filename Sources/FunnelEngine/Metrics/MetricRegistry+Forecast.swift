extension MetricRegistry {
  /// The forecast's numbers as metrics: `weighted`, `attainment` and
  /// `coverage` of `deals | forecast`, over whatever rows `agg` groups.
  static let forecastMetrics = [weightedPipeline, quotaAttainment, pipelineCoverage]

  /// An open deal's probability in SQL: its column, else its stage's default.
  private static let probabilitySQL = """
    coalesce(probability, CASE lower(trim(stage))
        WHEN 'prospecting' THEN 0.1 WHEN 'qualification' THEN 0.2
        WHEN 'proposal' THEN 0.5 WHEN 'negotiation' THEN 0.8 ELSE 0 END)
    """

  /// The won and the open amount of `r`'s group, as doubles.
  private static let wonSQL = MetricSQL.double("COALESCE(SUM(CASE WHEN r.stage = 'closed_won' THEN r.amount END), 0)")
  private static let openSQL = MetricSQL.double("COALESCE(SUM(CASE WHEN \(MetricSQL.isOpen) THEN r.amount END), 0)")

  /// How a quota metric is given its quota, for the formulas.
  private static let quotaRule =
    "the quota is the call's argument (a number above 0), the quota of the rows the agg groups: "
    + "filter to one rep and period first, as forecast matches each rep's quota per period from quotas; "
    + "without it the call is an error that points at forecast"

  static let weightedPipeline = MetricDefinition(
    name: "weighted_pipeline", parameters: [],
    formula:
      "sum of amount × probability over the open deals (stage neither closed_won nor closed_lost), "
      + "probability being the deal's probability column when it has one and it is not null, else its stage's "
      + "default (prospecting 0.10, qualification 0.20, proposal 0.50, negotiation 0.80, other open stages 0), "
      + "as forecast's weighted column; 0 when none",
    marketing: "The revenue the pipeline a channel fed is likely to bring, not just its face value.",
    sales:
      "The pipeline discounted by how likely each deal is to close: the number a forecast call starts from; "
      + "set against pipeline_value() it shows how early the pipeline sits.",
    datasets: ["deals"],
    sql: """
      SELECT coalesce(sum(amount * \(probabilitySQL)), 0)::DOUBLE AS weighted_pipeline
      FROM deals
      WHERE stage IS NULL OR stage NOT IN ('closed_won', 'closed_lost')
      """,
    sqlTemplate: MetricSQL.perGroup(
      "weighted_pipeline",
      MetricSQL.double(
        "COALESCE(SUM(CASE WHEN \(MetricSQL.isOpen) THEN r.amount * "
          + probabilitySQL.replacingOccurrences(of: "probability", with: "r.probability")
          .replacingOccurrences(of: "trim(stage)", with: "trim(r.stage)") + " END), 0)")),
    hint: .money, needs: MetricNeeds(deals: ["stage", "amount"], weighted: true),
    compute: { $0.openWeighted })

  static let quotaAttainment = MetricDefinition(
    name: "quota_attainment", parameters: [],
    formula:
      "amount of the closed_won deals ÷ quota, as forecast's attainment; " + quotaRule,
    marketing: "How much of the sales target the revenue closed so far covers, the figure a quarter is judged by.",
    sales: "The share of the quota closed: 100% is the number made; quota_attainment(120000) per rep and quarter.",
    datasets: ["deals"],
    sql: """
      SELECT coalesce(sum(amount) FILTER (WHERE stage = 'closed_won'), 0)::DOUBLE / 120000 AS quota_attainment
      FROM deals
      """,
    sqlTemplate: MetricSQL.perGroup(
      "quota_attainment",
      wonSQL + " / {quota}"),
    hint: .rate, needs: MetricNeeds(deals: ["stage", "amount"]),
    compute: { g in ratio(g.wonRevenue, g.quota) })

  static let pipelineCoverage = MetricDefinition(
    name: "pipeline_coverage", parameters: [],
    formula:
      "open pipeline ÷ (quota − won): the amount of the open deals over what is still to win, as forecast's "
      + "coverage; null once the won amount reaches the quota (nothing is left to cover); " + quotaRule,
    marketing:
      "Whether the pipeline already in play is enough to make the number; 3 is the usual mark, less asks "
      + "for more pipeline now.",
    sales:
      "How many times the open deals cover what is left of the quota; with a win rate of a third, under 3 "
      + "means the quota is at risk.",
    datasets: ["deals"],
    sql: """
      SELECT CASE WHEN 120000 > won THEN open / (120000 - won) END AS pipeline_coverage
      FROM (SELECT coalesce(sum(amount) FILTER (WHERE stage = 'closed_won'), 0)::DOUBLE AS won,
          coalesce(sum(amount) FILTER (WHERE stage IS NULL OR stage NOT IN ('closed_won', 'closed_lost')), 0)::DOUBLE AS open
        FROM deals)
      """,
    sqlTemplate: MetricSQL.perGroup(
      "pipeline_coverage",
      "CASE WHEN {quota} > \(wonSQL) THEN \(openSQL) / ({quota} - \(wonSQL)) END"),
    hint: .plain, needs: MetricNeeds(deals: ["stage", "amount"]),
    compute: { g in
      guard let q = g.quota, let won = g.wonRevenue, let open = g.openAmount, q > won else { return nil }
      return open / (q - won)
    })
}
