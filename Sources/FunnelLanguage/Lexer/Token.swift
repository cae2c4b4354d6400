/// What a token is. Literal tokens keep their value in `Token.text` and are
/// decoded by `Token.literal`; keywords are `.word` tokens (see `Keywords`),
/// because which words are keywords depends on where they stand.
public enum TokenKind: Equatable, Sendable {
  /// A bare word: a name, a keyword, a stage or a function.
  case word
  /// `` `a name` ``; `text` is the name without the backquotes.
  case quotedName
  /// `$name`; `text` is the name without the `$`.
  case parameter
  /// `42`, `1_000_000`; `text` as written.
  case integer
  /// `3.5`; `text` as written.
  case number
  /// `"text"` or `'text'`; `text` is the value, escapes resolved.
  case string
  /// `@2026-01-31`; `text` as written (already validated).
  case date
  /// `30d`, `6w`, `3mo`, `1y`; `text` as written.
  case duration
  /// `.name` at the start of a statement; `text` is the name without the dot.
  case command
  /// The rest of a command's line, trimmed (always follows `.command`, possibly empty).
  case commandArguments
  case pipe, comma, semicolon
  case leftParen, rightParen, leftBracket, rightBracket
  /// A lone `=` (naming in `select`, `let`, `rename`).
  case assign
  case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
  case coalesce, plus, minus, star, slash, percent
  case newline
  /// Text the lexer already reported (an unknown character, an unterminated string).
  case invalid
}

/// One token: its kind, its text (see `TokenKind` for what `text` holds) and
/// where it stands. `endOffset` is the UTF-8 offset just past its last byte.
///
/// `deals | take 5` → `word "deals"`, `pipe "|"`, `word "take"`, `integer "5"`.
public struct Token: Equatable, Sendable {
  public var kind: TokenKind
  public var text: String
  public var span: Span
  public var endOffset: Int

  public init(kind: TokenKind, text: String, span: Span, endOffset: Int) {
    self.kind = kind
    self.text = text
    self.span = span
    self.endOffset = endOffset
  }

  /// True for the bare word `word` (keywords are matched this way).
  public func isWord(_ word: String) -> Bool {
    kind == .word && text == word
  }

  /// True for a bare word that is a reserved keyword (`and`, `case`, `null` ...);
  /// contextual keywords such as `by` are names where a name fits.
  public var isReserved: Bool {
    kind == .word && Keywords.reserved.contains(text)
  }
}
