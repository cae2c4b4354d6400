extension MetricRegistry {
  /// Metrics of how fast sales answers a new lead (`LeadResponse`).
  static let responseMetrics = [speedToLeadHours, speedToLead1hShare, speedToLead24hShare]

  /// How the three define the times, for their formulas.
  private static let responseRule =
    "CRMs time it from the lead's creation to the first call, email or meeting logged by sales; Funnel's choice, "
    + "as created_at is a day: the lead's creation touch is its last touch that is not a sales touch on or before "
    + "its created_at day (the form fill or click that made it), its first sales touch the earliest touch of kind "
    + "sales_call, sales_email or demo at or after that"

  /// DuckDB SQL for each lead with a creation touch and the hours to its first sales touch (null: none), as `f`.
  private static let responseSQL = """
    (SELECT c.lead_id, min(epoch_us(t.touched_at) - epoch_us(c.created)) / 3600000000.0 AS hours
      FROM (SELECT l.lead_id, max(t.touched_at) AS created
          FROM leads l JOIN touches t ON t.lead_id = l.lead_id
          WHERE t.kind NOT IN \(LeadResponse.salesKindsSQL) AND CAST(t.touched_at AS DATE) <= l.created_at
          GROUP BY l.lead_id) c
      LEFT JOIN touches t ON t.lead_id = c.lead_id AND t.kind IN \(LeadResponse.salesKindsSQL)
        AND t.touched_at >= c.created
      GROUP BY c.lead_id) f
    """

  /// ANSI SQL of the same for the leads of `{rows}`, as `x` (joined to `r` by lead_id).
  private static let responseTemplate = """
    FROM {rows} AS r
    JOIN (SELECT c.lead_id, MIN(EXTRACT(EPOCH FROM t.touched_at - c.created)) / 3600 AS hours
        FROM (SELECT l.lead_id, MAX(t.touched_at) AS created
            FROM {rows} AS l JOIN touches AS t ON t.lead_id = l.lead_id
            WHERE t.kind NOT IN \(LeadResponse.salesKindsSQL) AND CAST(t.touched_at AS DATE) <= l.created_at
            GROUP BY l.lead_id) AS c
        LEFT JOIN touches AS t ON t.lead_id = c.lead_id AND t.kind IN \(LeadResponse.salesKindsSQL)
          AND t.touched_at >= c.created
        GROUP BY c.lead_id) AS x ON x.lead_id = r.lead_id
    GROUP BY r.group_id
    """

  private static let responseNeeds = MetricNeeds(response: true)

  static let speedToLeadHours = MetricDefinition(
    name: "speed_to_lead_hours", parameters: [],
    formula:
      "median hours from a lead's creation touch to its first sales touch, over the leads that had both; "
      + responseRule,
    marketing:
      "How long the leads a campaign paid for wait before anyone from sales answers; a lead cools by the hour.",
    sales:
      "The team's typical response time to a new lead; the median, so a few leads never worked do not hide "
      + "how fast the usual one is answered.",
    datasets: ["leads", "touches"],
    sql: "SELECT median(hours)::DOUBLE AS speed_to_lead_hours\nFROM " + responseSQL,
    sqlTemplate: "SELECT r.group_id,\n  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.hours) AS speed_to_lead_hours\n"
      + responseTemplate,
    hint: .plain, needs: responseNeeds,
    compute: { $0.responseMedianHours })

  static let speedToLead1hShare = MetricDefinition(
    name: "speed_to_lead_1h_share", parameters: [],
    formula:
      "leads whose first sales touch came within 1 hour (60 minutes or less) of their creation touch ÷ the leads "
      + "with a creation touch, so a lead never answered counts against it; " + responseRule,
    marketing:
      "The share of new leads sales answers while they are still hot, the part of the spend not wasted by waiting.",
    sales: "How often the team meets a one-hour answer, the usual service level for inbound leads.",
    datasets: ["leads", "touches"],
    sql: "SELECT count(*) FILTER (WHERE hours <= 1)::DOUBLE / nullif(count(*), 0) AS speed_to_lead_1h_share\nFROM "
      + responseSQL,
    sqlTemplate: "SELECT r.group_id,\n  CAST(SUM(CASE WHEN x.hours <= 1 THEN 1 ELSE 0 END) AS DOUBLE PRECISION)\n"
      + "    / NULLIF(COUNT(x.lead_id), 0) AS speed_to_lead_1h_share\n" + responseTemplate,
    hint: .rate, needs: responseNeeds,
    compute: { ratio($0.answeredWithinHour, $0.responseBase) })

  static let speedToLead24hShare = MetricDefinition(
    name: "speed_to_lead_24h_share", parameters: [],
    formula:
      "leads whose first sales touch came within 24 hours of their creation touch ÷ the leads with a creation "
      + "touch, so a lead never answered counts against it; " + responseRule,
    marketing: "The share of new leads answered the same day or the next, before most of them have moved on.",
    sales:
      "How often a new lead hears from the team within a day; what is left is leads that wait or are never worked.",
    datasets: ["leads", "touches"],
    sql: "SELECT count(*) FILTER (WHERE hours <= 24)::DOUBLE / nullif(count(*), 0) AS speed_to_lead_24h_share\nFROM "
      + responseSQL,
    sqlTemplate: "SELECT r.group_id,\n  CAST(SUM(CASE WHEN x.hours <= 24 THEN 1 ELSE 0 END) AS DOUBLE PRECISION)\n"
      + "    / NULLIF(COUNT(x.lead_id), 0) AS speed_to_lead_24h_share\n" + responseTemplate,
    hint: .rate, needs: responseNeeds,
    compute: { ratio($0.answeredWithinDay, $0.responseBase) })
}
