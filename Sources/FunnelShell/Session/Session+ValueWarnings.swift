import FunnelEngine
import FunnelLanguage

extension Session {
  /// Writes the warnings a statement's run collected, each pointing at the
  /// text it is about (`channel == "emial"`): the statement has still run.
  func reportValueWarnings(_ log: WarningLog, of statement: Statement, in source: SourceText) {
    let warnings = log.warnings
    guard !warnings.isEmpty else { return }
    let strings = Self.stringTokens(of: statement, in: source)
    report(
      warnings.map { w in
        Diagnostic(
          severity: .warning, message: w.message,
          span: strings.first { $0.text == w.literal }?.span ?? statement.span,
          hints: w.nearest == nil && !w.allNull
            ? ["the column has no value near it: check the spelling, or count by \(w.column)"] : [])
      }, in: source)
  }

  /// The text literals written in `statement`: from its first token to the
  /// end of its last line (a newline not followed by `|` ends it, as do `;`
  /// and a dot command).
  static func stringTokens(of statement: Statement, in source: SourceText) -> [Token] {
    let (tokens, _) = Lexer.tokenize(source)
    var out: [Token] = []
    var i = tokens.firstIndex { $0.span.offset >= statement.span.offset } ?? tokens.endIndex
    while i < tokens.endIndex {
      let t = tokens[i]
      if t.kind == .semicolon || t.kind == .command { break }
      if t.kind == .newline {
        let next = tokens[(i + 1)...].first { $0.kind != .newline }
        if next?.kind != .pipe { break }
      }
      if t.kind == .string { out.append(t) }
      i += 1
    }
    return out
  }
}
