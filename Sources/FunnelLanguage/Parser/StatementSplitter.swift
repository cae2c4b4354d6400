/// Cuts a token stream into statements (LANGUAGE.md §1).
///
/// A statement ends at a newline, unless its line ends with `|`, a bracket is
/// still open, or the next non-blank line starts with `|`; `;` always ends
/// one. A command (`.name ...`) is a statement of its own. Newlines inside a
/// statement are dropped: the parser never sees them.
///
/// ```
/// deals
///   | where amount > 0     # one statement
/// leads | take 5; campaigns  # two more
/// ```
enum StatementSplitter {
  static func split(_ tokens: [Token]) -> [[Token]] {
    var statements: [[Token]] = []
    var current: [Token] = []
    var depth = 0
    func finish() {
      if !current.isEmpty { statements.append(current) }
      current = []
      depth = 0
    }
    var i = 0
    while i < tokens.count {
      let token = tokens[i]
      switch token.kind {
      case .semicolon:
        finish()
      case .command:
        finish()
        current.append(token)
      case .newline:
        guard let first = current.first, let last = current.last else { break }
        var j = i + 1
        while j < tokens.count, tokens[j].kind == .newline { j += 1 }
        guard j < tokens.count, first.kind != .command else {
          finish()
          break
        }
        let next = tokens[j]
        // A line that can only start a statement ends the one before, even with
        // a bracket left open: the open bracket is reported, not the new line.
        let startsStatement = next.kind == .command || startsBinding(tokens, at: j)
        if !startsStatement && (last.kind == .pipe || depth > 0 || next.kind == .pipe) { break }
        finish()
      case .leftParen, .leftBracket:
        depth += 1
        current.append(token)
      case .rightParen, .rightBracket:
        depth = max(0, depth - 1)
        current.append(token)
      default:
        current.append(token)
      }
      i += 1
    }
    finish()
    return statements
  }

  /// `let name =` or `metric name =` at `i`: only then is the word the
  /// keyword that starts a statement (a column may be called `metric`).
  static func startsBinding(_ tokens: [Token], at i: Int) -> Bool {
    guard tokens[i].isWord("let") || tokens[i].isWord("metric"), i + 2 < tokens.count else { return false }
    let name = tokens[i + 1].kind
    return (name == .word || name == .quotedName) && tokens[i + 2].kind == .assign
  }
}
