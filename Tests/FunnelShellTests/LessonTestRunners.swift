import FunnelData
import FunnelEngine
import FunnelLanguage
import FunnelRender

@testable import FunnelShell

/// A runner that answers from fixed tables, keyed by the statement's text, so
/// exercise checks are tested without the engine.
final class LessonFakeRunner: LessonQueryRunner {
  var results: [String: Table] = [:]
  /// What `.param` would have set, for lessons that use `$quarter` and the like.
  var parameters: [String: String] = [:]
  private(set) var ran: [String] = []

  func lessonParameter(_ name: String) -> String? { parameters[name] }

  func lessonResult(of statement: String) throws -> Table {
    ran.append(statement)
    guard let table = results[statement] else { throw LessonError("unknown statement: \(statement)") }
    return table
  }

  func lessonRender(_ table: Table) -> String {
    (0..<table.rowCount).map { r in table.row(r).map(\.rawText).joined(separator: ",") }.joined(separator: "\n")
  }
}

/// A runner over the real parser and engine on the demo data: the same path
/// the shell takes, without the shell.
final class LessonEngineRunner: LessonQueryRunner {
  let catalog = Catalog()

  init(leads: Int = 4_000, seed: UInt64 = DemoData.defaultSeed) {
    for (name, table) in DemoData.generate(leads: leads, seed: seed).all { catalog.setDataset(name, table) }
    catalog.today = CivilDate(year: 2026, month: 7, day: 1).daysSinceEpoch
  }

  func lessonResult(of statement: String) throws -> Table {
    let (statements, diagnostics) = Parser.parse(SourceText(text: statement))
    if let first = diagnostics.first { throw first }
    guard statements.count == 1 else { throw LessonError("expected one statement, found \(statements.count)") }
    let prepared = try Engine.prepare(statements[0], in: catalog)
    switch try Engine.run(prepared, in: catalog, cancellation: Cancellation()) {
    case .table(let table, _):
      return table
    case .scalar(let value, let hint):
      return Table(names: ["value"], columns: [Column.make(LessonEngineRunner.type(of: value), [value], hint: hint)])
    default:
      throw LessonError("not a query: \(statement)")
    }
  }

  /// Runs every query of a script and returns the tables; dot commands
  /// (a script's `.param default` lines) are left to the shell and skipped.
  func runScript(_ text: String, name: String) throws -> [Table] {
    let (statements, diagnostics) = Parser.parse(SourceText(name: name, text: text))
    if let first = diagnostics.first { throw first }
    let queries = statements.filter { statement in
      if case .command = statement.kind { return false }
      return true
    }
    return try queries.map { statement in
      let prepared = try Engine.prepare(statement, in: catalog)
      guard case .table(let table, _) = try Engine.run(prepared, in: catalog, cancellation: Cancellation()) else {
        throw LessonError("not a query in \(name)")
      }
      return table
    }
  }

  func lessonRender(_ table: Table) -> String {
    TableRenderer.render(table, options: RenderOptions(width: 100, maxRows: 20))
  }

  private static func type(of value: Value) -> DataType {
    switch value {
    case .int: return .int
    case .double: return .double
    case .decimal(_, let scale): return .decimal(scale: scale)
    case .date: return .date
    case .timestamp: return .timestamp
    case .bool: return .bool
    case .period(_, let unit): return .period(unit)
    case .string, .null: return .string
    }
  }
}
