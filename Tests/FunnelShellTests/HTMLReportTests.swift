import Foundation
import FunnelData
import Testing

@testable import FunnelShell

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `--format html`, `.mode html`, `save "x.html"` and `save "x.svg"`: one
/// page a run, headed by the script's comments, and charts as files.
@Suite struct HTMLReportTests {
  static func wellFormed(_ text: String) -> Bool { XMLParser(data: Data(text.utf8)).parse() }

  static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "funnel-html-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static let script = """
    #!/usr/bin/env funnel
    # Weekly numbers: the funnel and the channels.
    #
    # Read by:    everyone.

    .param default since 2025-07-01

    # The funnel: every lead, stage by stage.
    leads | funnel

    # Channels
    # Most leads first.
    leads | agg n = count() by channel | sort n desc | chart bar

    1 + 2
    """

  @Test func aScriptMakesOnePageWrittenAtTheEnd() throws {
    let t = TestSession()
    t.session.format = .html
    #expect(t.run(Self.script, name: "weekly.funnel"), "\(t.err)")
    #expect(t.out.isEmpty, "nothing before the end")
    #expect(t.session.finish())
    let page = t.out
    #expect(page.components(separatedBy: "<!DOCTYPE html>").count == 2)
    #expect(Self.wellFormed(page))
    #expect(page.contains("<title>Weekly numbers</title>") && page.contains("<h1>Weekly numbers</h1>"))
    #expect(page.contains("<p>The funnel and the channels.</p>"))
    #expect(page.contains("<p><b>Read by:</b> everyone.</p>"))
    #expect(page.contains("<h2>The funnel</h2>\n<p>Every lead, stage by stage.</p>"))
    #expect(page.contains("<h2>Channels</h2>\n<p>Most leads first.</p>"))
    #expect(page.contains("<pre class=\"statement\"><code>leads | funnel</code></pre>"))
    #expect(page.components(separatedBy: "<svg ").count == 3, "the funnel and the bars")
    #expect(page.contains("<pre class=\"text\">3</pre>"))
    #expect(page.contains("<p>Data: demo data, 500 leads, seed 42</p>\n<p>Run on 2026-07-01</p>"))
    #expect(t.err.isEmpty)
  }

  @Test func theModeWritesThePageWhenItChangesOrTheOutputCloses() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t = TestSession()
    #expect(t.run(".mode html\ncampaigns | take 2\n.mode table\n1 + 1"), "\(t.err)")
    #expect(t.out.hasPrefix("<!DOCTYPE html>") && t.out.hasSuffix("</html>\n2\n"))
    t.out = ""
    let path = dir + "/page.html"
    #expect(t.run(".mode html\n.output \(path)\ncampaigns | take 2\ndeals | take 1\n.output"), "\(t.err)")
    let file = try String(contentsOfFile: path, encoding: .utf8)
    #expect(file.components(separatedBy: "<section>").count == 3 && Self.wellFormed(file))
    #expect(t.out.isEmpty)
  }

  @Test func saveDrawsAPageOrAChart() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t = TestSession()
    let script = """
      # Revenue by product: closed won.
      deals | where stage == "closed_won" | agg revenue = sum(amount) by product | chart bar | save "\(dir)/r.html"
      leads | funnel | save "\(dir)/f.svg"
      deals | forecast quarter(expected_close) | chart | save "\(dir)/q.svg"
      """
    #expect(t.run(script), "\(t.err)")
    #expect(t.out.isEmpty)
    let page = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
    #expect(Self.wellFormed(page) && page.contains("<title>Revenue by product</title>"))
    #expect(page.contains("<p>Closed won.</p>") && page.contains("<figure class=\"chart\">"))
    for name in ["f", "q"] {
      let svg = try String(contentsOfFile: dir + "/\(name).svg", encoding: .utf8)
      #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=") && Self.wellFormed(svg))
    }
    #expect(t.err.contains("saved a funnel chart of 5 rows, "))
    #expect(
      t.err.contains("saved 4 rows, 2 columns to \(dir)/r.html") || t.err.contains("rows, 2 columns to \(dir)/r.html"))
  }

  @Test(arguments: [
    ("campaigns | take 2 | save \"x.svg\"", "'x.svg' would hold a chart, and this pipeline draws none"),
    ("campaigns | save \"x.html\" | take 2", "save \"x.html\" must be the last stage"),
    (
      "let c = campaigns | chart | save \"x.svg\"", "a .svg file is drawn from a result that is shown; a let shows none"
    ),
    ("campaigns | save \"x.pdf\"", "cannot tell the format of 'x.pdf'"),
  ])
  func drawnSavesThatCannotBe(statement: String, message: String) {
    let t = TestSession()
    #expect(!t.run(statement))
    #expect(t.err.contains(message), "\(t.err)")
    #expect(!FileManager.default.fileExists(atPath: "x.svg") && !FileManager.default.fileExists(atPath: "x.html"))
  }

  @Test(arguments: [
    (["Slipped deals: open, past their date. Move them."], "Slipped deals", ["Open, past their date. Move them."]),
    (["Pipeline by owner"], "Pipeline by owner", []),
    (["Channels", "Most leads first."], "Channels", ["Most leads first."]),
    (["Rep by rep, who needs", "pipeline, most first."], "Rep by rep, who needs pipeline, most first", []),
    (["Why so slow? Stages", "in days."], "Why so slow?", ["Stages in days."]),
    (["One", "", "two  three"], "One", ["two three"]),
    ([String(repeating: "long words ", count: 10)], nil, [String(repeating: "long words ", count: 10).trimmed]),
    (
      ["Intro: text.", "Answers:   this", "            and that", "  Not: a label"], "Intro",
      ["Text.", "Answers: this and that Not: a label"]
    ),
  ])
  func commentsBecomeAHeadingAndText(lines: [String], heading: String?, paragraphs: [String]) {
    let described = ReportComments.describe(lines.map { Substring($0) })
    #expect(described.heading == heading)
    #expect(described.paragraphs == paragraphs)
  }

  @Test func whichCommentsDescribeWhat() {
    let lines = "#!/usr/bin/env funnel\n# Title: intro.\n\n# not this one\n\n# This one.\n## Also.\nx\n".split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(ReportComments.header(in: lines) == .init(heading: "Title", paragraphs: ["Intro."]))
    #expect(ReportComments.above(line: 8, in: lines) == .init(heading: "This one", paragraphs: ["Also."]))
    #expect(ReportComments.above(line: 3, in: lines)?.heading == "Title")
    #expect(ReportComments.above(line: 2, in: lines) == nil, "not the #! line")
    // A header with no blank line after it belongs to the statement below.
    #expect(ReportComments.header(in: ["# a", "x"]) == nil)
    #expect(ReportComments.above(line: 99, in: ["# a", "x"]) == nil, "a line past the end")
  }
}

extension String {
  fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
