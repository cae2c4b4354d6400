import FunnelData
import FunnelEngine
import FunnelLanguage

/// Compiles a prepared statement's logical plan to one SQL query in a dialect:
/// one CTE per stage, named after it, and a final `SELECT` from the last.
/// Pure: it reads no data and runs nothing.
public struct SQLCompiler: Sendable {
  public let dialect: SQLDialect

  public init(dialect: SQLDialect) { self.dialect = dialect }

  /// The query of a pipeline (or of the pipeline a `let` binds). Throws
  /// `SQLCompileError` naming the construct and the dialect when it has no SQL.
  /// `inlineParameters` writes parameters as literals (the body of a view
  /// cannot hold placeholders).
  public func compile(_ prepared: Prepared, inlineParameters: Bool = false) throws(SQLCompileError) -> SQLQuery {
    let builder = SQLBuilder(dialect: dialect)
    guard let node = prepared.plan.root.node else {
      throw SQLCompileError("this statement has no SQL form; only pipelines compile to SQL", stage: nil)
    }
    let last = try builder.relation(node)
    return builder.query(selecting: last)
  }
}

/// A construct that cannot be written in a dialect, or not yet: the message
/// names it and the dialect; `stage` is the stage's text as written, which the
/// shell finds in the statement to place the caret.
public struct SQLCompileError: Error, Sendable {
  public var message: String
  public var stage: String?
  public var hint: String?

  public init(_ message: String, stage: String?, hint: String? = nil) {
    self.message = message
    self.stage = stage
    self.hint = hint
  }
}

/// A relation the query has built so far: a CTE (or a table) and its columns,
/// in the plan's order (a `.column(i)` of the next stage is `columns[i]`).
struct SQLRelation {
  var name: String
  var columns: [String]
  var types: [DataType]
}

/// The query under construction: its CTEs in order and its bound parameters.
final class SQLBuilder {
  let dialect: SQLDialect
  private(set) var ctes: [(name: String, sql: String)] = []
  private(set) var parameters: [SQLParameter] = []
  private var used: Set<String> = []

  init(dialect: SQLDialect) { self.dialect = dialect }

  /// Adds a CTE named after `stage` (made unique: `filter`, `filter_2`, ...).
  func add(_ stage: String, _ sql: String, columns: [String], types: [DataType]) -> SQLRelation {
    var name = stage
    var n = 1
    while used.contains(name) {
      n += 1
      name = "\(stage)_\(n)"
    }
    used.insert(name)
    ctes.append((name, sql))
    return SQLRelation(name: name, columns: columns, types: types)
  }

  /// `WITH a AS (...), b AS (...) SELECT * FROM b`.
  func query(selecting last: SQLRelation) -> SQLQuery {
    let columns = last.columns.map(quote).joined(separator: ", ")
    var text = ""
    if !ctes.isEmpty {
      text += "WITH " + ctes.map { "\(quote($0.name)) AS (\n" + indent($0.sql) + "\n)" }.joined(separator: ",\n") + "\n"
    }
    text += "SELECT \(columns) FROM \(quote(last.name))"
    return SQLQuery(text: text, parameters: parameters)
  }

  /// The SQL relation a plan node produces.
  func relation(_ node: PlanNode) throws(SQLCompileError) -> SQLRelation {
    switch node {
    case .scan(let name, let schema):
      return SQLRelation(name: name, columns: schema.names, types: schema.types)
    case .vocabulary(let input, let plan, let columns):
      let from = try input.map { (i) throws(SQLCompileError) in try relation(i) }
      return try vocabulary(from, plan, columns: columns)
    default:
      throw SQLCompileError("\(dialect.rawValue) SQL for this stage is not written yet", stage: nil)
    }
  }

  /// A name quoted for the dialect: `"name"` (duckdb, postgres) or `` `name` `` (spark).
  func quote(_ name: String) -> String {
    switch dialect {
    case .duckdb, .postgres: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }
  }

  private func indent(_ sql: String) -> String {
    sql.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }
}
