import Foundation
import Testing
@testable import FunnelEngine

/// docs/metrics.md is `MetricRegistry.markdown()`, and the table is complete.
@Suite struct MetricDocsTests {
  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/metrics.md")

  @Test func docsFileMatchesTheRegistry() throws {
    let expected = MetricRegistry.markdown()
    if ProcessInfo.processInfo.environment["FUNNEL_RECORD"] == "1" {
      try expected.write(to: Self.docs, atomically: true, encoding: .utf8)
    }
    let text = try String(contentsOf: Self.docs, encoding: .utf8)
    #expect(text == expected, "docs/metrics.md is stale: run the tests with FUNNEL_RECORD=1 and review the diff")
  }

  @Test func everyMetricIsDefinedAndComputable() {
    let names = MetricRegistry.all.map(\.name)
    #expect(Set(names).count == names.count)
    for required in ["win_rate", "avg_deal_size", "sales_cycle_days", "pipeline_value", "pipeline_velocity",
      "conversion", "cpl", "cac", "roi", "roas", "ctr", "mql_rate", "sql_acceptance_rate", "cost_per_opportunity",
      "avg_touches_to_close"]
    {
      #expect(MetricRegistry.named(required) != nil, "\(required)")
      #expect(MetricNeeds.of(required) != nil, "\(required)")
    }
    for m in MetricRegistry.all {
      #expect(!m.formula.isEmpty && !m.marketing.isEmpty && !m.sales.isEmpty && m.sql.hasPrefix("SELECT"))
    }
  }
}
