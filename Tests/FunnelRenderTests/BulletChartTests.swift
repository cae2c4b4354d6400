import FunnelData
import Testing

@testable import FunnelRender

@Suite struct BulletChartTests {
  static let request = ChartRequest(
    kind: .bullet, label: "name", value: "spend", target: "budget", mark: "elapsed")

  static func table(_ rows: [(String, Double?, Double?, Double?)]) -> Table {
    Table(
      names: ["name", "budget", "spend", "elapsed"],
      columns: [
        Column.make(.string, rows.map { .string($0.0) }),
        Column.make(.double, rows.map { $0.1.map(Value.double) ?? .null }),
        Column.make(.double, rows.map { $0.2.map(Value.double) ?? .null }),
        Column.make(.double, rows.map { $0.3.map(Value.double) ?? .null }),
      ])
  }

  static func lines(_ t: Table, width: Int = 60) -> [String] {
    ChartRenderer.render(t, chart: request, options: RenderOptions(width: width)).split(separator: "\n")
      .map(String.init)
  }

  /// Within the budget every row's track is the whole area; the mark sits at the elapsed share.
  @Test func spendAndMarkOnEachRowsBudget() {
    let lines = Self.lines(Self.table([("a", 100, 50, 0.25), ("b", 1000, 1000, 1)]))
    #expect(lines.count == 3)
    #expect(lines[2] == "█ spend  ░ rest of budget  │ elapsed")
    for line in lines.prefix(2) { #expect(TerminalText.width(line) == 60) }
    // 60 − label (1) − text ("1,000 of 1,000", 14) − 4 = 41 cells a track.
    let a = Array(lines[0].dropFirst(3).prefix(41))
    #expect(a.filter { $0 == "█" }.count == 20 && a.filter { $0 == "░" }.count == 20)
    #expect(a[10] == "│")
    let b = Array(lines[1].dropFirst(3).prefix(41))
    #expect(b.filter { $0 == "█" }.count == 40 && b[40] == "│")
    #expect(lines[0].hasSuffix("   50 of 100") && lines[1].hasSuffix("1,000 of 1,000"))
  }

  /// Spend past the budget runs past the track; the tracks shrink to make room.
  @Test func overspendRunsPastTheTrack() {
    let lines = Self.lines(Self.table([("a", 100, 150, 1), ("b", 100, 50, 0.5)]))
    let a = lines[0].filter { $0 == "█" || $0 == "│" }.count
    let b = lines[1].filter { "█░│".contains($0) }.count
    #expect(a > b && b > 0)
    #expect(Double(a) / Double(b) > 1.45 && Double(a) / Double(b) < 1.55)
  }

  @Test func noBudgetNoBarAndNoShareNoMark() {
    let lines = Self.lines(Self.table([("a", 0, 10, 0.5), ("b", 100, 10, nil)]))
    #expect(!lines[0].contains("█") && !lines[0].contains("│"))
    #expect(lines[1].contains("█") && !lines[1].contains("│"))
  }

  @Test func missingColumnsAreSaid() {
    let t = Self.table([("a", 100, 50, 0.5)])
    var r = Self.request
    r.mark = "elapsed_share"
    #expect(
      ChartRenderer.render(t, chart: r, options: RenderOptions()).hasPrefix("cannot draw a bullet chart: no column"))
    r.mark = "name"
    #expect(
      ChartRenderer.render(t, chart: r, options: RenderOptions())
        == "cannot draw a bullet chart of 'name': it is text, not a number")
  }
}
