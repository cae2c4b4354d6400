import FunnelLanguage
import Testing

/// Syntax errors: the message, and where it points (by marker, never by count).
@Suite struct ParserDiagnosticTests {
  @Test(arguments: [
    ("deals | 1️⃣wher amount > 0", "unknown stage 'wher'"),
    ("deals\n  | 1️⃣sortt amount", "unknown stage 'sortt'"),
    ("deals | 1️⃣| take 5", "expected a stage after '|', found '|'"),
    ("deals |1️⃣", "expected a stage after '|'"),
    ("1️⃣| take 5", "expected a dataset before '|'"),
    ("deals | where 1️⃣(amount > 0", "unclosed '('"),
    ("deals | where f1️⃣(a, ", "unclosed '('"),
    ("deals | where a in 1️⃣[1, 2", "unclosed '['"),
    ("deals | where (a + b 1️⃣c)", "expected ')', found 'c'"),
    ("deals | where a 1️⃣)", "unmatched ')'"),
    ("deals | take 1️⃣\"five\"", "'take' needs a number"),
    ("deals | 1️⃣take", "'take' needs a number"),
    ("deals | take 1️⃣2.5", "'take' needs a whole number"),
    ("deals | 1️⃣where", "'where' needs a condition"),
    ("deals | 1️⃣where | take 5", "'where' needs a condition"),
    ("deals | where stage 1️⃣= \"won\"", "unexpected '='"),
    ("deals | where stage 1️⃣= \"won\"", "unexpected '='"),
    ("deals | where amount > 1️⃣| take 5", "expected an expression after '>', found '|'"),
    ("deals | where a == 1 and1️⃣", "expected an expression after 'and'"),
    ("deals | select 1️⃣when", "expected an expression, found the keyword 'when'"),
    ("let 1️⃣end = 3", "'end' is a keyword, not a name"),
    ("let x 1️⃣== 3", "expected '=' after 'x', found '=='"),
    ("let x =1️⃣", "expected a pipeline or an expression after '='"),
    ("metric m = count() 1️⃣| take 3", "a metric is one aggregate expression, not a pipeline"),
    ("deals | where a in 1️⃣(1, 2)", "expected '[' after 'in', found '('"),
    ("deals | where a between 1 1️⃣or 2", "expected 'and' in 'between', found 'or'"),
    ("deals | where 1️⃣[1, 2]", "a list in brackets can only follow 'in'"),
    ("deals | derive x = 1️⃣case when a then b", "unclosed 'case'"),
    ("deals | derive x = case when a 1️⃣else b end", "expected 'then' after the 'when' condition, found 'else'"),
    ("deals | top 5 1️⃣amount", "expected 'by' after 'top 5', found 'amount'"),
    ("deals | join campaigns 1️⃣campaign_id", "expected 'on' after the dataset, found 'campaign_id'"),
    ("deals | sort amount 1️⃣descending", "unexpected 'descending' in 'sort'"),
    ("deals | where name == \"🎉\" 1️⃣wat", "unexpected 'wat' in 'where'"),
    ("deals 1️⃣where amount > 0", "unexpected 'where'"),
    ("deals | save 1️⃣out", "'save' needs a path in quotes"),
    ("deals | 1️⃣attribute", "'attribute' needs a model"),
    ("deals | chart bar owner1️⃣", "expected ', <value column>' after 'owner'"),
    ("deals | rename revenue 1️⃣amount", "expected '=' after 'revenue', found 'amount'"),
    ("deals | compare x \"a\" 1️⃣\"b\" on n = count()", "expected 'vs' between the two values, found '\"b\"'"),
    ("leads | funnel steps mql, 1️⃣by channel", "expected a stage name after ',', found 'by'"),
    ("deals | agg 1️⃣by owner", "'agg' needs at least one aggregate before 'by'"),
    // The lexer's problems, reported through the parser.
    ("deals | where x == 1️⃣@2026-02-30", "invalid date '@2026-02-30'"),
    ("deals | where x == 1️⃣@2026-13-01", "invalid date '@2026-13-01'"),
    ("deals | where x == 1️⃣@26-1-1", "invalid date '@26-1-1'"),
    ("deals | where name == 1️⃣\"abc", "unterminated string"),
    ("deals | where name == 1️⃣'abc\nleads", "unterminated string"),
    ("deals | select 1️⃣`abc", "unterminated name in backquotes"),
    ("deals | select 1️⃣``", "empty name in backquotes"),
    ("deals | where a 1️⃣~ b", "unexpected character '~'"),
    ("deals | where a1️⃣.b == 1", "unexpected character '.'"),
    ("deals | where a 1️⃣! b", "unexpected character '!'"),
    ("deals | where a 1️⃣<> b", "unexpected '<>'"),
    ("deals | where x == \"a1️⃣\\q\"", "unknown escape '\\q' in a string"),
    ("leads | funnel within 1️⃣30days", "invalid number '30days'"),
    ("deals | take 1️⃣1__000", "invalid number '1__000'"),
    ("deals | take 1️⃣99999999999999999999", "number too large: '99999999999999999999'"),
    ("deals | where x == 1️⃣$", "expected a parameter name after '$'"),
  ])
  func reportsAtMarker(source: String, message: String) {
    assertDiagnostic(source, message: message)
  }

  @Test func unknownStageSuggestsAndListsStages() throws {
    let d = try #require(assertDiagnostic("deals | 1️⃣wher amount > 0", message: "unknown stage 'wher'"))
    #expect(d.hints.first == "did you mean 'where'?")
    #expect(d.hints.last == "the stages are " + Keywords.stages.joined(separator: ", "))
    #expect(d.span?.length == 4)
  }

  @Test func loneEqualsHintsAtComparison() {
    assertDiagnostic("deals | where stage 1️⃣= \"won\"", message: "unexpected '='", hint: "use '==' to compare")
    assertDiagnostic("x 1️⃣= 5", message: "unexpected '='", hint: "to bind a name, write: let x = ...")
    assertDiagnostic(
      "deals | derive t = case when stage 1️⃣= \"won\" then 1 end",
      message: "expected 'then' after the 'when' condition, found '='", hint: "use '==' to compare")
    assertDiagnostic(
      "deals | join campaigns on campaign_id 1️⃣= id", message: "unexpected '='", hint: "use '==' to compare")
  }

  @Test func invalidDateNamesTheMonthLength() {
    assertDiagnostic("x == 1️⃣@2026-02-30", message: "invalid date '@2026-02-30'", hint: "2026-02 has 28 days")
    assertDiagnostic("x == 1️⃣@2023-02-29", message: "invalid date '@2023-02-29'", hint: "2023-02 has 28 days")
    #expect(printed("@2024-02-29") == "@19782")
  }

  @Test func dottedNameHintsAtBackquotes() {
    assertDiagnostic(
      "deals | where a1️⃣.b == 1", message: "unexpected character '.'",
      hint: "a name with dots is written in backquotes, as in `emp.var.rate`")
  }

  @Test func twoStatementsTwoErrors() {
    let first = MarkedSource("deals | take 1️⃣\"x\"\nleads | where a ~ b")
    let second = MarkedSource("deals | take \"x\"\nleads | where a 2️⃣~ b", marker: "2️⃣")
    #expect(first.text == second.text)
    let (_, diagnostics) = Parser.parse(SourceText(text: first.text))
    #expect(diagnostics.count == 2)
    #expect(
      diagnostics.map { [$0.span?.line, $0.span?.column] } == [
        [first.line, first.column], [second.line, second.column],
      ])
  }

  @Test func lexerErrorsAreNotRepeatedByTheParser() {
    let (_, diagnostics) = Parser.parse(SourceText(text: "deals | where x == @2026-02-30 | take 5"))
    #expect(diagnostics.map(\.message) == ["invalid date '@2026-02-30'"])
  }

  @Test func upperCaseKeywordHintsAtLowerCase() {
    assertDiagnostic(
      "deals | where a > 1 1️⃣AND b < 2", message: "unexpected 'AND'",
      hint: "keywords are written in lowercase: 'and'")
  }

  @Test func keywordAsColumnSuggestsBackquotes() {
    assertDiagnostic(
      "deals | select 1️⃣between", message: "expected an expression, found the keyword 'between'",
      hint: "write `between` in backquotes to use it as a name")
  }
}
