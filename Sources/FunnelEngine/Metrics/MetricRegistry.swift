import FunnelData

/// The built-in metrics, one row each: `.explain`, `.help metrics`, completion
/// and docs/metrics.md are all built from `all`, so they cannot drift apart.
public enum MetricRegistry {
  /// Every built-in metric, sales side first (with speed to lead), then the funnel, then marketing.
  public static let all: [MetricDefinition] = salesMetrics + responseMetrics + funnelMetrics + marketingMetrics

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
      - over `deals`: stage and amount come from the rows; leads are those of their
        `lead_id`s;
      - over `touches`: leads and deals through `lead_id`.

      Every metric is a double. A division by zero gives null, and so does spend when
      the group reaches no campaign; won revenue and pipeline are 0 when there are no
      such deals. Each SQL query below computes the metric over the whole data, the
      way `<first dataset listed> | agg <metric>` does, in DuckDB's dialect over the
      standard tables. A lead reached a stage when its `stage` is that stage or a
      later one (`lost` reaches none but `lead`), or it has a date for it (`mql_at`,
      `sql_at`, `opportunity_at`, `won_at`).

      ## Spend is shared, never counted twice

      A metric over the campaigns' own numbers (`spend`, `cpl`, `cac`,
      `marketing_cac`, `roi`, `roas`, `ctr`, `cost_per_opportunity`) runs on
      `campaigns` or on `leads`, and gives the same value on both for the whole data.

      - Over `campaigns`, a group's spend is the spend of its campaigns.
      - Over `leads`, each campaign's spend is shared among the groups in proportion
        to its leads in each: a campaign with spend s and L leads in the session's
        `leads` gives s ÷ L to each of its leads, and a group's spend is the sum over
        its leads. Grouped by any column (`leads | agg cpl() by region`), the groups'
        spend adds up to the spend of the campaigns that have leads, and a filter gives
        the value of its group (`where region == "LATAM"` = the LATAM row). Impressions
        and clicks are shared the same way. `share = "touches"` shares by the
        campaign's touches instead (`cpl(share = "touches")`): s ÷ T to each touch of
        the group's leads, T the campaign's touches in `touches`.
      - Over `leads`, only what a campaign bought counts: leads whose `campaign_id`
        is a campaign's (`cpl`), and deals whose `campaign_id` is (`roas`, `roi`,
        `cac`, `cost_per_opportunity`). So the leads value equals the campaigns value.
      - A campaign with no lead at all is in no group of leads (it has nothing to share
        its spend by); `campaigns | agg` counts it.
      - Over `deals` or `touches` these metrics are an error that says where they run:
        a deal's columns (`product`, `owner`) do not split a campaign's spend, and
        counting each campaign's whole spend in every group that holds one of its
        deals would count it several times.

      ## Which campaign a deal counts for

      `roi`, `roas`, `cac` and `marketing_cac` count won deals and their revenue for
      campaigns. By default \(CreditRule.defaultText). The rules: `source` (the
      default), and the attribution models below at their default weights.

      ## Options

      Options are written `name = value` in the call: `share = "leads"` or
      `"touches"` for the metrics over spend; `margin = 0.7` for `roi` and
      `cac_payback_months` (the gross margin revenue counts at; `.param gross_margin
      0.7` sets it for every call of either that does not write one; without either
      the margin is 1, revenue counted whole: the field's CAC payback is on gross
      margin, so set the margin you have); `model = "linear"` (or the rule by
      position, `roi("linear")`) for the metrics that credit deals; `quota =
      120000` (or the number by position, `quota_attainment(120000)`) for
      `quota_attainment` and `pipeline_coverage`.

      ## Quota metrics

      `quota_attainment(quota)` and `pipeline_coverage(quota)` are `forecast`'s
      attainment and coverage for the rows an `agg` groups, measured against the
      quota written in the call, an amount above 0. The quota is the call's
      because an agg's rows carry no period a quota is set for: `forecast` puts a
      won deal in the period of its closed_at and an open one in that of its
      expected_close, and matches each rep's quota in `quotas` to both; an agg
      groups each row once, by what its keys say. So filter the rows to the
      quota's rep and period first (`where owner == "Emily Carter" and
      quarter(expected_close) == "2026-Q3"`: a won deal's expected_close is its
      close date, as CRMs set it on closing and the demo data holds it; exactly as
      forecast reads it: `where (stage == "closed_won" and quarter(closed_at) ==
      "2026-Q3") or (stage != "closed_won" and quarter(expected_close) ==
      "2026-Q3")`), or use `forecast`, which reads the quotas dataset per rep
      and period. Called
      without a quota either metric is an error, pointed at the call, whose hint
      names forecast: never a number against a guessed quota.
      `weighted_pipeline()` needs no quota and runs wherever `pipeline_value()`
      runs (deals, or leads, campaigns and touches through their ids).

      ## The metrics

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
    out += attributionMarkdown
    out += "\n## Funnel\n\n" + FunnelVerb.summary + "\n"
    out += "\n## Cohorts\n\n" + CohortVerb.summary + "\n"
    out += "\n## Stage durations\n\n" + StageDurationsVerb.summary + "\n"
    out += "\n## Days in stage\n\n" + DaysInStage.summary + "\n"
    out += "\n## Deal age and slipped deals\n\n" + DealAge.summary + "\n"
    out += "\n## Forecast\n\n" + ForecastVerb.summary + "\n"
    out += "\n## Budget pacing\n\n" + PacingVerb.summary + "\n"
    out += "\n## Significance in compare\n\n" + Significance.summary + "\n"
    out += "\n## Scorecard\n\n" + ScorecardVerb.summary + "\n"
    out += "\n## Lead velocity rate\n\n" + LeadVelocity.summary + "\n"
    return out
  }
}
