import FunnelLanguage
import Testing

/// Tokens, their values, and positions (columns in scalars, offsets in bytes).
@Suite struct LexerTests {
  func lex(_ text: String) -> ([Token], [Diagnostic]) {
    Lexer.tokenize(SourceText(text: text))
  }

  func kinds(_ text: String) -> [TokenKind] {
    lex(text).0.map(\.kind)
  }

  @Test func operatorsAndPunctuation() {
    #expect(
      kinds("== != < <= > >= ?? + - * / % = | , ( ) [ ] ;") == [
        .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .coalesce, .plus, .minus, .star,
        .slash, .percent, .assign, .pipe, .comma, .leftParen, .rightParen, .leftBracket, .rightBracket, .semicolon,
      ])
    #expect(kinds("a==b") == [.word, .equal, .word])
  }

  @Test func literalValues() {
    let (tokens, diagnostics) = lex("42 1_000_000 3.5 1_000.25 \"a\" 'b' @2026-01-31 30d 6w 3mo 1y")
    #expect(diagnostics.isEmpty)
    #expect(
      tokens.map(\.literal) == [
        .int(42), .int(1_000_000), .number(3.5, text: "3.5"), .number(1000.25, text: "1000.25"), .string("a"),
        .string("b"), .date(20484), .duration(Duration(amount: 30, unit: .days)),
        .duration(Duration(amount: 6, unit: .weeks)), .duration(Duration(amount: 3, unit: .months)),
        .duration(Duration(amount: 1, unit: .years)),
      ])
  }

  @Test func datesAroundTheEpoch() {
    let (tokens, _) = lex("@1970-01-01 @1969-12-31 @2000-03-01")
    #expect(tokens.map(\.literal) == [.date(0), .date(-1), .date(11017)])
  }

  @Test func stringEscapes() {
    let (tokens, diagnostics) = lex(#""a\n\t\"\'\\b" 'it\'s'"#)
    #expect(diagnostics.isEmpty)
    #expect(tokens.map(\.text) == ["a\n\t\"'\\b", "it's"])
  }

  @Test func namesParametersAndQuotedNames() {
    let (tokens, _) = lex("owner `emp.var.rate` `default` $region région")
    #expect(tokens.map(\.kind) == [.word, .quotedName, .quotedName, .parameter, .word])
    #expect(tokens.map(\.text) == ["owner", "emp.var.rate", "default", "region", "région"])
    #expect(tokens[1].span.length == 14)
  }

  @Test func columnsCountScalarsAndOffsetsCountBytes() {
    let (tokens, _) = lex("\"é🎉\" + x\n  y")
    #expect(tokens[0].span == Span(line: 1, column: 1, offset: 0, length: 4))
    #expect(tokens[1].span == Span(line: 1, column: 6, offset: 9, length: 1))
    #expect(tokens[2].span == Span(line: 1, column: 8, offset: 11, length: 1))
    #expect(tokens[4].span == Span(line: 2, column: 3, offset: 15, length: 1))
  }

  @Test func commentsAreDroppedAndNewlinesKept() {
    #expect(kinds("#!/usr/bin/env funnel\ndeals # all\n# none\n") == [.newline, .word, .newline, .newline])
  }

  @Test func nonBreakingSpaceSeparates() {
    #expect(kinds("deals\u{00A0}|\u{FEFF}take 5") == [.word, .pipe, .word, .integer])
  }

  @Test func stringsMayRunOverLines() {
    let (tokens, diagnostics) = lex("\"a\nb\" x")
    #expect(diagnostics.isEmpty)
    #expect(tokens[0].text == "a\nb")
    #expect(tokens[1].span.line == 2)
    #expect(tokens[1].span.column == 4)
  }

  @Test func unterminatedStringResumesOnTheNextLine() {
    let (tokens, diagnostics) = lex("x == \"abc\nleads")
    #expect(diagnostics.map(\.message) == ["unterminated string"])
    #expect(tokens.map(\.kind) == [.word, .equal, .invalid, .newline, .word])
  }

  @Test func commandTakesTheRestOfTheLine() {
    let (tokens, _) = lex(".load deals \"a;b.csv\"  with sep=\";\"  # note\nleads")
    #expect(tokens.map(\.kind) == [.command, .commandArguments, .newline, .word])
    #expect(tokens[0].text == "load")
    #expect(tokens[1].text == "deals \"a;b.csv\"  with sep=\";\"")
    #expect(tokens[1].span.column == 7)
    #expect(tokens[1].span.length == 29)
  }

  @Test func dotIsACommandOnlyAtStatementStart() {
    #expect(kinds("  .tables") == [.command, .commandArguments])
    #expect(kinds("x; .tables") == [.word, .semicolon, .command, .commandArguments])
    #expect(kinds("x .tables").contains(.invalid))
  }

  @Test func numberFollowedByLettersIsOneBadToken() {
    let (tokens, diagnostics) = lex("30days 1.5d 3_")
    #expect(tokens.map(\.kind) == [.invalid, .invalid, .invalid])
    #expect(diagnostics.map(\.message) == ["invalid number '30days'", "invalid number '1.5d'", "invalid number '3_'"])
  }

  @Test func unknownCharactersAreReportedOncePerRun() {
    let (tokens, diagnostics) = lex("a ~~~ b \u{7}")
    #expect(tokens.map(\.kind) == [.word, .invalid, .word, .invalid])
    #expect(diagnostics.map(\.message) == ["unexpected characters, starting with '~'", "unexpected character U+0007"])
    #expect(diagnostics[0].span?.length == 3)
  }

  @Test func firstLineOffsetsLineNumbers() {
    let (tokens, _) = Lexer.tokenize(SourceText(text: "a\nb", firstLine: 7))
    #expect(tokens.map(\.span.line) == [7, 7, 8])
  }
}
