import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelSQL

/// Statements compiled to SQL over a catalog, each run in memory as well so
/// that a `let` binds what the next statement reads.
enum SQLFixture {
  /// The demo's datasets (3,000 leads, seed 7), today 2026-07-01.
  static let demo = DemoData.generate(leads: 3000, seed: 7)

  static func demoCatalog() -> Catalog {
    let c = Catalog()
    for (name, table) in demo.all { c.setDataset(name, table) }
    c.today = Periods.parse("2026-07-01", unit: .day) ?? 0
    return c
  }

  /// The SQL of each statement of `source` (nil for a `metric`).
  static func compile(
    _ source: String, _ dialect: SQLDialect, in catalog: Catalog? = nil, parameters: [String: String] = [:]
  ) throws -> [SQLStatement?] {
    let c = catalog ?? demoCatalog()
    for (k, v) in parameters { c.parameters[k] = v }
    let (statements, diagnostics) = Parser.parse(SourceText(text: source))
    if let d = diagnostics.first { throw DiagnosticList([d]) }
    var out = [SQLStatement?]()
    for s in statements {
      let prepared = try Engine.prepare(s, in: c)
      out.append(try SQLCompiler(dialect: dialect).compileStatement(prepared))
      _ = try Engine.run(prepared, in: c, cancellation: Cancellation())
    }
    return out
  }

  /// The SQL of the last statement of `source`.
  static func sql(_ source: String, _ dialect: SQLDialect, parameters: [String: String] = [:]) throws -> SQLQuery {
    guard let last = try compile(source, dialect, parameters: parameters).last, let statement = last else {
      throw DiagnosticList([Diagnostic(message: "no SQL")])
    }
    return statement.query
  }

  /// Statements as a script: each parameter on a comment line (`-- $1 = 50000`),
  /// each statement ended by `;`.
  static func script(_ statements: [SQLStatement?]) -> String {
    var text = ""
    for case let s? in statements {
      for (i, p) in s.query.parameters.enumerated() {
        text += "-- $\(i + 1) = \(p.value.rawText)\n"
      }
      text += s.query.text + ";\n"
    }
    return text
  }
}
