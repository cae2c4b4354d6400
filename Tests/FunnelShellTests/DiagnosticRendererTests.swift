import FunnelLanguage
import Testing

@testable import FunnelShell

/// The one rendering of diagnostics: location, source line, caret, hints.
struct DiagnosticRendererTests {
  /// The span of the text after the marker `1️⃣` (up to the next space), with the marker removed.
  static func marked(_ text: String, length: Int) -> (String, Span) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, line) in lines.enumerated() {
      if let range = line.range(of: "1️⃣") {
        let column = line[..<range.lowerBound].unicodeScalars.count + 1
        let clean = text.replacingOccurrences(of: "1️⃣", with: "")
        return (clean, Span(line: i + 1, column: column, offset: 0, length: length))
      }
    }
    preconditionFailure("no marker")
  }

  @Test func scriptMessageNamesFileLineAndColumn() {
    let (text, span) = Self.marked("let x = 1\ndeals | agg sum(1️⃣ammount) by owner", length: 7)
    let d = Diagnostic(message: "unknown column 'ammount' in deals", span: span, hints: ["did you mean 'amount'?"])
    let rendered = DiagnosticRenderer.render(d, in: SourceText(name: "report.funnel", text: text))
    #expect(
      rendered == """
        report.funnel:2:17: error: unknown column 'ammount' in deals
          deals | agg sum(ammount) by owner
                          ^^^^^^^
          hint: did you mean 'amount'?

        """)
  }

  @Test func promptMessageHasLineAndColumnOnly() {
    let (text, span) = Self.marked("1️⃣dels | take 5", length: 4)
    let rendered = DiagnosticRenderer.render(
      Diagnostic(message: "unknown dataset 'dels'", span: span), in: SourceText(text: text))
    #expect(rendered.hasPrefix("1:1: error: unknown dataset 'dels'\n  dels | take 5\n  ^^^^\n"))
  }

  @Test(arguments: [
    ("deals | where 1️⃣", 0, "^"),  // an empty span still gets one caret
    ("deals | where x == 1️⃣1", 40, "^"),  // never past the end of the line
    ("\tdeals | 1️⃣tak 5", 3, "^^^"),
  ])
  func caretsStayOnTheLine(source: String, length: Int, carets: String) {
    let (text, span) = Self.marked(source, length: length)
    let rendered = DiagnosticRenderer.render(Diagnostic(message: "m", span: span), in: SourceText(text: text))
    let caretLine = rendered.split(separator: "\n")[2]
    #expect(caretLine.hasSuffix(carets))
    #expect(caretLine.filter { $0 == "^" }.count == carets.count)
    // Tabs in the source are copied, so the caret lines up under a tab-indented line.
    if source.hasPrefix("\t") { #expect(caretLine.hasPrefix("  \t")) }
  }

  @Test func noColourWithoutATerminal() {
    let d = Diagnostic(message: "bad", span: Span(line: 1, column: 1, offset: 0, length: 1), hints: ["h"])
    #expect(!DiagnosticRenderer.render(d, in: SourceText(text: "x"), color: false).contains("\u{1B}"))
    #expect(DiagnosticRenderer.render(d, in: SourceText(text: "x"), color: true).contains("\u{1B}[1;31m"))
  }

  @Test func runStopsAtTheFirstFailingStatement() {
    let t = TestSession()
    let ok = t.run(".mode csv\ndels | take 1\ndeals | take 1", name: "s.funnel")
    #expect(!ok)
    #expect(t.out.isEmpty)
    #expect(t.err.hasPrefix("s.funnel:2:1: error: "))
  }

  @Test func aVeryLongLineIsCutAroundTheSpan() {
    let line = String(repeating: "(", count: 5_000) + "x" + String(repeating: ")", count: 5_000)
    let d = Diagnostic(message: "here", span: Span(line: 1, column: 5_001, offset: 5_000, length: 1))
    let text = DiagnosticRenderer.render(d, in: SourceText(text: line))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[1].unicodeScalars.count <= DiagnosticRenderer.maxLineWidth + 4)
    #expect(lines[1].hasPrefix("  …") && lines[1].hasSuffix("…"))
    // The caret stands under the x.
    let caret = lines[2].unicodeScalars.count - 1
    #expect(Array(lines[1].unicodeScalars)[caret] == "x")
  }

  @Test func controlCharactersAreNotSentToTheTerminal() {
    let d = Diagnostic(message: "noise", span: Span(line: 1, column: 3, offset: 2, length: 1))
    let text = DiagnosticRenderer.render(d, in: SourceText(text: "a\u{1B}[2Jb"))
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("a?[2Jb"))
  }
}
