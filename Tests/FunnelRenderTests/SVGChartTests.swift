import Foundation
import FunnelData
import Testing

@testable import FunnelRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The charts as SVG and the report page as HTML: well-formed XML for every
/// chart kind, data escaped, numbers as the terminal charts write them.
@Suite struct SVGChartTests {
  /// Whether `text` parses as XML; the parser's complaint otherwise.
  static func xmlProblem(_ text: String) -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse() ? nil : (parser.parserError.map { "\($0)" } ?? "not well-formed")
  }

  static func svg(_ table: Table, _ chart: ChartRequest) -> String {
    guard case .svg(let svg) = SVGChartRenderer.render(table, chart: chart) else { return "" }
    return svg
  }

  static let kinds: [(String, Table, ChartRequest)] = [
    ("bar", TestTables.channels, ChartRequest(kind: .bar)),
    ("bar of money with a null", TestTables.channels, ChartRequest(kind: .bar, label: "channel", value: "revenue")),
    ("line", TestTables.months, ChartRequest(kind: .line)),
    ("funnel", TestTables.funnel, ChartRequest(kind: .funnel)),
    ("forecast", ForecastChartTests.table, ChartRequest(kind: .forecast)),
    (
      "bullet",
      BulletChartTests.table([("email", 3000, 1500, 0.4), ("search", 3000, 3300, 1), ("none", nil, 10, nil)]),
      BulletChartTests.request
    ),
  ]

  @Test(arguments: kinds.indices)
  func everyKindIsWellFormedSVG(_ i: Int) throws {
    let (name, table, chart) = Self.kinds[i]
    let svg = Self.svg(table, chart)
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), "\(name)")
    #expect(Self.xmlProblem(svg) == nil, "\(name): \(Self.xmlProblem(svg) ?? "")")
    #expect(Self.xmlProblem(SVGChartRenderer.file(svg)) == nil, "\(name) as a file")
    #expect(svg.contains("viewBox=\"0 0 720 "), "\(name)")
  }

  @Test func numbersAreTheTerminalChartsNumbers() {
    let bar = Self.svg(TestTables.channels, ChartRequest(kind: .bar, label: "channel", value: "revenue"))
    for text in ["412,500.00", "190,221.75", "null"] { #expect(bar.contains(">\(text)</text>"), "\(text)") }
    let funnel = Self.svg(TestTables.funnel, ChartRequest(kind: .funnel))
    for text in ["20,000", "62.0%", "lead → won: 3.1% overall", "channel: email", "channel: paid"] {
      #expect(funnel.contains(">\(text)</text>"), "\(text)")
    }
    let terminal = ChartRenderer.render(TestTables.funnel, chart: ChartRequest(kind: .funnel), options: RenderOptions())
    #expect(terminal.contains("lead → won: 3.1% overall"))
    let line = Self.svg(TestTables.months, ChartRequest(kind: .line))
    #expect(line.contains(">min 500  max 1,180</text>"))
    #expect(line.contains(">month 2025-07 … 2026-06 (12 points)</text>"))
    let forecast = Self.svg(ForecastChartTests.table, ChartRequest(kind: .forecast))
    #expect(forecast.contains(">quota 100</text>") && forecast.contains(">no quota</text>"))
    let bullet = Self.svg(BulletChartTests.table([("email", 3000, 1500, 0.4)]), BulletChartTests.request)
    #expect(bullet.contains(">1,500 of 3,000</text>"))
    #expect(bullet.contains(">rest of budget</text>"))
  }

  @Test func dataIsEscaped() {
    let table = Table(
      names: ["name <&>", "n"],
      columns: [
        Column.make(.string, [.string("<script>alert('x')</script>"), .string("a\u{1B}]0;x\u{7}&\"b\u{202E}")]),
        Column.make(.int, [.int(3), .int(5)]),
      ])
    for kind in [ChartRequest.Kind.bar, .line] {
      let svg = Self.svg(table, ChartRequest(kind: kind))
      #expect(Self.xmlProblem(svg) == nil)
      #expect(!svg.contains("<script"))
      #expect(!svg.contains("\u{1B}") && !svg.contains("\u{202E}"))
    }
    let bar = Self.svg(table, ChartRequest(kind: .bar))
    #expect(bar.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(bar.contains("a\\u{1B}]0;x\\u{7}&amp;&quot;b\\u{202E}"))
    var report = HTMLReport(title: "R&D <report>")
    report.introduction = ["Answers: <b>who</b>"]
    report.add(ReportSection(heading: "<h1>", paragraphs: ["a & b"], statement: "x | y"), table: table, chart: nil)
    let page = report.page(footer: ["Data: <file>.csv"])
    #expect(Self.xmlProblem(page) == nil, "\(Self.xmlProblem(page) ?? "")")
    #expect(page.contains("<title>R&amp;D &lt;report&gt;</title>"))
    #expect(page.contains("<th>name &lt;&amp;&gt;</th>"))
    #expect(page.contains("<h2>&lt;h1&gt;</h2>") && page.contains("<p>a &amp; b</p>"))
    #expect(page.contains("<p><b>Answers:</b> &lt;b&gt;who&lt;/b&gt;</p>"))
    #expect(page.contains("<p>Data: &lt;file&gt;.csv</p>"))
    #expect(!page.contains("<script"))
  }

  @Test func aPageStandsAlone() {
    var report = HTMLReport()
    for (_, table, chart) in Self.kinds { report.add(ReportSection(statement: "t"), table: table, chart: chart) }
    report.add(ReportSection(heading: "a number"), text: "42")
    let page = report.page(footer: ["Run on 2026-07-01"])
    #expect(Self.xmlProblem(page) == nil, "\(Self.xmlProblem(page) ?? "")")
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"))
    #expect(page.contains("<title>Funnel report</title>"))
    // Nothing fetched: the only address is the SVG namespace.
    let addresses = page.components(separatedBy: "http").count - 1
    #expect(addresses == page.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
    #expect(!page.contains("<link") && !page.contains("<script") && !page.contains("@import") && !page.contains("url("))
    #expect(page.components(separatedBy: "<figure class=\"chart\">").count - 1 == Self.kinds.count)
    #expect(page.contains("<td class=\"num\">6,120</td>") && page.contains("<td class=\"null\">null</td>"))
  }

  @Test func aChartThatCannotBeDrawnSaysWhy() {
    #expect(
      SVGChartRenderer.render(TestTables.channels, chart: ChartRequest(kind: .bar, value: "nope"))
        == .message("cannot draw a bar chart: no column 'nope' (columns: channel, leads, revenue, win_rate)"))
    #expect(
      SVGChartRenderer.render(TestTables.channels.prefix(0), chart: ChartRequest(kind: .bar))
        == .message("(no rows to chart)"))
    var report = HTMLReport()
    report.add(ReportSection(), table: TestTables.channels, chart: ChartRequest(kind: .forecast))
    #expect(report.page(footer: []).contains("<p class=\"note\">cannot draw a forecast chart: no column &#39;won&#39;"))
  }

  @Test func manyBarsAreCutAndSaySo() {
    let svg = Self.svg(TestTables.grid(rows: 150, columns: 2), ChartRequest(kind: .bar, label: "c0", value: "c1"))
    #expect(svg.components(separatedBy: "<rect").count - 1 == SVGChartRenderer.maxBars)
    #expect(svg.contains(">150 bars; showing 100</text>"))
    let table = HTMLTable.html(TestTables.grid(rows: 1_200, columns: 2))
    #expect(table.contains("1,200 rows, 2 columns; showing 1,000"))
  }
}
