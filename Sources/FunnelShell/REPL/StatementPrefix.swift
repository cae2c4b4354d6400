import FunnelLanguage

/// The text before the cursor, read the way completion needs it: where the
/// current statement starts, where its stages begin, the word being typed,
/// and whether the cursor is inside a string.
struct StatementPrefix {
  /// The scalars of the current statement, up to the cursor.
  let scalars: [Unicode.Scalar]
  /// Indices in `scalars` of each top-level `|`.
  let pipes: [Int]
  /// Where the word being completed starts (index in `scalars`).
  let wordStart: Int
  /// The cursor is inside a `"..."` or `'...'` string.
  let inString: Bool
  /// The cursor is after a `#` comment start.
  let inComment: Bool

  /// Characters that end a word, as in the line editor's settings.
  static let breaks: Set<Unicode.Scalar> = [" ", "\t", "\n", "|", ",", "(", ")", "=", "<", ">", "!", "+", "*", "%", "[", "]", ";"]

  init(_ text: String) {
    let all = Array(text.unicodeScalars)
    var statementStart = 0
    var pipes: [Int] = []
    var quote: Unicode.Scalar? = nil
    var backquoteAt: Int? = nil
    var comment = false
    var depth = 0
    for (i, c) in all.enumerated() {
      if comment {
        if c == "\n" { comment = false }
        continue
      }
      if let q = quote {
        if c == q { quote = nil }
        continue
      }
      if backquoteAt != nil {
        if c == "`" { backquoteAt = nil }
        continue
      }
      switch c {
      case "\"", "'": quote = c
      case "`": backquoteAt = i
      case "#": comment = true
      case "(", "[": depth += 1
      case ")", "]": depth = max(0, depth - 1)
      case "|" where depth == 0: pipes.append(i)
      case ";" where depth == 0:
        statementStart = i + 1
        pipes = []
      default: break
      }
    }
    scalars = Array(all[statementStart...])
    self.pipes = pipes.map { $0 - statementStart }
    inString = quote != nil
    inComment = comment
    if let open = backquoteAt {
      wordStart = open - statementStart
    } else {
      var start = scalars.count
      while start > 0, !StatementPrefix.breaks.contains(scalars[start - 1]) { start -= 1 }
      wordStart = start
    }
    byteOffsetOfStatement = String(String.UnicodeScalarView(all[0..<statementStart])).utf8.count
  }

  /// UTF-8 bytes before the statement, to turn `wordStart` into a line offset.
  let byteOffsetOfStatement: Int

  var word: String { text(wordStart, scalars.count) }

  /// The word's start as a UTF-8 offset in the whole text.
  var wordStartByte: Int { byteOffsetOfStatement + text(0, wordStart).utf8.count }

  func text(_ from: Int, _ to: Int) -> String {
    String(String.UnicodeScalarView(scalars[max(0, from)..<max(from, to)]))
  }

  /// The blank-separated words between `from` and the word being typed.
  func words(from: Int) -> [String] {
    text(from, wordStart).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," }).map(String.init)
  }
}
