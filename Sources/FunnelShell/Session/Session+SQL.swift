import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelSQL

/// Statements as SQL: `.sql DIALECT QUERY`, `funnel --sql DIALECT script`, and
/// the SQL a remote engine is sent.
extension Session {
  /// The SQL of a prepared pipeline (or of a `let`'s pipeline), as a
  /// diagnostic placed at the stage that has no SQL form when it cannot be
  /// compiled. `inline` writes parameters as literals (a view's body cannot
  /// hold placeholders).
  func compileSQL(
    _ prepared: Prepared, _ statement: Statement, in source: SourceText, dialect: SQLDialect, inline: Bool = false
  ) throws -> SQLQuery {
    do {
      return try SQLCompiler(dialect: dialect).compile(prepared, inlineParameters: inline)
    } catch {
      var d = Diagnostic(
        message: "no \(dialect.rawValue) SQL: " + error.message,
        span: Self.span(of: error.stage, in: statement, source: source))
      if let hint = error.hint { d.hints.append(hint) }
      throw d
    }
  }

  /// Where `stage` (a stage's text as written) is in the statement; the
  /// whole statement when it is not found.
  static func span(of stage: String?, in statement: Statement, source: SourceText) -> Span {
    let whole = statement.span
    guard let stage, !stage.isEmpty else { return whole }
    // Span offsets count bytes; lengths and columns count scalars.
    let text = source.text
    guard let start = text.utf8.index(text.utf8.startIndex, offsetBy: whole.offset, limitedBy: text.utf8.endIndex)
    else { return whole }
    let end = text.unicodeScalars.index(start, offsetBy: whole.length, limitedBy: text.endIndex) ?? text.endIndex
    guard start <= end, let found = text[start..<end].range(of: stage) else { return whole }
    let before = text[start..<found.lowerBound]
    var line = whole.line
    var column = whole.column
    for s in before.unicodeScalars {
      if s == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return Span(
      line: line, column: column, offset: whole.offset + before.utf8.count, length: stage.unicodeScalars.count)
  }

  /// The text `--sql` and `.sql` print for one statement: comments naming
  /// the bound parameters, then the SQL ending in `;`. Nil for statements
  /// with no SQL of their own (`let x = 3`, `metric`), which still bind.
  func sqlText(of statement: Statement, in source: SourceText, dialect: SQLDialect) throws -> String? {
    let prepared = try Engine.prepare(statement, in: catalog)
    switch prepared.plan.root {
    case .pipeline:
      let query = try compileSQL(prepared, statement, in: source, dialect: dialect)
      return Self.parameterComments(query, dialect: dialect) + query.text + ";\n"
    case .letDataset(let name, _):
      let query = try compileSQL(prepared, statement, in: source, dialect: dialect, inline: true)
      bindSchema(name, prepared)
      return Self.createView(name, query.text, dialect: dialect) + ";\n"
    case .scalar, .letScalar, .defineMetric:
      // Constants and metric definitions are Funnel's own: they shape the
      // SQL of the statements after them, and need no data to bind. A
      // value is shown as a comment, as the engine would print it.
      let outcome = try Engine.run(prepared, in: catalog, cancellation: cancellation, memoryLimit: memoryLimit)
      if case .scalar(let value, _) = outcome { return "-- value: \(value.rawText)\n" }
      return nil
    }
  }

  /// `-- $1 = 0.35 (gross_margin)`, one line per parameter.
  static func parameterComments(_ query: SQLQuery, dialect: SQLDialect) -> String {
    var text = ""
    for (i, p) in query.parameters.enumerated() {
      let marker = dialect == .spark ? ":" + p.name : "$\(i + 1)"
      text += "-- \(marker) = \(p.value.rawText) (\(p.name), \(p.type.name))\n"
    }
    return text
  }

  /// The statement that makes `name` a view of `query` for this connection.
  static func createView(_ name: String, _ query: String, dialect: SQLDialect) -> String {
    switch dialect {
    case .spark:
      return "CREATE OR REPLACE TEMPORARY VIEW \(dialect.quote(name)) AS\n" + query
    case .duckdb, .postgres:
      return "CREATE OR REPLACE TEMP VIEW \(dialect.quote(name)) AS\n" + query
    }
  }

  /// Registers a `let`'s columns (no rows) so the statements after it bind.
  func bindSchema(_ name: String, _ prepared: Prepared) {
    guard let columns = prepared.plan.columns else { return }
    catalog.setDataset(name, Self.emptyTable(names: columns.map(\.name), types: columns.map(\.type)))
  }

  /// A table with these columns and no rows: what binding needs of a dataset
  /// that lives on a server.
  static func emptyTable(names: [String], types: [DataType]) -> Table {
    Table(names: names, columns: types.map { Column.make($0, []) })
  }

  /// `funnel --sql DIALECT`: the whole script as one SQL file; runs nothing
  /// but the dot commands that shape later statements (`.param`).
  func printSQL(_ source: SourceText, dialect: SQLDialect) -> Bool {
    let parsed = Parser.parse(source)
    if !parsed.diagnostics.isEmpty {
      report(parsed.diagnostics, in: source)
      if parsed.diagnostics.contains(where: { $0.severity == .error }) { return false }
    }
    emit("-- \(source.name ?? "statements") compiled by funnel for \(dialect.rawValue)\n")
    for statement in parsed.statements {
      if case .command(let name, _, _) = statement.kind {
        let bare = name.text.hasPrefix(".") ? String(name.text.dropFirst()) : name.text
        guard ["param", "mode", "timer", "memory-limit"].contains(bare) else {
          report(
            [
              Diagnostic(
                message: "'.\(bare)' has no SQL form; --sql compiles pipelines, let and metric statements",
                span: statement.span, hints: ["run the script without --sql, or remove the command"])
            ], in: source)
          return false
        }
        if !execute(statement, in: source) { return false }
        continue
      }
      do {
        if let text = try sqlText(of: statement, in: source, dialect: dialect) {
          emit("\n-- line \(statement.span.line)\n" + text)
        }
      } catch {
        report(error, in: source)
        return false
      }
      console.flush()
    }
    return true
  }
}
