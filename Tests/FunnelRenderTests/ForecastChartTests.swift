import FunnelData
import Testing

@testable import FunnelRender

/// The `forecast` verb's chart: stacked won, commit and rest of best case, the quota marked.
@Suite struct ForecastChartTests {
  /// Q2: won 60, commit 20, best case 40, quota 100; Q3: nothing won, commit
  /// 0, best case 40, no quota.
  static let table = Table(
    names: ["period", "won", "commit", "best_case", "quota"],
    columns: [
      Column.make(.period(.quarter), [.period(8105, .quarter), .period(8106, .quarter)]),
      Column.make(.double, [.double(60), .double(0)]),
      Column.make(.double, [.double(20), .double(0)]),
      Column.make(.double, [.double(40), .double(40)]),
      Column.make(.double, [.double(100), .null]),
    ])

  @Test func stacksAgainstTheQuota() {
    let text = ChartRenderer.render(Self.table, chart: ChartRequest(kind: .forecast), options: RenderOptions(width: 60))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0] == "█ won  ▓ commit  ░ rest of best case  │ quota")
    // The bar area is 60 - 7 (label) - 9 ("quota 100") - 4 = 40 cells, the
    // largest stack (100) ending at the 39th: won 23, commit 8, the rest 8,
    // and the quota in the last cell.
    let q2 = lines[1]
    #expect(q2.hasPrefix("2026-Q2  " + String(repeating: "█", count: 23) + String(repeating: "▓", count: 8)))
    #expect(q2.filter { $0 == "░" }.count == 8)
    #expect(q2.hasSuffix("│  quota 100"))
    // Q3: 40 of 100 is 16 cells of the rest of best case, and no quota.
    #expect(lines[2].filter { $0 == "░" }.count == 16 && !lines[2].contains("│"))
    #expect(lines[2].hasSuffix("no quota"))
  }

  @Test func aTableWithoutTheColumnsSaysSo() {
    let t = Table(names: ["period", "won"], columns: [Self.table.columns[0], Self.table.columns[1]])
    let text = ChartRenderer.render(t, chart: ChartRequest(kind: .forecast), options: RenderOptions(width: 60))
    #expect(text.hasPrefix("cannot draw a forecast chart: no column 'commit'"))
  }
}
