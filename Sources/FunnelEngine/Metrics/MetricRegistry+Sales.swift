extension MetricRegistry {
  /// Metrics of the deals: how the pipeline closes.
  static let salesMetrics: [MetricDefinition] = [
    MetricDefinition(
      name: "win_rate", arguments: "",
      formula: "closed_won deals ÷ (closed_won + closed_lost deals); open deals do not count",
      marketing: "Whether the leads a channel sends turn into customers once sales works them, not just into pipeline.",
      sales: "The share of decided deals the team wins; a falling rate points to qualification or pricing.",
      datasets: ["deals"],
      sql: """
        SELECT count(*) FILTER (WHERE stage = 'closed_won')::DOUBLE
          / nullif(count(*) FILTER (WHERE stage IN ('closed_won', 'closed_lost')), 0) AS win_rate
        FROM deals
        """,
      hint: .rate),
    MetricDefinition(
      name: "avg_deal_size", arguments: "",
      formula: "average amount of the closed_won deals (deals with no amount left out)",
      marketing: "How much a customer from a campaign is worth, the figure to set against what it costs to win one.",
      sales: "The typical value of a win; with the win rate it says how much pipeline a quota needs.",
      datasets: ["deals"],
      sql: """
        SELECT avg(amount)::DOUBLE AS avg_deal_size
        FROM deals
        WHERE stage = 'closed_won'
        """,
      hint: .money),
    MetricDefinition(
      name: "sales_cycle_days", arguments: "",
      formula: "median of closed_at − created_at, in days, over the closed_won deals with both dates",
      marketing: "How long after a lead turns into a deal the revenue arrives, the lag to allow before judging a campaign.",
      sales: "How long a typical win takes from opening to close; the median is not moved by a few stalled deals.",
      datasets: ["deals"],
      sql: """
        SELECT median(closed_at - created_at)::DOUBLE AS sales_cycle_days
        FROM deals
        WHERE stage = 'closed_won' AND closed_at IS NOT NULL AND created_at IS NOT NULL
        """,
      hint: .plain),
    MetricDefinition(
      name: "pipeline_value", arguments: "",
      formula: "sum of amount over the open deals (stage neither closed_won nor closed_lost); 0 when none",
      marketing: "The revenue still in play from the leads already delivered, the near future of a channel.",
      sales: "What the team could still close; set against the quota it shows whether there is enough to work.",
      datasets: ["deals"],
      sql: """
        SELECT coalesce(sum(amount), 0)::DOUBLE AS pipeline_value
        FROM deals
        WHERE stage IS NULL OR stage NOT IN ('closed_won', 'closed_lost')
        """,
      hint: .money),
    MetricDefinition(
      name: "pipeline_velocity", arguments: "",
      formula: "open deals × win_rate × avg_deal_size ÷ sales_cycle_days, money a day",
      marketing: "How fast the pipeline a channel feeds is turning into money, a single figure to compare channels by.",
      sales: "Revenue the pipeline yields a day; more deals, a higher win rate, bigger deals or a shorter cycle all raise it.",
      datasets: ["deals"],
      sql: """
        SELECT count(*) FILTER (WHERE stage IS NULL OR stage NOT IN ('closed_won', 'closed_lost'))
          * (count(*) FILTER (WHERE stage = 'closed_won')::DOUBLE
            / nullif(count(*) FILTER (WHERE stage IN ('closed_won', 'closed_lost')), 0))
          * avg(amount) FILTER (WHERE stage = 'closed_won')
          / nullif(median(closed_at - created_at) FILTER (WHERE stage = 'closed_won'
            AND closed_at IS NOT NULL AND created_at IS NOT NULL), 0) AS pipeline_velocity
        FROM deals
        """,
      hint: .money),
    MetricDefinition(
      name: "avg_touches_to_close", arguments: "",
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
      hint: .plain),
  ]
}
