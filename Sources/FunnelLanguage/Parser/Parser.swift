/// Parses a script or a prompt line into statements (LANGUAGE.md §1–§3).
///
/// ```
/// deals | where stage == "closed_won" | take 5
/// ```
/// → one `.run` statement whose pipeline has the source `deals` and two stages.
///
/// Each statement is parsed on its own: one with a problem is left out of
/// `statements` and parsing resumes at the next, so a script's problems are
/// all reported at once, in source order:
///
/// ```
/// deals | wher amount > 0
/// ```
/// → `unknown stage 'wher'` at 1:9, hints `did you mean 'where'?` and the stage list.
public enum Parser {
  /// Past this many problems the rest of the source is not examined.
  public static let maxDiagnostics = 50
  /// Expressions nest (brackets, calls, `case`, `not`, `-`) at most this deep,
  /// and their trees are at most this tall, so whoever walks them recursively
  /// can rely on it.
  public static let maxNesting = 256
  /// A pipeline has at most this many stages: each stage is a step of the
  /// plan, and the binder, the executor and `.explain` walk the plan one
  /// call per step, so the limit keeps every walk within its stack.
  public static let maxStages = 256

  public static func parse(_ source: SourceText) -> (statements: [Statement], diagnostics: [Diagnostic]) {
    let (tokens, lexerDiagnostics) = Lexer.tokenize(source)
    let bytes = Array(source.text.utf8)
    var statements: [Statement] = []
    var diagnostics = lexerDiagnostics
    for group in StatementSplitter.split(tokens) {
      if diagnostics.count >= maxDiagnostics {
        diagnostics.append(.tooManyErrors())
        break
      }
      var parser = StatementParser(tokens: group, bytes: bytes)
      if DeepStatementJob.needsLargeStack(group) {
        let (statement, found) = DeepStatementJob.parse(parser)
        if let statement { statements.append(statement) }
        diagnostics += found
      } else {
        if let statement = parser.parseStatement() { statements.append(statement) }
        diagnostics += parser.diagnostics
      }
    }
    return (statements, ordered(diagnostics))
  }

  /// Source order (the lexer's and the parser's problems interleave); those
  /// without a position stay last.
  static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let x = a.element.span?.offset ?? Int.max
      let y = b.element.span?.offset ?? Int.max
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
  }
}
