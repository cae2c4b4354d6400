import FunnelLanguage

/// The promise every diagnostic keeps, whichever stage raised it: its span
/// (when it has one) points into the text, at a line the shell can show
/// under the message with a caret.
enum FuzzSpans {
  static func check(_ diagnostics: [Diagnostic], in source: SourceText) -> [String] {
    let size = source.text.utf8.count
    let lines = lineCount(source)
    var problems: [String] = []
    for d in diagnostics {
      if d.message.isEmpty { problems.append("a diagnostic without a message") }
      guard let span = d.span else { continue }
      if span.offset < 0 || span.length < 0 || span.offset > size {
        problems.append("'\(d.message)' at offset \(span.offset) (+\(span.length)) outside 0...\(size)")
      }
      if span.column < 1 || !(source.firstLine..<source.firstLine + lines).contains(span.line) {
        problems.append("'\(d.message)' at \(span.line):\(span.column) names no line of the text")
      }
    }
    return problems
  }

  /// The lines `SourceText.line` can return (counted once: asking it for
  /// each span would split the text again every time).
  static func lineCount(_ source: SourceText) -> Int {
    source.text.utf8.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
  }
}
