import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// The examples of LANGUAGE.md over the demo data.
@Suite struct DemoPipelineTests {
  static let demo = DemoData.generate(leads: 2000, seed: 1)

  static func catalog() -> Catalog { EngineFixture.catalog(demo) }

  func table(_ text: String, in catalog: Catalog = catalog()) throws -> (Table, ChartRequest?) {
    let prepared = try Engine.prepare(try EngineFixture.statement(text), in: catalog)
    guard case .table(let t, let chart) = try Engine.run(prepared, in: catalog, cancellation: Cancellation()) else {
      throw DiagnosticList([Diagnostic(message: "not a table")])
    }
    return (t, chart)
  }

  @Test func topOwnersByRevenue() throws {
    let (t, _) = try table(
      #"deals | where stage == "closed_won" | agg revenue = sum(amount), n = count() by owner | sort revenue desc | take 5"#
    )
    #expect(t.names == ["owner", "revenue", "n"])
    #expect(t.rowCount == 5)
    let revenue = (0..<t.rowCount).compactMap { t.columns[1].value(at: $0).doubleValue }
    #expect(revenue == revenue.sorted(by: >))
  }

  @Test func funnelIsDrawnAsAFunnel() throws {
    let (t, chart) = try table("leads | funnel")
    #expect(chart?.kind == .funnel)
    #expect(t.names == ["step", "count", "step_conversion", "overall_conversion", "drop_off", "median_days"])
    let (by, _) = try table("leads | funnel steps mql, sql, won by channel within 90d")
    #expect(by.names.first == "channel")
    #expect(by.rowCount % 3 == 0)
  }

  @Test func attributionCreditsCampaigns() throws {
    let (t, _) = try table(#"deals | where stage == "closed_won" | attribute linear by channel"#)
    #expect(t.names == ["channel", "deals", "revenue"])
    let (d, _) = try table(#"deals | where stage == "closed_won" | attribute time_decay(14d) by campaign_id"#)
    #expect(d.rowCount > 0)
  }

  @Test func cohorts() throws {
    let (t, _) = try table("leads | cohort month(created_at)")
    #expect(Array(t.names.prefix(2)) == ["cohort", "leads"])
    let (m, _) = try table("leads | cohort month(created_at) by months")
    #expect(m.names.contains("m0"))
  }

  @Test func compareQuartersWithAMetric() throws {
    let (t, _) = try table(
      #"deals | compare quarter(closed_at) "2026-Q1" vs "2026-Q2" on revenue = sum(amount), win_rate() by product"#)
    #expect(
      t.names == [
        "product", "metric", "2026-Q1", "2026-Q2", "change", "change_pct", "statistic", "df", "p_value", "ci_low",
        "ci_high", "significant",
      ])
    #expect(Set(EngineFixture.texts(t, "metric")) == ["revenue", "win_rate"])
    // The win rate is tested, the revenue (a sum) is not.
    let p = EngineFixture.texts(t, "p_value")
    let metric = EngineFixture.texts(t, "metric")
    #expect(zip(metric, p).allSatisfy { $0 == "revenue" ? $1.isEmpty : !$1.isEmpty })
  }

  @Test func scorecardIsASource() throws {
    let (t, _) = try table("scorecard")
    #expect(t.rowCount > 0)
    let (by, _) = try table("scorecard by channel")
    #expect(by.names.first == "channel")
  }

  @Test func metricsOverCampaigns() throws {
    let (t, _) = try table("campaigns | agg cpl(), roi() by channel")
    #expect(t.names == ["channel", "cpl", "roi"])
    let (w, _) = try table("deals | agg win_rate(), avg_deal_size(), pipeline_value() by owner | take 3")
    #expect(w.names == ["owner", "win_rate", "avg_deal_size", "pipeline_value"])
    #expect(w.column("win_rate")?.hint == .rate)
  }

  @Test func letOverAStandardNameRemapsAnExport() throws {
    let c = Self.catalog()
    c.setDataset(
      "pipeline",
      EngineFixture.table([
        ("deal_stage", .string, ["Won", "Lost", "Open"].map(EngineFixture.text)),
        (
          "close_value", .decimal(scale: 2),
          [.decimal(100, scale: 2), .decimal(200, scale: 2), .decimal(300, scale: 2)]
        ),
      ]))
    _ = try EngineFixture.run(
      #"let deals = pipeline | rename amount = close_value | derive stage = case deal_stage when "Won" then "closed_won" when "Lost" then "closed_lost" else "negotiation" end"#,
      in: c)
    let (t, _) = try table("deals | agg win_rate(), n = count()", in: c)
    #expect(EngineFixture.rows(t) == ["0.5|3"])
  }

  @Test func groupedAggregationOverTheDemo() throws {
    let (t, _) = try table(
      "leads | agg n = count(), sql = count_if(reached(\"sql\")), s = share(reached(\"won\")) by channel, region")
    let n = (0..<t.rowCount).compactMap { t.columns[2].value(at: $0).doubleValue }.reduce(0, +)
    #expect(Int(n) == Self.demo.leads.rowCount)
  }
}
