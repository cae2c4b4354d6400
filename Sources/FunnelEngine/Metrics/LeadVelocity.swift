import FunnelData
import FunnelLanguage

/// `lead_velocity_rate()`: month-on-month growth of qualified leads. It is
/// called in `agg` like a metric, but a month's value needs the month before,
/// which is another group: the aggregation counts each group's MQLs, and a
/// `window` step after it compares each month with the previous calendar
/// month of the same other keys (`WindowFunction.monthGrowth`).
public enum LeadVelocity {
  public static let name = "lead_velocity_rate"

  /// The formula in a line, for `.help metrics` and `.explain`.
  public static let formula =
    "(MQLs of a month − MQLs of the previous calendar month) ÷ MQLs of the previous month, "
    + "along the first month key of agg's by"

  public static let marketing =
    "Whether qualified demand is speeding up: the leading indicator of the pipeline to come."
  public static let sales = "How much more qualified interest reaches the team each month, before it shows in deals."
  public static let usage =
    "leads | agg mqls = count_if(reached(\"mql\")), lvr = lead_velocity_rate() by m = month(mql_at)"
  public static let nulls =
    "the first month of a series, a month after a month with no row or 0 MQLs, and a null month"

  /// The same in DuckDB's SQL over the standard leads table, for a series by `m`.
  public static let sql = """
    WITH g AS (SELECT strftime(mql_at, '%Y-%m') AS m, year(mql_at) * 12 + month(mql_at) AS k,
        count(*) FILTER (WHERE stage IN ('mql', 'sql', 'opportunity', 'won') OR mql_at IS NOT NULL
          OR sql_at IS NOT NULL OR opportunity_at IS NOT NULL OR won_at IS NOT NULL) AS mqls
      FROM leads GROUP BY 1, 2)
    SELECT m, mqls, CASE WHEN k - lag(k) OVER w = 1
        THEN (mqls - lag(mqls) OVER w)::DOUBLE / nullif(lag(mqls) OVER w, 0) END AS lvr
    FROM g WINDOW w AS (ORDER BY m NULLS LAST) ORDER BY m NULLS LAST
    """

  /// The definition, for docs/metrics.md.
  static let summary = """
    `lead_velocity_rate()` is the month-on-month growth of qualified leads (MQLs),
    computed in `agg` with a month among the keys:

    ```
    leads | agg mqls = count_if(reached("mql")), lvr = lead_velocity_rate() by m = month(mql_at)
    ```

    - **Which months.** The calendar months of the first key that is a month
      (`month(...)`). Other keys split the series: `by channel, m = month(mql_at)`
      gives one series per channel, each month compared with the same channel's
      month before.
    - **Which count.** The MQLs of a group: its leads that reached mql,
      `count_if(reached("mql"))`: stage mql or later, or a date for mql or a later
      stage (`mql_at`, `sql_at`, `opportunity_at`, `won_at`). Grouped by
      `month(mql_at)` these are the leads that became MQLs in the month, the usual
      definition; grouped by `month(created_at)`, the leads created in the month that
      went on to qualify.
    - **Formula.** (MQLs of the month − MQLs of the month before) ÷ MQLs of the month
      before, a double shown as a percentage: 120 MQLs after 100 is 20%, 80 after 100
      is −20%.
    - **Null.** The first month of a series (it has no month before); a month whose
      previous calendar month has no row (no leads at all that month, so no count to
      grow from) or 0 MQLs; and the row of a null month (leads without `mql_at`).
      Never a division by zero.
    - **The last month** counts the MQLs so far: a month still running shows a fall.
      Keep whole months with a `where` on the date first.
    - It runs on `leads` (or rows with a text `stage` and an `mql_at` date), and
      stands only in `agg`, not in `compare`. The same in DuckDB's SQL, for a series
      by `m`:

    ```sql
    \(sql)
    ```
    """
}

extension AggregateCall {
  /// `lead_velocity_rate()`: a slot counting the group's MQLs, compared after
  /// the aggregation along the first month key (`PipelineBinder.bindAggregate`).
  func leadVelocityRate() throws -> BoundExpr {
    try call.arity(0...0, "no arguments")
    let example = "leads | agg lvr = lead_velocity_rate() by m = month(mql_at)"
    guard aggregation.allowsGrowth else {
      throw Diagnostic(
        message: "lead_velocity_rate() compares each month with the one before, so it stands only in agg",
        span: call.span, hints: ["as in: " + example])
    }
    guard let month = aggregation.keys.firstIndex(where: { $0.type == .period(.month) }) else {
      throw Diagnostic(
        message: "lead_velocity_rate() needs a month among the keys, to compare each month with the one before",
        span: call.span, hints: ["as in: " + example])
    }
    // Leads: the standard dataset, or rows with a text stage and an mql_at.
    let input = rows.scope
    let stage = input.index(of: "stage").map { input.types[$0] == .string } ?? false
    guard stage, input.origin == "leads" || input.index(of: "mql_at") != nil else {
      throw Diagnostic(
        message: "lead_velocity_rate() counts leads that reached mql, so it runs on leads, not \(input.label)",
        span: call.span,
        hints: ["as in: " + example, "rows of another name need a text column 'stage' and a date 'mql_at'"])
    }
    let mql = try rows.reached(Expr(.literal(.string("mql")), span: call.span))
    _ = aggregation.add(
      AggregateSpec(
        function: .countIf, argument: mql, type: .int, hint: .plain,
        site: ExprSite(span: call.span, text: "count_if(reached(\"mql\"))")))
    let slot = aggregation.keys.count + aggregation.specs.count - 1
    let key = aggregation.keys[month].name
    let others = aggregation.keys.indices.filter { $0 != month }.map { aggregation.keys[$0].name }
    let over = (others.isEmpty ? "" : "by " + others.joined(separator: ", ") + " ") + "sort " + key
    aggregation.growth.append((slot, month, ExprSite(span: call.span, text: "\(LeadVelocity.name)() over (\(over))")))
    // The slot's column until the window step's replaces it; typed as the rate it becomes.
    return .column(slot, .double, .rate)
  }
}
