import FunnelData
import Testing

@testable import FunnelRender

@Suite struct LineChartTests {
  @Test func sparklinePerNumericSeries() {
    let text = ChartRenderer.render(TestTables.months, chart: ChartRequest(kind: .line), options: RenderOptions())
    #expect(
      text == """
        month 2025-07 … 2026-06 (12 points)
        leads  ▁▁▂▂▃▄▄▄▅▆▇█  min 500  max 1,180
        won    ▁▁▂▂▃▄▄▄▅▆▇█  min 50  max 118
        """)
  }

  @Test func oneRequestedSeries() {
    let chart = ChartRequest(kind: .line, label: "month", value: "won")
    let lines = ChartRenderer.render(TestTables.months, chart: chart, options: RenderOptions())
      .split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines[1].hasPrefix("won  ▁"))
  }

  @Test func rowsOutOfOrderAreDrawnInTimeOrder() {
    let reversed = TestTables.months.gather((0..<12).reversed().map { Int32($0) })
    let text = ChartRenderer.render(reversed, chart: ChartRequest(kind: .line), options: RenderOptions())
    #expect(text.hasPrefix("month 2025-07 … 2026-06"))
    #expect(text.contains("▁▁▂▂▃▄▄▄▅▆▇█"))
  }

  @Test func longFormatDrawsOneSparklinePerKeyOnOneScale() {
    let q = Periods.parse("2026-Q1", unit: .quarter) ?? 0
    let table = Table(
      names: ["quarter", "channel", "revenue"],
      columns: [
        Column.make(.period(.quarter), [q, q, q + 1, q + 1, q + 2].map { .period($0, .quarter) }),
        Column.make(.string, ["email", "paid", "email", "paid", "email"].map { .string($0) }),
        Column.make(.decimal(scale: 2), [100, 800, 200, 400, 300].map { .int($0) }, hint: .money),
      ])
    let lines = ChartRenderer.render(table, chart: ChartRequest(kind: .line), options: RenderOptions())
      .split(separator: "\n").map(String.init)
    #expect(lines[0] == "quarter 2026-Q1 … 2026-Q3 (3 points)")
    // One scale for both keys: 100 → ▁, 800 → █; paid has no 2026-Q3 point (a space).
    #expect(lines[1] == "email  ▁▂▃  min 100.00  max 300.00")
    #expect(lines[2] == "paid   █▄   min 400.00  max 800.00")
  }

  @Test func longSeriesAreResampledToTheWidth() {
    let table = TestTables.grid(rows: 500, columns: 1)
    let points = LineChart.resample((0..<500).map { Double($0) }, to: 50)
    #expect(points.count == 50)
    #expect(points.first == 4.5)
    let text = ChartRenderer.render(table, chart: ChartRequest(kind: .line), options: RenderOptions(width: 60))
    for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 60) }
  }

  @Test func plainTextWithoutColor() {
    let plain = ChartRenderer.render(TestTables.months, chart: ChartRequest(kind: .line), options: RenderOptions())
    #expect(!TestTables.hasEscape(plain))
    let colored = ChartRenderer.render(
      TestTables.months, chart: ChartRequest(kind: .line), options: RenderOptions(color: true))
    #expect(TestTables.hasEscape(colored))
  }
}
