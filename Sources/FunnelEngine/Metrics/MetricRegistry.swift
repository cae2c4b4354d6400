import FunnelData

/// The built-in metrics, one row each: `.explain`, `.help metrics`, completion
/// and docs/metrics.md are all built from `all`, so they cannot drift apart.
public enum MetricRegistry {
  /// Every built-in metric, sales side first, then the funnel, then marketing.
  public static let all: [MetricDefinition] = salesMetrics + funnelMetrics + marketingMetrics

  /// The metric called `name` (or by a former name), or nil.
  public static func named(_ name: String) -> MetricDefinition? {
    let current = formerNames[name] ?? name
    return all.first { $0.name == current }
  }

  /// Names a metric had before, still accepted (the column keeps the name
  /// written) for one release, with the name to use instead.
  public static let formerNames = ["sql_acceptance_rate": "mql_to_sql_rate"]

  /// The content of docs/metrics.md.
  public static func markdown() -> String {
    var out = """
      # Metrics

      The built-in metrics of Funnel, callable in `agg` like any aggregate
      (`deals | agg win_rate(), avg_deal_size() by owner`). `.explain <metric>` shows
      the same entry at the prompt. This file is generated from the metric table in
      the source (`MetricRegistry`); a test keeps it equal to that table.

      ## How a metric reaches its data

      A metric computes over the rows it is given and reaches the other standard
      datasets through their ids:

      - over `campaigns`: spend, impressions and clicks come from the group's rows;
        leads and deals are those whose `campaign_id` is one of the group's campaigns;
      - over `leads`: deals are those whose `lead_id` is one of the group's leads;
        spend comes from the campaigns of the group's distinct `campaign_id`s;
      - over `deals`: stage and amount come from the rows; spend from the campaigns of
        their `campaign_id`s; leads are those of their `lead_id`s;
      - over `touches`: leads and deals through `lead_id`, spend through `campaign_id`.

      Every metric is a double. A division by zero gives null, and so does spend when
      the group reaches no campaign; won revenue and pipeline are 0 when there are no
      such deals. Each SQL query below computes the metric over the whole data, the
      way `<first dataset listed> | agg <metric>` does, in DuckDB's dialect over the
      standard tables. A lead reached a stage when its `stage` is that stage or a
      later one (`lost` reaches none but `lead`), or it has a date for it (`mql_at`,
      `sql_at`, `opportunity_at`, `won_at`).

      | metric | formula | shown as |
      |---|---|---|

      """
    for m in all { out += "| `\(m.signature)` | \(m.formula) | \(m.hint.rawValue) |\n" }
    for m in all {
      out += """

        ## \(m.signature)

        \(m.formula).

        - **Marketing:** \(m.marketing)
        - **Sales:** \(m.sales)
        - **Datasets:** \(m.datasets.joined(separator: ", "))
        - **Shown as:** \(m.hint.rawValue)

        ```sql
        \(m.sql)
        ```

        """
    }
    out += """

      ## Former names

      These names still work, for one release, and give the column the name
      written; scripts should move to the new one.

      | former name | now |
      |---|---|

      """
    for (old, new) in formerNames.sorted(by: { $0.key < $1.key }) { out += "| `\(old)()` | `\(new)()` |\n" }
    out += """

      ## Attribution models

      `deals | attribute <model> [by <keys>]` shares each deal among the touches of
      its lead (`touches.lead_id`) on or before its `closed_at` (today for an open
      deal), in order of `touched_at`, then `touch_id`. A key is a column of the
      touched campaign (`campaign_id` is read from the touch), or else of the touch;
      without keys the credit goes to each campaign (`campaign_id`, `name`). Deals
      with no such touch form a row of their own keyed `(no touch)` (null for keys
      that are not text). The columns are the keys, `deals` (the credited share of
      deals) and `revenue`; one deal's shares always sum to 1 and its credits to its
      amount.

      | model | rule |
      |---|---|

      """
    for r in AttributionModel.rules { out += "| `\(r.name)` | \(r.rule) |\n" }
    out += "\n## Funnel\n\n" + FunnelVerb.summary + "\n"
    out += "\n## Cohorts\n\n" + CohortVerb.summary + "\n"
    out += "\n## Scorecard\n\n" + ScorecardVerb.summary + "\n"
    return out
  }
}
