/// What is still open where a text ends, as the lexer read it: an unclosed
/// string or backquoted name, brackets not yet closed, a trailing `|`, or a
/// `#` comment running to the end.
///
/// The shell asks it whether a statement needs another line
/// (`Completeness.needsMore`), and completion where the cursor stands.
///
/// `deals | where owner == "a\" | wh` → `literal` is the string opened at
/// offset 23 (the `\"` is an escape, so the `|` after it is inside the string);
/// `deals | where (amount > 0` → one open bracket; `deals |` → `endsWithPipe`.
public struct Unfinished: Equatable, Sendable {
  /// A quoted token that runs to the end of the text.
  public enum Literal: Equatable, Sendable {
    /// `"...` or `'...`, with its quote.
    case string(quote: Character)
    /// `` `... ``.
    case quotedName
  }

  /// The string or backquoted name left open, if any.
  public var literal: Literal?
  /// The UTF-8 offset of the open literal's quote (0 when there is none).
  public var literalStart = 0
  /// The `(` and `[` not yet closed, innermost last. A `;` or a command closes
  /// them, as it ends the statement they are in.
  public var brackets: [Token] = []
  /// The last token (newlines and comments aside) is `|`.
  public var endsWithPipe = false
  /// The text ends inside a `#` comment.
  public var inComment = false

  public init() {}

  /// Whether a statement ending here needs more text to be whole: a `|`, a
  /// bracket or a quote still waits for what follows it.
  public var needsMore: Bool {
    literal != nil || !brackets.isEmpty || endsWithPipe
  }

  /// Whether the end of the text is inside a `"..."` or `'...'` string.
  public var inString: Bool {
    if case .string = literal { return true }
    return false
  }
}

/// Everything the lexer read from a text, finished or not.
public struct LexedText: Sendable {
  public var tokens: [Token]
  public var diagnostics: [Diagnostic]
  public var unfinished: Unfinished
}
