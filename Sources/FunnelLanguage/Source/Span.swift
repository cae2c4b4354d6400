/// Where a piece of syntax stands in its source: 1-based line and column
/// (columns count Unicode scalars), the byte offset, and the length in scalars.
public struct Span: Hashable, Sendable {
  public var line: Int
  public var column: Int
  public var offset: Int
  public var length: Int

  public init(line: Int, column: Int, offset: Int, length: Int) {
    self.line = line
    self.column = column
    self.offset = offset
    self.length = length
  }

  /// From the start of `self` to the end of `other` (on one line: the caret run;
  /// across lines: to the end of the first line).
  public func through(_ other: Span) -> Span {
    if other.line == line {
      return Span(line: line, column: column, offset: offset, length: max(length, other.column + other.length - column))
    }
    return self
  }
}

/// The text of a script, a `-c` argument or a prompt line, with the name shown
/// in messages (`report.funnel`; nil at the prompt, where messages say `line:col`).
public struct SourceText: Sendable {
  public var name: String?
  public var text: String
  /// The first line's number (the statement inside `.explain` on a
  /// script's line 3 is on line 3).
  public var firstLine: Int
  /// Typed at the interactive prompt: each statement is numbered from line
  /// 1, and a position is shown by its caret alone (a line number only when
  /// the statement has several lines), not as `12:5:`.
  public var typedAtPrompt = false

  public init(name: String? = nil, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
  }

  /// The text of line `n` (as numbered in spans), without its line ending.
  public func line(_ n: Int) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let i = n - firstLine
    guard i >= 0, i < lines.count else { return nil }
    var l = String(lines[i])
    if l.hasSuffix("\r") { l.removeLast() }
    return l
  }
}
