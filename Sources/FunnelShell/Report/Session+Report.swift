import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelRender

/// The page `--format html` and `.mode html` gather results into, one
/// section a result, written once when the output ends (the end of the
/// script, `.output`, a `.mode` that leaves html, or exit).
final class ReportPage {
  var report = HTMLReport()
  /// When the first result came, for the footer.
  let started = Date()
}

extension Session {
  /// A result in html mode: a section of the page, described by the
  /// comments above the statement that made it.
  func addToReport(_ table: Table, chart: ChartRequest?) {
    let page = openReport()
    page.report.add(describedSection(), table: table, chart: chart)
    noteReportGrowth(page)
  }

  /// A scalar, or a command's output in a script, as text on the page.
  func addToReport(text: String) {
    let page = openReport()
    page.report.add(describedSection(), text: text)
    noteReportGrowth(page)
  }

  private func openReport() -> ReportPage {
    if let reportPage { return reportPage }
    let page = ReportPage()
    reportPage = page
    return page
  }

  /// At the prompt a result in html mode shows nothing, so a note says where it went.
  private func noteReportGrowth(_ page: ReportPage) {
    guard interactive else { return }
    note(
      "html: added to the page (" + Counts.of(page.report.sections.count, "result")
        + "); it is written at .output, at a .mode other than html, or on exit")
  }

  /// The section for the statement running now: the comments above it, its
  /// text; the script's header becomes the page's title the first time.
  private func describedSection() -> ReportSection {
    guard let (statement, source) = runningStatement else { return ReportSection() }
    let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
    if let page = reportPage, page.report.title == nil, page.report.isEmpty,
      let header = ReportComments.header(in: lines)
    {
      page.report.title = header.heading
      page.report.introduction = header.paragraphs
    }
    let described = ReportComments.above(line: statement.span.line, in: lines)
    return ReportSection(
      heading: described?.heading, paragraphs: described?.paragraphs ?? [], statement: statement.text)
  }

  /// Writes the page gathered so far, if any, to the output, and starts afresh.
  func writeReport() {
    guard let page = reportPage else { return }
    reportPage = nil
    guard !page.report.isEmpty else { return }
    writeOutput(page.report.page(footer: reportFooter(ranAt: page.started)))
  }

  /// `Data: demo data, 20,000 leads, seed 42` and `Run on 2026-07-01 09:30 UTC`
  /// (the day alone when FUNNEL_TODAY fixes it, so a page can be compared).
  func reportFooter(ranAt date: Date) -> [String] {
    var sources = dataSources.map { $0.name == nil ? $0.origin : "\($0.name ?? "") from \($0.origin)" }
    if sources.isEmpty { sources = ["none loaded"] }
    let when: String
    if environment["FUNNEL_TODAY"] != nil {
      when = CivilDate(daysSinceEpoch: catalog.today).description
    } else {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
      when = formatter.string(from: date)
    }
    return ["Data: " + sources.joined(separator: "; "), "Run on " + when]
  }

  /// `save "x.html"` (the result as a page of its own, with its chart) or
  /// `save "x.svg"` (the chart alone), written atomically.
  func saveDrawn(_ table: Table, chart: ChartRequest?, to path: String, _ statement: Statement, in source: SourceText)
    throws
  {
    guard let format = DrawnFormat(path: path) else { return }
    let span = Self.savedPathSpan(statement) ?? statement.span
    let text: String
    let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
    let described = ReportComments.above(line: statement.span.line, in: lines)
    switch format {
    case .html:
      var report = HTMLReport(title: described?.heading)
      report.add(
        ReportSection(paragraphs: described?.paragraphs ?? [], statement: statement.text), table: table, chart: chart)
      text = report.page(footer: reportFooter(ranAt: Date()))
    case .svg:
      guard let chart else { return }
      switch SVGChartRenderer.render(table, chart: chart, title: described?.heading ?? statement.text) {
      case .svg(let svg): text = SVGChartRenderer.file(svg)
      case .message(let message): throw Diagnostic(message: "cannot save \(path): \(message)", span: span)
      }
    }
    do {
      try SafeFileWriter.write(Array(text.utf8), to: path)
    } catch let e as FileError {
      throw Diagnostic(message: "cannot save: \(e.message)", span: span, hints: ["path: \(e.path)"])
    }
    let what = format == .svg ? "a \(chart?.kind.rawValue ?? "") chart of " : ""
    note(
      "saved \(what)" + Counts.of(table.rowCount, "row") + ", " + Counts.of(table.columnCount, "column") + " to \(path)"
    )
  }

  /// The span of the path of a pipeline's final `save`.
  static func savedPathSpan(_ statement: Statement) -> Span? {
    guard case .run(let pipeline) = statement.kind, case .save(_, let span)? = pipeline.stages.last?.kind else {
      return nil
    }
    return span
  }
}
