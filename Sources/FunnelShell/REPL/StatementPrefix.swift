import FunnelLanguage

/// The text before the cursor, read by the lexer the way completion needs it:
/// where the current statement starts, where its stages begin, the word being
/// typed, and whether the cursor is inside a string or a comment.
///
/// Offsets are UTF-8 offsets into `text`. Because the lexer reads the text,
/// completion agrees with the parser: in `deals | where owner == "a\" | wh`
/// the `\"` is an escape, so the cursor is inside the string.
struct StatementPrefix {
  /// The text up to the cursor.
  let text: String
  /// Where the current statement starts (just after the last `;`, or at a command's dot).
  let start: Int
  /// The statement's tokens that end before the word being typed.
  let tokens: [Token]
  /// The offsets of each `|` of the statement outside brackets.
  let pipes: [Int]
  /// Where the word being completed starts.
  let wordStart: Int
  /// The cursor is inside a `"..."` or `'...'` string.
  let inString: Bool
  /// The cursor is in a `#` comment.
  let inComment: Bool
  /// The statement's `.name` token when it is a shell command.
  let command: Token?

  private let bytes: [UInt8]

  /// Characters that end a word of a command's arguments, as in the line editor's settings.
  static let breaks: Set<UInt8> = Set(" \t\n|,()=<>!+*%[];".utf8)

  init(_ text: String) {
    self.text = text
    bytes = Array(text.utf8)
    let lexed = Lexer.lex(SourceText(text: text))
    var start = 0
    var statement: [Token] = []
    var command: Token? = nil
    for token in lexed.tokens {
      switch token.kind {
      case .semicolon:
        start = token.endOffset
        statement = []
        command = nil
      case .command:
        start = token.span.offset
        statement = [token]
        command = token
      default:
        statement.append(token)
      }
    }
    self.start = start
    self.command = command
    let open = lexed.unfinished
    inComment = open.inComment
    inString = open.inString && open.literalStart >= start
    let end = bytes.count
    if open.literal != nil && open.literalStart >= start {
      wordStart = open.literalStart
    } else if inComment {
      wordStart = end
    } else if let command {
      var i = end
      while i > command.span.offset, !StatementPrefix.breaks.contains(bytes[i - 1]) { i -= 1 }
      wordStart = i
    } else {
      wordStart = StatementPrefix.wordStart(of: statement, end: end)
    }
    let limit = wordStart
    let before = statement.filter { $0.endOffset <= limit }
    tokens = before
    var pipes: [Int] = []
    var depth = 0
    for token in before {
      switch token.kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      case .pipe where depth == 0: pipes.append(token.span.offset)
      default: break
      }
    }
    self.pipes = pipes
  }

  /// The start of the run of tokens that touch each other and the cursor,
  /// none of them a separator (`deals`, `` `emp.var`` ``, `out/x.csv`, `@2026-0`).
  static func wordStart(of tokens: [Token], end: Int) -> Int {
    var start = end
    for token in tokens.reversed() {
      guard token.endOffset == start, !separates(token) else { break }
      start = token.span.offset
    }
    return start
  }

  /// Tokens that end a word: punctuation and operators other than `-`, `/` and `??`.
  static func separates(_ token: Token) -> Bool {
    switch token.kind {
    case .word, .quotedName, .parameter, .integer, .number, .string, .date, .duration, .command, .commandArguments,
      .minus, .slash, .coalesce:
      return false
    case .invalid:
      return token.text.hasPrefix("!")
    default:
      return true
    }
  }

  var word: String { text(wordStart, bytes.count) }

  /// The text between two offsets.
  func text(_ from: Int, _ to: Int) -> String {
    let lower = min(max(0, from), bytes.count)
    return String(decoding: bytes[lower..<min(max(lower, to), bytes.count)], as: UTF8.self)
  }

  /// The words (tokens other than commas and newlines) from `offset` up to the word being typed,
  /// as written: `funnel steps mql, sql by` → `funnel`, `steps`, `mql`, `sql`, `by`.
  func words(from offset: Int) -> [String] {
    tokens.filter { $0.span.offset >= offset && $0.kind != .comma && $0.kind != .newline }
      .map { text($0.span.offset, $0.endOffset) }
  }

  /// A command's arguments before the word being typed, split at blanks and commas.
  func arguments(from offset: Int) -> [String] {
    text(offset, wordStart).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," })
      .map(String.init)
  }
}
