/// One line of help per stage keyword, with an example that runs on the demo
/// data as written (`.help stages`, `.help where`).
struct StageHelp: Sendable {
  let keyword: String
  let usage: String
  let summary: String
  let example: String

  /// In the order of `Keywords.stages`.
  static let all: [StageHelp] = [
    StageHelp(
      keyword: "where", usage: "where PREDICATE",
      summary: "keep the rows where the predicate is true (null counts as false)",
      example: "deals | where stage == \"closed_won\" and amount > 20000 | take 5"),
    StageHelp(
      keyword: "filter", usage: "filter PREDICATE", summary: "the same as where",
      example: "leads | filter region == \"EMEA\" | count by channel"),
    StageHelp(
      keyword: "select", usage: "select COL | NAME = EXPR, ...",
      summary: "keep or compute exactly these columns, in order",
      example: "deals | select deal_id, owner, amount, days = closed_at - created_at | take 5"),
    StageHelp(
      keyword: "derive", usage: "derive NAME = EXPR, ...",
      summary: "add or replace columns, keeping the rest; the place of window functions (.help windows)",
      example: "leads | derive age_days = days_between(created_at, today()) | take 5"),
    StageHelp(
      keyword: "drop", usage: "drop COL, ...", summary: "remove columns",
      example: "leads | drop mql_at, sql_at, opportunity_at, won_at, lost_at | take 5"),
    StageHelp(
      keyword: "rename", usage: "rename NEW = OLD, ...", summary: "rename columns",
      example: "deals | rename rep = owner | take 5"),
    StageHelp(
      keyword: "agg", usage: "agg NAME = AGGREGATE, ... [by KEY, ...]",
      summary: "aggregate, one row per group, keys first",
      example: "deals | where stage == \"closed_won\" | agg revenue = sum(amount), n = count() by owner"),
    StageHelp(
      keyword: "count", usage: "count [by KEY, ...]", summary: "rows per group (agg count = count() by ...)",
      example: "leads | count by stage"),
    StageHelp(
      keyword: "sort", usage: "sort EXPR [asc|desc], ...", summary: "stable sort, nulls last",
      example: "campaigns | sort spend desc | take 5"),
    StageHelp(keyword: "take", usage: "take N", summary: "the first N rows", example: "touches | take 3"),
    StageHelp(
      keyword: "top", usage: "top N by EXPR", summary: "the N rows with the largest EXPR (sort desc, take N)",
      example: "deals | top 5 by amount"),
    StageHelp(
      keyword: "distinct", usage: "distinct [COL, ...]", summary: "unique rows (over the named columns)",
      example: "leads | distinct channel, region"),
    StageHelp(
      keyword: "join", usage: "join [left] DATASET on COL [== COL]",
      summary: "equi-join; clashing names get the dataset's prefix",
      example: "deals | join campaigns on campaign_id | agg revenue = sum(amount) by channel"),
    StageHelp(
      keyword: "funnel", usage: "funnel [steps S, ...] [by KEY, ...] [within DURATION]",
      summary: "leads reaching each stage: counts, conversions, drop-off, median days",
      example: "leads | funnel steps mql, sql, won by channel within 90d"),
    StageHelp(
      keyword: "attribute", usage: "attribute MODEL[(SHARES)] [on pipeline] [by KEY, ...]",
      summary:
        "credit revenue (pipeline, or leads) to campaigns through touches (first_touch, last_touch, linear, "
        + "time_decay, u_shaped, w_shaped, full_path, j_shaped, inverse_j)",
      example: "deals | where stage == \"closed_won\" | attribute linear by channel"),
    StageHelp(
      keyword: "cohort", usage: "cohort PERIOD-EXPR [by KEY, ...]",
      summary: "conversion of leads grouped by when they arrived",
      example: "leads | cohort month(created_at)"),
    StageHelp(
      keyword: "stage_durations", usage: "stage_durations [by KEY, ...]",
      summary:
        "days deals (from stage_changes) or leads (from their stage dates) spend in each open stage: "
        + "entered, exited, mean and median days, still open and their median age",
      example: "deals | stage_durations by product"),
    StageHelp(
      keyword: "forecast", usage: "forecast PERIOD-EXPR [by KEY, ...]",
      summary:
        "won, commit, weighted and best case per period against quotas: quota, attainment, coverage, gap "
        + "(won deals by closed_at, open ones by expected_close)",
      example: "deals | forecast quarter(expected_close) by owner"),
    StageHelp(
      keyword: "pacing", usage: "pacing [by KEY, ...]",
      summary:
        "campaigns' spend against budget and the share of the flight gone by: elapsed and spent shares, pace, "
        + "and a flag beyond 10% over or under",
      example: "campaigns | pacing by channel | chart"),
    StageHelp(
      keyword: "compare", usage: "compare EXPR A vs B on AGGREGATE, ... [by KEY, ...]",
      summary: "two periods or groups side by side, with the change",
      example:
        "deals | compare quarter(closed_at) \"2026-Q1\" vs \"2026-Q2\" on revenue = sum(amount), win_rate() by product"),
    StageHelp(
      keyword: "chart", usage: "chart [bar|line] [X, Y]",
      summary: "draw the result: bars, or a line over a period (bare chart over months or days)",
      example: "deals | where stage == \"closed_won\" | agg revenue = sum(amount) by product | chart bar"),
    StageHelp(
      keyword: "save", usage: "save \"PATH\"",
      summary:
        "write the result to a file (.csv .tsv .json .jsonl .md) and pass it on; last, .html (a page: table"
        + " and chart) or .svg (the chart alone)",
      example: "leads | count by channel | save \"/tmp/leads_by_channel.csv\""),
  ]

  static func named(_ keyword: String) -> StageHelp? { all.first { $0.keyword == keyword } }
}
