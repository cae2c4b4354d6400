/// Turns source text into tokens, reporting what it cannot read.
///
/// Comments (`#` to the end of the line) are dropped; newlines are kept as
/// tokens because they end statements. `.name` at the start of a statement
/// becomes a `.command` token followed by one `.commandArguments` token
/// holding the rest of the line (up to a `;` or a `#` comment outside quotes).
///
/// ```
/// deals | where amount > 1_000
/// ```
/// → `word deals`, `pipe`, `word where`, `word amount`, `greater`, `integer 1_000`.
///
/// `@2026-02-30` gives `invalid date '@2026-02-30'` with the hint
/// `2026-02 has 28 days`; the lexer goes on after every problem, so one pass
/// reports all of them (up to `maxDiagnostics`).
public enum Lexer {
  /// Reading stops (with a diagnostic) past this many tokens, so a runaway
  /// input cannot exhaust memory; real scripts are far below it.
  public static let maxTokens = 1_000_000
  /// Reading stops (with a diagnostic) past this many problems: noise such as
  /// a binary file would otherwise give one per byte.
  public static let maxDiagnostics = 25

  public static func tokenize(_ source: SourceText) -> ([Token], [Diagnostic]) {
    let lexed = lex(source)
    return (lexed.tokens, lexed.diagnostics)
  }

  /// Reads any text, finished or not (a line still being typed, a statement
  /// cut off by the end of the input), into tokens, problems, and a
  /// description of what is still open at its end. It never fails: what it
  /// cannot read becomes an `.invalid` token and a diagnostic.
  ///
  /// `deals | where (owner == "a` → tokens up to `(`, `word owner`, `equal`,
  /// an `.invalid` token for `"a`, and `unfinished` holding the open string
  /// and the open `(`.
  public static func lex(_ source: SourceText) -> LexedText {
    var state = LexerState(source)
    state.run()
    state.unfinished.endsWithPipe = state.tokens.last { $0.kind != .newline }?.kind == .pipe
    return LexedText(tokens: state.tokens, diagnostics: state.diagnostics, unfinished: state.unfinished)
  }
}
