/// The lexer's cursor over the UTF-8 bytes of a source, with the line and
/// column (in Unicode scalars) of the current byte, and what it produced.
///
/// Working on bytes keeps a 10 MB line linear and cheap; columns are counted
/// by skipping UTF-8 continuation bytes.
struct LexerState {
  struct Mark {
    var index: Int
    var line: Int
    var column: Int
  }

  let bytes: [UInt8]
  var index = 0
  var line: Int
  var column = 1
  var tokens: [Token] = []
  var diagnostics: [Diagnostic] = []
  /// At the start of the text, of a line or after `;`: where `.name` is a command.
  var atStatementStart = true
  var stopped = false
  /// What is open so far (brackets, a literal running to the end, a comment).
  var unfinished = Unfinished()

  init(_ source: SourceText) {
    bytes = Array(source.text.utf8)
    line = source.firstLine
  }

  var mark: Mark { Mark(index: index, line: line, column: column) }

  func byte(at i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }
  var current: UInt8? { byte(at: index) }
  var next: UInt8? { byte(at: index + 1) }

  /// Moves past one Unicode scalar (a newline moves to the next line).
  mutating func advance() {
    guard index < bytes.count else { return }
    let b = bytes[index]
    index += LexerState.scalarLength(leading: b)
    if index > bytes.count { index = bytes.count }
    if b == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else {
      column += 1
    }
  }

  static func scalarLength(leading b: UInt8) -> Int {
    if b < 0x80 { return 1 }
    if b >= 0xF0 { return 4 }
    if b >= 0xE0 { return 3 }
    if b >= 0xC0 { return 2 }
    return 1  // a stray continuation byte cannot come from a String; step over it
  }

  /// The scalar at byte `i` (the text came from a Swift String, so it is valid UTF-8).
  func scalar(at i: Int) -> Unicode.Scalar {
    let b = bytes[i]
    let length = LexerState.scalarLength(leading: b)
    if length == 1 || i + length > bytes.count { return Unicode.Scalar(b) }
    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// The span from `start` to the cursor (the length counts scalars, across lines too).
  func span(from start: Mark) -> Span {
    var length = column - start.column
    if line != start.line {
      length = 0
      for i in start.index..<index where bytes[i] & 0xC0 != 0x80 { length += 1 }
    }
    return Span(line: start.line, column: start.column, offset: start.index, length: length)
  }

  func text(from start: Int, to end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  mutating func emit(_ kind: TokenKind, _ text: String, from start: Mark) {
    guard !stopped else { return }
    if tokens.count >= Lexer.maxTokens {
      report(.inputTooLong(at: span(from: start)))
      stopped = true
      return
    }
    let token = Token(kind: kind, text: text, span: span(from: start), endOffset: index)
    tokens.append(token)
    atStatementStart = kind == .newline || kind == .semicolon
    switch kind {
    case .leftParen, .leftBracket: unfinished.brackets.append(token)
    case .rightParen, .rightBracket: _ = unfinished.brackets.popLast()
    case .semicolon, .command: unfinished.brackets.removeAll()
    default: break
    }
  }

  mutating func report(_ diagnostic: Diagnostic) {
    guard !stopped else { return }
    diagnostics.append(diagnostic)
    if diagnostics.count >= Lexer.maxDiagnostics {
      diagnostics.append(.tooManyProblems(at: diagnostic.span))
      stopped = true
    }
  }

  /// Reads the whole source.
  mutating func run() {
    while !stopped, let b = current {
      switch b {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C:
        advance()
      case UInt8(ascii: "\n"):
        let start = mark
        advance()
        emit(.newline, "\n", from: start)
      case UInt8(ascii: "#"):
        while let c = current, c != UInt8(ascii: "\n") { advance() }
        if current == nil { unfinished.inComment = true }
      case UInt8(ascii: ".") where atStatementStart && next.map(LexerState.isASCIILetter) == true:
        lexCommand()
      default:
        if b >= 0x80 && LexerState.isSpace(scalar(at: index)) {
          advance()
        } else {
          lexToken()
        }
      }
    }
  }
}
