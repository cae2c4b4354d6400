import FunnelData

/// One self-contained HTML page of results, for people to read and share:
/// a title and introduction, one section per result (heading, text, the
/// statement, the table, the chart as inline SVG), a footer. No script, no
/// external file, no web font: the CSS is inline and the charts are SVG, so
/// the file can be mailed or opened offline. The page scales to a phone:
/// a viewport meta, charts that shrink with the width (down to 540 px,
/// where their text is still legible; below that they scroll sideways),
/// tables that scroll sideways in their own box. Everything from the data is escaped
/// (`Markup`); the page is also well-formed XML.
///
/// ```swift
/// var report = HTMLReport(title: "Weekly forecast")
/// report.add(ReportSection(heading: "Slipped deals", statement: "deals | where slipped()"), table: t, chart: nil)
/// report.page(footer: ["Data: demo data, 20,000 leads, seed 42", "Run on 2026-07-01"])
/// // "<!DOCTYPE html>\n<html lang=\"en\">…<h2>Slipped deals</h2>…</html>\n"
/// ```
public struct HTMLReport {
  /// The page's `<title>` and heading.
  public var title: String?
  /// Paragraphs under the title.
  public var introduction: [String] = []
  /// The sections so far, as HTML.
  public private(set) var sections: [String] = []

  public init(title: String? = nil) { self.title = title }

  public var isEmpty: Bool { sections.isEmpty }

  /// A result: its table, then its chart when it asks for one.
  public mutating func add(_ section: ReportSection, table: Table, chart: ChartRequest?) {
    var body = HTMLTable.html(table)
    if let chart {
      switch SVGChartRenderer.render(table, chart: chart, title: section.heading ?? section.statement) {
      case .svg(let svg): body += "<figure class=\"chart\">\n" + svg + "\n</figure>\n"
      case .message(let message): body += "<p class=\"note\">" + Markup.escaped(message) + "</p>\n"
      }
    }
    sections.append(section.html(body: body))
  }

  /// Text as it would print (a scalar, a command's output), kept as it is laid out.
  public mutating func add(_ section: ReportSection, text: String) {
    sections.append(section.html(body: "<pre class=\"text\">" + Markup.escaped(text) + "</pre>\n"))
  }

  /// The whole page; `footer` lines (the data's source, when it ran) close it.
  public func page(footer: [String]) -> String {
    let name = title ?? "Funnel report"
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(Markup.escaped(name))</title>
      <style>
      \(HTMLReport.style)
      </style>
      </head>
      <body>
      <main>
      <h1>\(Markup.escaped(name))</h1>\n
      """
    for paragraph in introduction { out += "<p>" + ReportSection.inline(paragraph) + "</p>\n" }
    out += sections.joined()
    out += "<footer>\n"
    for line in footer { out += "<p>" + Markup.escaped(line) + "</p>\n" }
    out += "</footer>\n</main>\n</body>\n</html>\n"
    return out
  }

  /// The page's CSS: system fonts, one column as wide as a reading width,
  /// tables scrolling in their box, charts scaling down.
  static let style = """
    body { margin: 0; background: #fff; color: #1f2328; line-height: 1.45;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
    main { max-width: 960px; margin: 0 auto; padding: 12px 16px 24px; }
    h1 { font-size: 1.6em; margin: 0.3em 0 0.4em; }
    h2 { font-size: 1.2em; margin: 1.6em 0 0.3em; padding-bottom: 0.2em; border-bottom: 1px solid #d8dee4; }
    p { margin: 0.4em 0; }
    pre { margin: 0.5em 0; padding: 6px 8px; overflow-x: auto; background: #f6f8fa; border-radius: 4px;
      font-size: 0.85em; }
    pre.statement { color: #57606a; }
    .table { display: inline-block; vertical-align: top; overflow-x: auto; max-width: 100%; margin: 0.6em 0 0.2em;
      border: 1px solid #d8dee4;
      border-radius: 4px; }
    table { border-collapse: collapse; font-size: 0.9em; font-variant-numeric: tabular-nums; }
    th, td { padding: 4px 10px; text-align: left; white-space: nowrap; border-bottom: 1px solid #eaeef2; }
    th { background: #f6f8fa; }
    .num { text-align: right; }
    td.null { color: #8c959f; }
    .count, .note { font-size: 0.85em; color: #57606a; }
    figure.chart { margin: 0.8em 0; overflow-x: auto; }
    figure.chart svg { display: block; width: 100%; max-width: 720px; min-width: 540px; height: auto; }
    footer { margin-top: 2em; padding-top: 0.6em; border-top: 1px solid #d8dee4; font-size: 0.85em;
      color: #57606a; }
    """
}

/// What a report says about one result: a heading, paragraphs, and the
/// statement that made it.
public struct ReportSection {
  public var heading: String?
  public var paragraphs: [String]
  public var statement: String?

  public init(heading: String? = nil, paragraphs: [String] = [], statement: String? = nil) {
    self.heading = heading
    self.paragraphs = paragraphs
    self.statement = statement
  }

  func html(body: String) -> String {
    var out = "<section>\n"
    if let heading { out += "<h2>" + Markup.escaped(heading) + "</h2>\n" }
    for paragraph in paragraphs { out += "<p>" + ReportSection.inline(paragraph) + "</p>\n" }
    if let statement { out += "<pre class=\"statement\"><code>" + Markup.escaped(statement) + "</code></pre>\n" }
    return out + body + "</section>\n"
  }

  /// A paragraph's text, escaped; a leading `Label:` (the `Answers:` of a
  /// script's header) in bold.
  static func inline(_ text: String) -> String {
    if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 24,
      text[..<colon].allSatisfy({ $0.isLetter || $0 == " " }), text[..<colon].first?.isUppercase == true
    {
      return "<b>" + Markup.escaped(String(text[...colon])) + "</b>"
        + Markup.escaped(String(text[text.index(after: colon)...]))
    }
    return Markup.escaped(text)
  }
}
