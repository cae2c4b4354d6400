import FunnelLanguage
import Testing

/// The lexer reads text that stops anywhere and says what is still open.
@Suite struct UnfinishedInputTests {
  static func lex(_ text: String) -> LexedText {
    Lexer.lex(SourceText(text: text))
  }

  @Test func anEscapedQuoteKeepsTheStringOpen() {
    let text = #"deals | where owner == "a\" | wh"#
    let lexed = Self.lex(text)
    #expect(lexed.unfinished.literal == .string(quote: "\""))
    #expect(lexed.unfinished.literalStart == Array(text.utf8).firstIndex(of: UInt8(ascii: "\"")))
    #expect(lexed.unfinished.inString && lexed.unfinished.needsMore)
    // The `|` after `\"` is inside the string: only the first one is a token.
    #expect(lexed.tokens.filter { $0.kind == .pipe }.count == 1)
    #expect(lexed.diagnostics.map(\.message) == ["unterminated string"])
  }

  @Test func aClosedStringWithAnEscapedQuoteIsFinished() {
    let lexed = Self.lex(#"deals | where owner == "a\"" | wh"#)
    #expect(lexed.unfinished == Unfinished())
    #expect(lexed.tokens.filter { $0.kind == .pipe }.count == 2)
  }

  @Test func aCommentAtTheEnd() {
    let done = Self.lex("deals | take 5 # the first | five")
    #expect(done.unfinished.inComment && !done.unfinished.needsMore)
    let piped = Self.lex("deals | # more to come")
    #expect(piped.unfinished.inComment && piped.unfinished.endsWithPipe && piped.unfinished.needsMore)
    #expect(!Self.lex("deals # note\n| take 5").unfinished.inComment)
  }

  @Test func anUnterminatedDateIsAnErrorNotAnOpening() {
    let lexed = Self.lex("deals | where created_at > @2026-0")
    #expect(lexed.tokens.last?.kind == .invalid)
    #expect(lexed.tokens.last?.text == "@2026-0")
    #expect(lexed.diagnostics.map(\.message) == ["invalid date '@2026-0'"])
    #expect(!lexed.unfinished.needsMore)
    #expect(!Self.lex("deals | where created_at > @").unfinished.needsMore)
  }

  @Test func nestedBracketsInnermostLast() {
    let lexed = Self.lex("deals | where f(a, [1, (2")
    #expect(lexed.unfinished.brackets.map(\.kind) == [.leftParen, .leftBracket, .leftParen])
    #expect(lexed.unfinished.brackets.map(\.span.column) == [16, 20, 24])
    #expect(Self.lex("deals | where f(a, [1, (2)]").unfinished.brackets.map(\.kind) == [.leftParen])
    #expect(Self.lex("deals | where f(a, [1, (2)])").unfinished == Unfinished())
    // Too many closers leave nothing open rather than a negative count.
    #expect(Self.lex("(a))(").unfinished.brackets.count == 1)
  }

  @Test func aStatementEndClosesItsBrackets() {
    #expect(Self.lex("deals | where (a; leads").unfinished.brackets.isEmpty)
    #expect(Self.lex("deals | where (a\n.schema deals").unfinished.brackets.isEmpty)
  }

  @Test func aTrailingPipe() {
    #expect(Self.lex("deals |").unfinished.endsWithPipe)
    #expect(Self.lex("deals |\n\n").unfinished.endsWithPipe)
    #expect(!Self.lex("deals | take 5").unfinished.endsWithPipe)
    // A command's line is its own: its `|` is an argument.
    #expect(!Self.lex(".load x |").unfinished.endsWithPipe)
  }

  @Test func anOpenBackquotedName() {
    let lexed = Self.lex("deals | select `emp.var")
    #expect(lexed.unfinished.literal == .quotedName)
    #expect(lexed.unfinished.literalStart == 15)
    #expect(!lexed.unfinished.inString && lexed.unfinished.needsMore)
  }

  @Test func aStringRunsOverLinesUntilItCloses() {
    #expect(Self.lex("x == \"a\nb").unfinished.literal == .string(quote: "\""))
    #expect(Self.lex("x == 'a\nb'").unfinished.literal == nil)
    // Nothing later closes a string left open: the first one is what is open.
    let lexed = Self.lex("x == 'a\ny == \"b\"")
    #expect(lexed.unfinished.literal == .string(quote: "'"))
    #expect(lexed.unfinished.literalStart == 5)
  }

  /// Every prefix of every kind of text lexes without a trap.
  @Test func everyPrefixLexes() {
    let script = """
      .load deals "x.csv"; deals | where owner == "a\\" | b" and d > @2026-01-31 # note
      leads | funnel steps mql, `sq l` within 30d | select f(x, [1, (2)]) ?? $p
      """
    let scalars = Array(script.unicodeScalars)
    for end in 0...scalars.count {
      let lexed = Self.lex(String(String.UnicodeScalarView(scalars[..<end])))
      #expect(lexed.tokens.allSatisfy { $0.endOffset <= script.utf8.count })
    }
  }
}
