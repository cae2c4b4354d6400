import FunnelData

/// `campaigns | pacing [by keys]`: spend against budget and against the share
/// of the flight gone by (see `summary`).
///
/// For a campaign running 2026-06-01..2026-06-30 with a budget of 3,000 and
/// a spend of 1,500, on 2026-06-10 (today counts, so 10 of 30 days):
/// ```
/// budget  spend  elapsed_share  spent_share  pace  flag
///  3,000  1,500         0.3333          0.5   1.5  over
/// ```
///
/// The verb stands for a pipeline of existing steps (`expansion`): a
/// derive of each campaign's elapsed share, an aggregation by the keys, a
/// derive of the shares, the pace and the flag. So every engine runs it as
/// written, and each SQL dialect compiles it as it compiles those steps.
public enum PacingVerb {
  /// The rules in words (docs/metrics.md, `.explain pacing`).
  public static let summary = """
    `campaigns | pacing [by <keys>]` sets each campaign's spend against its
    budget and its flight (start_date to end_date, both days in the flight).
    Without keys there is one row per campaign (campaign_id and name); with
    keys, one per key group, in key order. The spend is `campaigns.spend` as
    it stands: the spend to date of the export, which is what an ads manager
    reads in the ad platform (`costs` holds no spend by campaign, so it cannot
    say when a campaign's money went). A campaign's elapsed share is 0 before
    its start_date, (days from start_date to today, today included) ÷ (days
    in the flight) within it, and 1 after its end_date; today is `today()`
    (FUNNEL_TODAY fixes it), and a campaign with no start_date or end_date
    has none. Per row: `budget` and `spend` are sums; `elapsed_share` is the
    budget-weighted mean of the campaigns' elapsed shares (the sum of budget ×
    elapsed share ÷ the budget of the campaigns that have one; null when that
    budget is not above 0), so a group's expected spend is the sum of its
    campaigns'; `spent_share` is spend ÷ budget (null when the budget is null
    or not above 0); `pace` is spent_share ÷ elapsed_share (null when either
    is null or the elapsed share is 0). `flag` is `no budget` when the budget
    is null or not above 0, else `not started` when the elapsed share is 0
    (no flight of the row has begun; any spend shows in spent_share), else
    `over` when the pace is above 1.1 (more than 10% ahead of the flight),
    `under` when it is below 0.9, `on pace` from 0.9 to 1.1, and null when
    the elapsed share is unknown. After a flight ends its elapsed share is 1,
    so its pace is the share of the budget spent: an ended campaign that spent
    less than 90% of its budget is `under`, one that spent more than 110%
    `over`. `chart` after it draws a bullet bar a row: spend against budget,
    with a mark at the elapsed share.
    """

  /// The output columns after the keys.
  public static let columns = ["budget", "spend", "elapsed_share", "spent_share", "pace", "flag"]
  /// The keys without `by`: each campaign.
  static let campaignKeys = ["campaign_id", "name"]
  /// The hidden columns of the expansion, each starting with this.
  static let hidden = "__pacing_"

  /// The steps the verb stands for, as Funnel source; the aggregation's keys
  /// are set from the verb's after parsing.
  static let expansion = """
    campaigns
    | derive __pacing_elapsed = case when start_date == null or end_date == null then null
        when today() < start_date then 0.0 when today() > end_date then 1.0
        else (days_between(start_date, today()) + 1) / (days_between(start_date, end_date) + 1) end
    | agg budget = sum(budget), spend = sum(spend), __pacing_expected = sum(budget * __pacing_elapsed),
        __pacing_weight = sum(if(__pacing_elapsed == null, null, budget))
    | derive elapsed_share = if(__pacing_weight > 0, __pacing_expected / __pacing_weight, null),
        spent_share = if(budget > 0, spend / budget, null),
        pace = if(elapsed_share > 0, spent_share / elapsed_share, null),
        flag = case when budget == null or budget <= 0 then "no budget" when elapsed_share == null then null
          when elapsed_share == 0 then "not started" when pace > 1.1 then "over" when pace < 0.9 then "under"
          else "on pace" end
    | drop __pacing_expected, __pacing_weight
    """

  /// nil when rows with these columns and types can be paced.
  package static func check(names: [String], types: [DataType], keyed: Bool) -> MetricProblem? {
    func type(_ c: String) -> DataType? { names.firstIndex(of: c).map { types[$0] } }
    let needed = ["budget", "spend", "start_date", "end_date"] + (keyed ? [] : ["campaign_id"])
    for c in needed where type(c) == nil {
      return MetricProblem(
        message: "pacing needs \(c): the rows have no column \(c)",
        hints: [
          "run it over campaigns: campaigns | pacing by channel",
          "or map it when loading: .load campaigns FILE map \(c) = <your column>",
        ])
    }
    for c in ["budget", "spend"] {
      if let t = type(c), !t.isNumeric {
        return MetricProblem(message: "pacing needs \(c) to be a number, not \(t.name)")
      }
    }
    for c in ["start_date", "end_date"] where type(c) != .date {
      return MetricProblem(
        message: "pacing needs \(c) to be a date, not \(type(c)?.name ?? "missing")",
        hints: ["derive it: derive \(c) = date(\(c))"])
    }
    return nil
  }

  /// nil when no key is named as an output column or a hidden one.
  package static func checkKeyNames(_ names: [String]) -> MetricProblem? {
    for n in names where columns.contains(n) || n.hasPrefix(hidden) {
      return MetricProblem(
        message: "pacing gives a column \(n) of its own, so a key cannot be named \(n)",
        hints: ["name the key: pacing by \(n)_key = \(n)"])
    }
    return nil
  }
}
