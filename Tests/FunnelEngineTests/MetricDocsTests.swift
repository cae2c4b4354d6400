import Foundation
import FunnelData
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

  /// The worked example's amounts are what the binary prints for it: the first
  /// table of its golden script, a column per model and a row per touch.
  @Test func attributionExampleIsTheGoldenScriptsOutput() throws {
    let out = Self.docs.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Tests/Scripts/vocabulary/attribution_worked_example.out")
    let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
    // Cells are apart by two spaces or more; a touch's name has single spaces.
    func cells(_ line: String) -> [String] {
      line.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    let header = cells(try #require(lines.first))
    let example = MetricRegistry.attributionExample
    let rows = lines.dropFirst(2).prefix(example.touches.count).map(cells)
    #expect(rows.count == example.touches.count)
    for (i, row) in rows.enumerated() {
      #expect(example.touches[i].hasPrefix(row[0] + ","), "touch \(i + 1): \(row[0])")
    }
    #expect(header.dropFirst().elementsEqual(example.credits.map(\.model)))
    for (m, credit) in example.credits.enumerated() {
      #expect(rows.map { $0[m + 1] } == credit.amounts, "\(credit.model)")
    }
  }

  @Test func everyMetricIsDefinedAndComputable() {
    let names = MetricRegistry.all.map(\.name)
    #expect(Set(names).count == names.count)
    for required in [
      "win_rate", "avg_deal_size", "sales_cycle_days", "pipeline_value", "pipeline_velocity",
      "conversion", "cpl", "cac", "roi", "roas", "ctr", "mql_rate", "mql_to_sql_rate", "cost_per_opportunity",
      "avg_touches_to_close",
    ] {
      #expect(MetricRegistry.named(required) != nil, "\(required)")
    }
    for m in MetricRegistry.all {
      #expect(!m.formula.isEmpty && !m.marketing.isEmpty && !m.sales.isEmpty && m.sql.hasPrefix("SELECT"))
    }
  }

  /// Every metric's SQL template is ANSI SQL over `{rows}` that reads what the metric needs.
  @Test func everyMetricHasAnSQLTemplateReadingItsNeeds() {
    for m in MetricRegistry.all {
      let sql = m.sqlTemplate
      #expect(sql.hasPrefix("SELECT r.group_id,") && sql.contains("FROM {rows} AS r"), "\(m.name)")
      #expect(sql.contains("AS \(m.name)\n"), "\(m.name)")
      // DuckDB's shorthands are not ANSI.
      for dialect in ["::", "FILTER (", "median(", "nullif(", "count("] { #expect(!sql.contains(dialect), "\(m.name)") }
      var columns = (m.needs.deals ?? []) + (m.needs.campaigns ?? [])
      for stage in m.needs.leadStages ?? [] where stage != .lead { columns += ["stage", stage.dateColumn] }
      if m.needs.touches { columns += ["touches", "touched_at", "lead_id"] }
      for c in columns { #expect(sql.contains(c), "\(m.name) does not read \(c)") }
      for dataset in m.datasets.dropFirst() { #expect(sql.contains(" \(dataset) AS "), "\(m.name): \(dataset)") }
      for (i, _) in m.parameters.enumerated() { #expect(sql.contains("{reached_\(["a", "b"][i])}"), "\(m.name)") }
    }
  }

  /// Every row computes: over the fixture each metric gives a number for the data it is computed over.
  @Test func everyMetricComputesAValue() throws {
    for m in MetricRegistry.all {
      let origin = m.datasets[0]
      let input = try #require(VocabularyFixture.datasets(origin))
      let arguments: [Value] = m.parameters.isEmpty ? [] : [.string("mql"), .string("sql")]
      let c = try MetricEvaluator.evaluate(
        m.name, arguments: arguments, input: input,
        grouping: .single(rows: input.rowCount), context: VocabularyFixture.context(origin))
      #expect(c.value(at: 0).doubleValue != nil, "\(m.name) over \(origin)")
    }
  }
}
