import FunnelData
import FunnelEngine
import FunnelLanguage
import Testing

@testable import FunnelSQL

/// The built-in metrics compiled to SQL over the demo catalog: every metric
/// of the registry compiles in every dialect, over the rows it runs on and
/// with its options; a few pin the shape of the text.
@Suite struct MetricSQLTests {
  /// Each metric over its first dataset, grouped and not.
  static var registryCases: [String] {
    var out: [String] = []
    for m in MetricRegistry.all {
      var call = m.parameters.isEmpty ? "\(m.name)()" : "\(m.name)(\"mql\", \"won\")"
      if MetricOption.takesQuota.contains(m.name) { call = "\(m.name)(120000)" }
      let rows = m.datasets[0]
      let key = rows == "campaigns" ? "channel" : rows == "deals" ? "owner" : "region"
      out.append("\(rows) | agg v = \(call)")
      out.append("\(rows) | agg v = \(call) by \(key)")
    }
    return out
  }

  /// Options, other rows, and metrics beside plain aggregates.
  static let optionCases = [
    "leads | agg spend(), cpl(), roi(), roas(), ctr(), cost_per_opportunity() by region",
    "leads | agg cpl(share = \"touches\") by region",
    "campaigns | agg roi(\"linear\"), roas(\"w_shaped\"), marketing_cac(\"u_shaped\") by channel",
    "leads | agg roi(\"linear\", margin = 0.7), cac(\"first_touch\") by channel",
    "leads | agg cac_payback_months(margin = 0.7), p = cac_payback_months() by region",
    "leads | agg win_rate(), n = count(), r = win_rate() * 100 by channel",
    "campaigns | agg mql_rate(), win_rate(), pipeline_value() by channel",
    "leads | agg weighted_pipeline(), a = quota_attainment(quota = 500000), c = pipeline_coverage(500000) by channel",
    "deals | drop probability | agg weighted_pipeline() by owner",
    "touches | agg win_rate(), mql_rate() by kind",
    "deals | where stage == \"closed_won\" | agg sales_cycle_days(), median_sales_cycle_days()",
    "leads | agg c = conversion(\"lead\", \"sql\"), q = count_if(reached(\"sql\")), s = share(reached(\"mql\")) by region",
  ]

  @Test(arguments: SQLDialect.allCases)
  func everyMetricCompiles(dialect: SQLDialect) throws {
    for text in Self.registryCases + Self.optionCases {
      do {
        _ = try SQLFixture.sql(text, dialect)
      } catch {
        Issue.record("\(text) (\(dialect.rawValue)): \(error)")
      }
    }
  }

  @Test func aMarginScalesRevenue() throws {
    let sql = try SQLFixture.sql("campaigns | agg roi() by channel", .duckdb, parameters: ["gross_margin": "0.7"]).text
    #expect(sql.contains("* CAST(0.7 AS DOUBLE)"))
  }

  @Test func paybackDividesCacByMonthlyRevenueAtTheMargin() throws {
    let sql = try SQLFixture.sql(
      "campaigns | agg cac_payback_months() by channel", .duckdb, parameters: ["gross_margin": "0.8"]
    ).text
    #expect(sql.contains("/ CAST(12.0 AS DOUBLE) * CAST(0.8 AS DOUBLE)"))
  }

  @Test func speedToLeadCountsMicrosecondsExactlyInEachDialect() throws {
    let query = "leads | agg speed_to_lead_hours(), speed_to_lead_1h_share() by channel"
    let duck = try SQLFixture.sql(query, .duckdb).text
    #expect(duck.contains("epoch_us(t.\"touched_at\")"))
    #expect(duck.contains("NOT IN ('demo', 'sales_call', 'sales_email')"))
    #expect(try SQLFixture.sql(query, .postgres).text.contains("(EXTRACT(EPOCH FROM t.\"touched_at\") * 1000000)"))
    #expect(try SQLFixture.sql(query, .spark).text.contains("unix_micros(t.`touched_at`)"))
  }

  @Test func winRateJoinsItsFactsToTheGroups() throws {
    let duck = try SQLFixture.sql("deals | agg w = win_rate() by owner", .duckdb).text
    #expect(duck.contains("\"agg_rows\" AS (\n  SELECT \"owner\" AS \"_g0\", *"))
    #expect(duck.contains("LEFT JOIN \"metric\" f0 ON m.\"_g0\" IS NOT DISTINCT FROM f0.\"_g0\""))
    #expect(duck.contains("ORDER BY \"owner\" ASC NULLS LAST"))
    let pg = try SQLFixture.sql("deals | agg w = win_rate() by owner", .postgres).text
    #expect(pg.contains("AS DOUBLE PRECISION"))
    let spark = try SQLFixture.sql("deals | agg w = win_rate() by owner", .spark).text
    #expect(spark.contains("m.`_g0` <=> f0.`_g0`"))
    #expect(!spark.contains("\""))
  }

  @Test func spendOverLeadsIsSharedByEachCampaignsLeads() throws {
    let sql = try SQLFixture.sql("leads | agg cpl() by region", .postgres).text
    #expect(
      sql.contains(
        "\"metric_units\" AS (\n  SELECT \"campaign_id\" AS \"_cid\", COUNT(*) AS \"_units\"\n  FROM \"leads\""))
    #expect(sql.contains("/ u.\"_units\""))
    let touches = try SQLFixture.sql("leads | agg cpl(share = \"touches\") by region", .postgres).text
    #expect(touches.contains("FROM \"touches\"\n  WHERE \"campaign_id\" IS NOT NULL"))
  }

  @Test func medianCycleDaysPerDialect() throws {
    let statement = "deals | agg median_sales_cycle_days() by owner"
    #expect(try SQLFixture.sql(statement, .duckdb).text.contains("PERCENTILE_CONT(0.5) WITHIN GROUP"))
    #expect(try SQLFixture.sql(statement, .spark).text.contains("percentile(CASE WHEN"))
    #expect(try SQLFixture.sql(statement, .spark).text.contains("datediff("))
  }

  @Test func cacReadsTheCosts() throws {
    let sql = try SQLFixture.sql("campaigns | agg cac() by channel", .duckdb).text
    #expect(sql.contains("FROM \"costs\""))
  }
}
