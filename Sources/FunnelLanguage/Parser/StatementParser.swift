/// Parses the tokens of one statement (as cut by `StatementSplitter`) into a
/// `Statement`, recording diagnostics and giving up on the statement at its
/// first problem.
///
/// The token list ends with a sentinel `.newline` token placed just past the
/// last real token, so "the end of the statement" has a position.
struct StatementParser {
  /// Deeper nesting than this (brackets, `not`, unary `-`, calls, `case`) is
  /// refused: a recursive-descent parser would otherwise overflow its stack.
  static let maxNesting = Parser.maxNesting
  /// Taller expression trees than this are refused: a chain of 10,000 `+` is
  /// as deep as 10,000 nested brackets for whoever walks the tree later.
  static let maxHeight = Parser.maxNesting

  var tokens: [Token]
  let bytes: [UInt8]
  var index = 0
  var nesting = 0
  var diagnostics: [Diagnostic] = []

  init(tokens: [Token], bytes: [UInt8]) {
    precondition(!tokens.isEmpty, "a statement has at least one token")
    self.bytes = bytes
    self.tokens = tokens
    let last = tokens[tokens.count - 1]
    let end = Span(line: last.span.line, column: last.span.column + last.span.length, offset: last.endOffset, length: 0)
    self.tokens.append(Token(kind: .newline, text: "", span: end, endOffset: last.endOffset))
  }

  var current: Token { tokens[index] }
  func peek(_ distance: Int = 1) -> Token { tokens[min(index + distance, tokens.count - 1)] }
  var atEnd: Bool { current.kind == .newline }
  /// The last token consumed (the first token before anything is consumed).
  var previous: Token { tokens[max(0, index - 1)] }

  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  /// Consumes the current token when it has `kind`.
  mutating func accept(_ kind: TokenKind) -> Token? {
    current.kind == kind ? advance() : nil
  }

  /// Consumes the bare word `word` when it is current.
  mutating func acceptWord(_ word: String) -> Token? {
    current.isWord(word) ? advance() : nil
  }

  /// From `start` to the last token consumed.
  func span(from start: Span) -> Span {
    index == 0 ? start : start.through(previous.span)
  }

  /// Records `diagnostic` (unless the current token is one the lexer already
  /// reported) and returns the error that abandons the statement.
  mutating func failure(_ diagnostic: Diagnostic) -> ParseFailure {
    guard current.kind != .invalid else { return ParseFailure() }
    var diagnostic = diagnostic
    // `a = b` after an operand is nearly always a comparison written with one `=`.
    let hint = "use '==' to compare"
    if current.kind == .assign, index > 0, endsOperand(previous), !diagnostic.hints.contains(hint) {
      diagnostic.hints.insert(hint, at: 0)
    }
    diagnostics.append(diagnostic)
    return ParseFailure()
  }

  func endsOperand(_ token: Token) -> Bool {
    switch token.kind {
    case .word: return !token.isReserved || ["true", "false", "null", "end"].contains(token.text)
    case .quotedName, .parameter, .integer, .number, .string, .date, .duration, .rightParen, .rightBracket: return true
    default: return false
    }
  }

  /// The token as written, for messages: `'by'`, `'"won"'`, or "the end of the statement".
  func describe(_ token: Token) -> String {
    if token.kind == .newline { return "the end of the statement" }
    let start = min(token.span.offset, bytes.count)
    let end = min(max(token.endOffset, start), bytes.count)
    var text = String(decoding: bytes[start..<end], as: UTF8.self)
    if text.unicodeScalars.count > 30 { text = String(text.unicodeScalars.prefix(30)) + "…" }
    if let newline = text.firstIndex(of: "\n") { text = text[..<newline] + "…" }
    return "'\(text)'"
  }

  /// The source text of the statement (from its first token to its last).
  func statementText() -> String {
    let start = tokens[0].span.offset
    let end = tokens[tokens.count - 1].endOffset
    guard start <= end, end <= bytes.count else { return "" }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
