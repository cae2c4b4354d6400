import FunnelData
import Testing

@testable import FunnelRender

@Suite struct FunnelChartTests {
  static let steps = ["lead", "mql", "sql", "opportunity", "won"]

  static func render(_ table: Table, color: Bool = false) -> [String] {
    ChartRenderer.render(table, chart: ChartRequest(kind: .funnel), options: RenderOptions(color: color))
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func everyStepWithCountAndConversion() {
    let lines = Self.render(TestTables.funnel)
    #expect(lines[0] == "channel: email")
    for (i, step) in Self.steps.enumerated() { #expect(lines[1 + i].hasPrefix(step + " ")) }
    #expect(lines[1].hasSuffix("20,000"))
    #expect(lines[2].hasSuffix("12,400  62.0%"))
    #expect(lines[3].hasSuffix("7,440  60.0%"))
    #expect(lines[5].hasSuffix("620  27.8%"))
    #expect(lines[6].trimmingPrefixSpaces == "lead → won: 3.1% overall")
    #expect(lines[7] == "")
    #expect(lines[8] == "channel: paid")
    #expect(lines[10].hasSuffix("4,000  50.0%"))
    for line in lines { #expect(TerminalText.width(line) <= 80) }
  }

  @Test func barsNarrowAndStayCentred() {
    let lines = Self.render(TestTables.funnel)[1...5]
    var previous = Int.max
    var centre: Int? = nil
    for line in lines {
      let chars = Array(line)
      let bar = chars.indices.filter { chars[$0] == "█" }
      guard let first = bar.first, let last = bar.last else {
        Issue.record("no bar in \(line)")
        continue
      }
      #expect(bar.count <= previous)
      previous = bar.count
      let mid = first + last
      if let centre { #expect(mid == centre, "centred: \(line)") } else { centre = mid }
    }
  }

  @Test func withoutKeysOrConversionColumns() {
    let table = Table(
      names: ["step", "count"],
      columns: [
        Column.make(.string, ["mql", "sql", "won"].map { .string($0) }),
        Column.make(.int, [.int(1000), .int(250), .int(0)]),
      ])
    let lines = Self.render(table)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("mql ") && lines[0].hasSuffix("1,000"))
    #expect(lines[1].hasSuffix("250  25.0%"))
    #expect(lines[2].hasSuffix("0   0.0%") && !lines[2].contains("█"))
    #expect(lines[3].trimmingPrefixSpaces == "mql → won: 0.0% overall")
  }

  @Test func plainTextWithoutColor() {
    #expect(!Self.render(TestTables.funnel).contains(where: TestTables.hasEscape))
    #expect(Self.render(TestTables.funnel, color: true).contains(where: TestTables.hasEscape))
  }

  @Test func barCellsKeepTheAreaParity() {
    #expect(FunnelChart.barCells(20_000, of: 20_000, area: 52) == 52)
    #expect(FunnelChart.barCells(12_400, of: 20_000, area: 52) == 32)
    #expect(FunnelChart.barCells(1, of: 20_000, area: 52) == 2)
    #expect(FunnelChart.barCells(1, of: 20_000, area: 51) == 1)
    #expect(FunnelChart.barCells(0, of: 20_000, area: 51) == 0)
  }
}

extension String {
  fileprivate var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
