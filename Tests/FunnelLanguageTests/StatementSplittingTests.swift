import FunnelLanguage
import Testing

/// Where statements end (LANGUAGE.md §1).
@Suite struct StatementSplittingTests {
  func shapes(_ source: String) -> [String] {
    parseClean(source).map(SyntaxPrinter.statement)
  }

  @Test func newlineEndsAStatement() {
    #expect(shapes("deals\nleads") == ["deals", "leads"])
  }

  @Test func trailingBarContinues() {
    #expect(shapes("deals |\n  take 5\nleads") == ["deals | take 5", "leads"])
  }

  @Test func trailingBarContinuesOverBlankAndCommentLines() {
    #expect(shapes("deals |   # more below\n\n# a comment\n  take 5") == ["deals | take 5"])
  }

  @Test func nextLineStartingWithBarContinues() {
    #expect(
      shapes("deals\n  | where amount > 0\n  | take 5\nleads") == ["deals | where (> amount 0) | take 5", "leads"])
  }

  @Test func nextNonBlankNonCommentLineStartingWithBarContinues() {
    #expect(shapes("deals\n\n# why\n| take 5") == ["deals | take 5"])
  }

  @Test func openBracketContinues() {
    #expect(
      shapes("deals | where amount in [\n  1,\n  2\n] and (\n  a\n)") == ["deals | where (and (in amount [1 2]) a)"])
    #expect(
      shapes("deals | agg n = count_if(\n  stage == \"won\"\n)") == [
        #"deals | agg [n=(call count_if (== stage "won"))]"#
      ])
  }

  @Test func semicolonEndsAStatement() {
    #expect(shapes("deals | take 1; leads;;campaigns") == ["deals | take 1", "leads", "campaigns"])
  }

  @Test func commandsAreStatementsOfTheirOwn() {
    #expect(shapes(".mode csv; deals | take 3") == [".mode {csv}", "deals | take 3"])
    #expect(shapes("deals | take 3; .timer on") == ["deals | take 3", ".timer {on}"])
    #expect(shapes(".load x \"a;b.csv\" # note\nleads") == [#".load {x "a;b.csv"}"#, "leads"])
    // A command never continues, even before a line starting with `|`.
    let (statements, diagnostics) = Parser.parse(SourceText(text: ".tables\n| take 5"))
    #expect(statements.map(SyntaxPrinter.statement) == [".tables {}"])
    #expect(diagnostics.map(\.message) == ["expected a dataset before '|'"])
  }

  @Test func statementTextAndSpan() throws {
    let statements = parseClean("  let a = 1 ;\n\n  deals\n    | take 2  # two\n")
    #expect(statements.map(\.text) == ["let a = 1", "deals\n    | take 2"])
    #expect(statements.map(\.span.line) == [1, 3])
    #expect(statements.map(\.span.column) == [3, 3])
    #expect(statements[1].span.offset == 17)
  }

  @Test func firstLineNumberComesFromTheSource() throws {
    let (statements, _) = Parser.parse(SourceText(text: "deals\n| take 1", firstLine: 3))
    #expect(statements.first?.span.line == 3)
  }

  @Test func errorsInSeveralStatementsAreAllReported() {
    let source = "deals | wher x\nleads | take\ncampaigns | take 2\ndeals | sort"
    let (statements, diagnostics) = Parser.parse(SourceText(text: source))
    #expect(diagnostics.map(\.message) == ["unknown stage 'wher'", "'take' needs a number", "'sort' needs a column"])
    #expect(diagnostics.compactMap(\.span?.line) == [1, 2, 4])
    #expect(statements.map(SyntaxPrinter.statement) == ["campaigns | take 2"])
  }

  @Test func unclosedBracketStopsBeforeALetLine() {
    let (statements, diagnostics) = Parser.parse(SourceText(text: "deals | where (a > 1\nlet b = 2"))
    #expect(diagnostics.map(\.message) == ["unclosed '('"])
    #expect(statements.map(SyntaxPrinter.statement) == ["let b = 2"])
  }
}
