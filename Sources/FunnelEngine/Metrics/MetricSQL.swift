/// Pieces of the ANSI SQL in `MetricDefinition.sqlTemplate`.
///
/// A template is one query giving a row per group: `{rows}` stands for the rows
/// the metric is computed over (a derived table of the metric's first dataset
/// with one more column, `group_id`, the row's group), read as `r`. The other
/// standard datasets are reached by name (`leads`, `deals`, `touches`) through
/// `lead_id` and `campaign_id`. `{reached_a}` and `{reached_b}` stand for "the
/// lead `r` reached the stage given as argument a (b)", as `reached(_:)` writes it.
enum MetricSQL {
  /// Closed-won deals among `r`.
  static let won = "SUM(CASE WHEN r.stage = 'closed_won' THEN 1 ELSE 0 END)"
  /// Won and lost deals among `r`.
  static let decided = "SUM(CASE WHEN r.stage IN ('closed_won', 'closed_lost') THEN 1 ELSE 0 END)"
  /// Whether deal `r` is open.
  static let isOpen = "r.stage IS NULL OR r.stage NOT IN ('closed_won', 'closed_lost')"
  /// Open deals among `r`.
  static let open = "SUM(CASE WHEN \(isOpen) THEN 1 ELSE 0 END)"
  /// Average amount of the won deals among `r`.
  static let wonAverage = "AVG(CASE WHEN r.stage = 'closed_won' THEN r.amount END)"
  /// Mean days from creation to close of the won deals among `r`.
  static let cycleMean = """
    AVG(CASE WHEN r.stage = 'closed_won'
        THEN EXTRACT(DAY FROM (r.closed_at - r.created_at) DAY) END)
    """
  /// Median days from creation to close of the won deals among `r`.
  static let cycleMedian = """
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN r.stage = 'closed_won'
        THEN EXTRACT(DAY FROM (r.closed_at - r.created_at) DAY) END)
    """
  /// The campaigns of `r`'s group.
  static let groupCampaigns = "(SELECT g.campaign_id FROM {rows} AS g WHERE g.group_id = r.group_id)"
  /// Won revenue of the deals of `r`'s group's campaigns.
  static let campaignRevenue = """
    COALESCE((SELECT SUM(d.amount) FROM deals AS d
        WHERE d.stage = 'closed_won' AND d.campaign_id IN \(groupCampaigns)), 0)
    """

  /// `SELECT r.group_id, <value> AS <name> FROM {rows} AS r GROUP BY r.group_id`.
  static func perGroup(_ name: String, _ value: String) -> String {
    """
    SELECT r.group_id,
      \(value) AS \(name)
    FROM {rows} AS r
    GROUP BY r.group_id
    """
  }

  /// `value` as a double.
  static func double(_ value: String) -> String { "CAST(\(value) AS DOUBLE PRECISION)" }

  /// Rows of `r` for which `condition` holds.
  static func count(_ condition: String) -> String { "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)" }

  /// "Lead `r` reached `stage`": its stage is that one or a later one, or it has the stage's date.
  static func reached(_ stage: LeadStage) -> String {
    MetricRegistry.reachedSQL(stage, row: "r.")
  }
}
