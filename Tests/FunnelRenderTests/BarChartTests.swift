import FunnelData
import Testing

@testable import FunnelRender

@Suite struct BarChartTests {
  static func blocks(_ line: String) -> Int { line.filter { "█▏▎▍▌▋▊▉▐".contains($0) }.count }

  @Test func oneLinePerRowWithItsValue() {
    let text = ChartRenderer.render(TestTables.channels, chart: ChartRequest(kind: .bar), options: RenderOptions())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("email ") && lines[0].hasSuffix("  6,120"))
    #expect(lines[1].hasPrefix("paid_search ") && lines[1].hasSuffix(" 12,400"))
    #expect(lines[2].hasPrefix("events ") && lines[2].hasSuffix(" 310"))
    for line in lines { #expect(TerminalText.width(line) == 80) }
  }

  @Test func theLargestValueHasTheLongestBar() {
    let lines = ChartRenderer.render(TestTables.channels, chart: ChartRequest(kind: .bar), options: RenderOptions())
      .split(separator: "\n").map(String.init)
    let lengths = lines.map(Self.blocks)
    #expect(lengths[1] == lengths.max())
    #expect(lengths[1] == 80 - "paid_search".count - "12,400".count - 4)
    #expect(lengths[0] > lengths[2] && lengths[2] > 0)
  }

  @Test func namedColumnsAndTheirHints() {
    let chart = ChartRequest(kind: .bar, label: "channel", value: "revenue")
    let lines = ChartRenderer.render(TestTables.channels, chart: chart, options: RenderOptions(width: 60))
      .split(separator: "\n").map(String.init)
    #expect(lines[0].hasSuffix("412,500.00"))
    #expect(lines[2].hasSuffix("null") && Self.blocks(lines[2]) == 0)
  }

  @Test func negativeValuesGrowLeftOfZero() {
    let table = Table(
      names: ["owner", "change"],
      columns: [
        Column.make(.string, [.string("ann"), .string("bob")]),
        Column.make(.int, [.int(100), .int(-100)]),
      ])
    let lines = ChartRenderer.render(table, chart: ChartRequest(kind: .bar), options: RenderOptions(width: 41))
      .split(separator: "\n").map(String.init)
    #expect(lines[1].hasSuffix("-100"))
    let zero = lines[0].firstIndex(of: "█").map { lines[0].distance(from: lines[0].startIndex, to: $0) } ?? -1
    let lastNegative = lines[1].lastIndex(of: "█").map { lines[1].distance(from: lines[1].startIndex, to: $0) } ?? -1
    #expect(lastNegative == zero - 1, "the negative bar ends where the positive one starts")
    #expect(Self.blocks(lines[0]) == Self.blocks(lines[1]))
  }

  @Test func colorOnlyWhenAsked() {
    let plain = ChartRenderer.render(TestTables.channels, chart: ChartRequest(kind: .bar), options: RenderOptions())
    #expect(!TestTables.hasEscape(plain))
    let colored = ChartRenderer.render(
      TestTables.channels, chart: ChartRequest(kind: .bar), options: RenderOptions(color: true))
    #expect(TestTables.hasEscape(colored))
  }

  @Test func rowLimitIsSaid() {
    let text = ChartRenderer.render(
      TestTables.channels, chart: ChartRequest(kind: .bar), options: RenderOptions(maxRows: 2))
    #expect(text.split(separator: "\n").last == "3 bars; showing 2")
  }

  @Test(arguments: [
    (ChartRequest(kind: .bar, value: "channel"), "cannot draw a bar chart of 'channel': it is text, not a number"),
    (
      ChartRequest(kind: .bar, label: "owner"),
      "cannot draw a bar chart: no column 'owner' (columns: channel, leads, revenue, win_rate)"
    ),
  ])
  func impossibleChartsSayWhy(chart: ChartRequest, message: String) {
    #expect(ChartRenderer.render(TestTables.channels, chart: chart, options: RenderOptions()) == message)
  }

  @Test func noRowsNoNumbers() {
    let empty = Table(names: ["channel", "n"], columns: [Column.make(.string, []), Column.make(.int, [])])
    #expect(
      ChartRenderer.render(empty, chart: ChartRequest(kind: .bar), options: RenderOptions()) == "(no rows to chart)")
    let text = Table(names: ["channel"], columns: [Column.make(.string, [.string("email")])])
    #expect(
      ChartRenderer.render(text, chart: ChartRequest(kind: .bar), options: RenderOptions())
        == "cannot draw a bar chart: the result has no numeric column")
  }
}
