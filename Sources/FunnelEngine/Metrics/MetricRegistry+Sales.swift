extension MetricRegistry {
  /// Metrics of the deals: how the pipeline closes.
  static let salesMetrics =
    [
      winRate, avgDealSize, acv, salesCycleDays, medianSalesCycleDays, pipelineValue, pipelineVelocity,
      avgTouchesToClose,
    ] + forecastMetrics

  static let winRate = MetricDefinition(
    name: "win_rate", parameters: [],
    formula: "closed_won deals ÷ (closed_won + closed_lost deals); open deals do not count",
    marketing: "Whether the leads a channel sends turn into customers once sales works them, not just into pipeline.",
    sales: "The share of decided deals the team wins; a falling rate points to qualification or pricing.",
    datasets: ["deals"],
    sql: """
      SELECT count(*) FILTER (WHERE stage = 'closed_won')::DOUBLE
        / nullif(count(*) FILTER (WHERE stage IN ('closed_won', 'closed_lost')), 0) AS win_rate
      FROM deals
      """,
    sqlTemplate: MetricSQL.perGroup("win_rate", "\(MetricSQL.double(MetricSQL.won)) / NULLIF(\(MetricSQL.decided), 0)"),
    hint: .rate, needs: MetricNeeds(deals: ["stage"]),
    compute: { ratio($0.won, $0.decided) })

  static let avgDealSize = MetricDefinition(
    name: "avg_deal_size", parameters: [],
    formula: "average amount of the closed_won deals (deals with no amount left out)",
    marketing: "How much a customer from a campaign is worth, the figure to set against what it costs to win one.",
    sales: "The typical value of a win; with the win rate it says how much pipeline a quota needs.",
    datasets: ["deals"],
    sql: """
      SELECT avg(amount)::DOUBLE AS avg_deal_size
      FROM deals
      WHERE stage = 'closed_won'
      """,
    sqlTemplate: MetricSQL.perGroup("avg_deal_size", MetricSQL.double(MetricSQL.wonAverage)),
    hint: .money, needs: MetricNeeds(deals: ["stage", "amount"]),
    compute: { ratio($0.wonRevenue, $0.wonWithAmount) })

  static let acv = MetricDefinition(
    name: "acv", parameters: [],
    formula:
      "annual contract value: mean over the closed_won deals of amount ÷ (term_months ÷ 12), "
      + "amount being the contract's total value (deals with no amount or no term left out)",
    marketing:
      "What a customer from a campaign brings in a year, the figure to set a yearly cost of winning one against.",
    sales:
      "The yearly value of a typical win, so that a three-year deal does not look three times the size of "
      + "a one-year deal at the same price; avg_deal_size() is the whole contract.",
    datasets: ["deals"],
    sql: """
      SELECT avg(amount * 12.0 / nullif(term_months, 0))::DOUBLE AS acv
      FROM deals
      WHERE stage = 'closed_won'
      """,
    sqlTemplate: MetricSQL.perGroup(
      "acv",
      MetricSQL.double("AVG(CASE WHEN r.stage = 'closed_won' THEN r.amount * 12.0 / NULLIF(r.term_months, 0) END)")),
    hint: .money, needs: MetricNeeds(deals: ["stage", "amount", "term_months"]),
    compute: { ratio($0.wonAnnualValue, $0.wonWithTerm) })

  static let salesCycleDays = MetricDefinition(
    name: "sales_cycle_days", parameters: [],
    formula:
      "mean of closed_at − created_at, in days, over the closed_won deals with both dates "
      + "(the average length of a won deal, the usual definition of the sales cycle)",
    marketing:
      "How long after a lead turns into a deal the revenue arrives, the lag to allow before judging a campaign.",
    sales:
      "How long a win takes from opening to close on average; a few stalled deals pull it up, "
      + "which median_sales_cycle_days() does not show.",
    datasets: ["deals"],
    sql: wonCycleSQL("avg", as: "sales_cycle_days"),
    sqlTemplate: MetricSQL.perGroup("sales_cycle_days", MetricSQL.cycleMean),
    hint: .plain, needs: wonCycleNeeds,
    compute: { $0.cycleMeanDays })

  static let medianSalesCycleDays = MetricDefinition(
    name: "median_sales_cycle_days", parameters: [],
    formula: "median of closed_at − created_at, in days, over the closed_won deals with both dates",
    marketing: "The lag a typical won deal takes, not moved by a few deals that stalled for a year.",
    sales:
      "How long the middle win takes; set against sales_cycle_days() (the mean), a large gap "
      + "means a tail of slow deals worth a look.",
    datasets: ["deals"],
    sql: wonCycleSQL("median", as: "median_sales_cycle_days"),
    sqlTemplate: MetricSQL.perGroup("median_sales_cycle_days", MetricSQL.cycleMedian),
    hint: .plain, needs: wonCycleNeeds,
    compute: { $0.cycleMedianDays })

  /// `aggregate` of the days from creation to close of the won deals with both dates.
  private static func wonCycleSQL(_ aggregate: String, as name: String) -> String {
    """
    SELECT \(aggregate)(closed_at - created_at)::DOUBLE AS \(name)
    FROM deals
    WHERE stage = 'closed_won' AND closed_at IS NOT NULL AND created_at IS NOT NULL
    """
  }

  /// What the two sales-cycle metrics read.
  private static let wonCycleNeeds = MetricNeeds(deals: ["stage", "created_at", "closed_at"])

  static let pipelineValue = MetricDefinition(
    name: "pipeline_value", parameters: [],
    formula: "sum of amount over the open deals (stage neither closed_won nor closed_lost); 0 when none",
    marketing: "The revenue still in play from the leads already delivered, the near future of a channel.",
    sales: "What the team could still close; set against the quota it shows whether there is enough to work.",
    datasets: ["deals"],
    sql: """
      SELECT coalesce(sum(amount), 0)::DOUBLE AS pipeline_value
      FROM deals
      WHERE stage IS NULL OR stage NOT IN ('closed_won', 'closed_lost')
      """,
    sqlTemplate: MetricSQL.perGroup(
      "pipeline_value", MetricSQL.double("COALESCE(SUM(CASE WHEN \(MetricSQL.isOpen) THEN r.amount END), 0)")),
    hint: .money, needs: MetricNeeds(deals: ["stage", "amount"]),
    compute: { $0.openAmount })

  static let pipelineVelocity = MetricDefinition(
    name: "pipeline_velocity", parameters: [],
    formula: "open deals × win_rate × avg_deal_size ÷ sales_cycle_days (the mean cycle), money a day",
    marketing: "How fast the pipeline a channel feeds is turning into money, a single figure to compare channels by.",
    sales:
      "Revenue the pipeline yields a day; more deals, a higher win rate, bigger deals or a shorter cycle all raise it.",
    datasets: ["deals"],
    sql: """
      SELECT count(*) FILTER (WHERE stage IS NULL OR stage NOT IN ('closed_won', 'closed_lost'))
        * (count(*) FILTER (WHERE stage = 'closed_won')::DOUBLE
          / nullif(count(*) FILTER (WHERE stage IN ('closed_won', 'closed_lost')), 0))
        * avg(amount) FILTER (WHERE stage = 'closed_won')
        / nullif(avg(closed_at - created_at) FILTER (WHERE stage = 'closed_won'
          AND closed_at IS NOT NULL AND created_at IS NOT NULL), 0) AS pipeline_velocity
      FROM deals
      """,
    sqlTemplate: MetricSQL.perGroup(
      "pipeline_velocity",
      """
      \(MetricSQL.open)
          * (\(MetricSQL.double(MetricSQL.won)) / NULLIF(\(MetricSQL.decided), 0))
          * \(MetricSQL.wonAverage)
          / NULLIF(\(MetricSQL.cycleMean), 0)
      """),
    hint: .money, needs: MetricNeeds(deals: ["stage", "amount", "created_at", "closed_at"]),
    compute: { g in
      guard let winRate = winRate.compute(g), let size = avgDealSize.compute(g),
        let cycle = salesCycleDays.compute(g), let open = g.open
      else { return nil }
      return ratio(open * winRate * size, cycle)
    })

  static let avgTouchesToClose = MetricDefinition(
    name: "avg_touches_to_close", parameters: [],
    formula: "touches of the won deals' leads on or before each deal's close ÷ closed_won deals",
    marketing: "How many contacts a customer needed before buying, the length of the nurture a campaign must fund.",
    sales: "How much contact a win takes; a rising count means buyers need more convincing.",
    datasets: ["deals", "touches"],
    sql: """
      SELECT (SELECT count(*) FROM deals d JOIN touches t ON t.lead_id = d.lead_id
          AND CAST(t.touched_at AS DATE) <= coalesce(d.closed_at, current_date)
          WHERE d.stage = 'closed_won')::DOUBLE / nullif(count(*), 0) AS avg_touches_to_close
      FROM deals
      WHERE stage = 'closed_won'
      """,
    sqlTemplate: MetricSQL.perGroup(
      "avg_touches_to_close",
      """
      CAST((SELECT COUNT(*) FROM {rows} AS d JOIN touches AS t ON t.lead_id = d.lead_id
              AND CAST(t.touched_at AS DATE) <= COALESCE(d.closed_at, CURRENT_DATE)
            WHERE d.group_id = r.group_id AND d.stage = 'closed_won') AS DOUBLE PRECISION)
          / NULLIF(\(MetricSQL.won), 0)
      """),
    hint: .plain, needs: MetricNeeds(deals: ["stage", "lead_id", "closed_at"], touches: true),
    compute: { ratio($0.touchesToClose, $0.won) })
}
