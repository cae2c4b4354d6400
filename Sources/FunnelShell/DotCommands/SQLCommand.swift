import FunnelEngine
import FunnelLanguage
import FunnelSQL

extension DotCommand {
  /// `.sql [duckdb|postgres|spark] QUERY`: the SQL a statement compiles to,
  /// in a dialect (the engine's, else duckdb). Runs nothing.
  static let sql = DotCommand(
    name: "sql", arguments: [.dialectOrQuery], usage: ".sql [duckdb|postgres|spark] QUERY",
    summary: "the SQL a statement compiles to (duckdb, postgres or spark); runs nothing", argumentCount: nil
  ) { session, invocation in
    var text = invocation.text
    var column = invocation.span.column
    var dialect = session.remote?.dialect ?? .duckdb
    if let first = invocation.words.first, let named = SQLDialect(named: first.text) {
      dialect = named
      let rest = text.dropFirst(first.text.count)
      let trimmed = rest.drop { $0 == " " || $0 == "\t" }
      column += text.count - trimmed.count
      text = String(trimmed)
    } else if invocation.words.count >= 2, let first = invocation.words.first,
      session.catalog.dataset(first.text) == nil, session.catalog.dataset(invocation.words[1].text) != nil
    {
      // `.sql mysql deals | …`: a dialect Funnel does not write.
      var d = invocation.error("unknown SQL dialect '\(first.text)'", at: first)
      d.hints.append("dialects are " + SQLDialect.allCases.map(\.rawValue).joined(separator: ", "))
      throw d
    }
    guard !text.isEmpty else { throw invocation.usageError(".sql needs a query, e.g. .sql postgres deals | funnel") }
    let pad = String(repeating: " ", count: max(0, column - 1))
    var inner = SourceText(name: invocation.source.name, text: pad + text, firstLine: invocation.span.line)
    inner.typedAtPrompt = invocation.source.typedAtPrompt
    let parsed = Parser.parse(inner)
    if !parsed.diagnostics.isEmpty { throw DiagnosticList(parsed.diagnostics) }
    guard parsed.statements.count == 1, let statement = parsed.statements.first else {
      throw invocation.usageError(".sql takes one statement")
    }
    if case .command = statement.kind { throw invocation.usageError(".sql takes a query, not a command") }
    if let sql = try session.sqlText(of: statement, in: inner, dialect: dialect) {
      session.emit(sql)
    }
  }
}
