import FunnelData
import FunnelEngine
import FunnelLanguage

/// Compiles a prepared statement's logical plan to SQL in a dialect: one CTE
/// per stage, named after its verb, and a final `SELECT` from the last, in
/// the order Funnel gives the rows. Pure: it reads no data and runs nothing.
///
///     deals | where stage == "closed_won" | agg revenue = sum(amount) by owner
///
///     WITH "filter" AS (
///       SELECT * FROM "deals" WHERE ("stage" = 'closed_won')
///     ),
///     "agg" AS (
///       SELECT "owner" AS "owner", sum("amount") AS "revenue" FROM "filter" GROUP BY 1
///     )
///     SELECT "owner", "revenue" FROM "agg" ORDER BY "owner" ASC NULLS LAST
public struct SQLCompiler: Sendable {
  public let dialect: SQLDialect

  public init(dialect: SQLDialect) { self.dialect = dialect }

  /// The query of a pipeline (or of the pipeline a `let` binds). Throws
  /// `SQLCompileError` naming the construct and the dialect when it has no SQL.
  /// `inlineParameters` writes parameters as literals (the body of a view
  /// cannot hold placeholders).
  public func compile(_ prepared: Prepared, inlineParameters: Bool = false) throws(SQLCompileError) -> SQLQuery {
    guard let node = prepared.plan.root.node else {
      throw SQLCompileError("this statement has no SQL form; only pipelines compile to SQL", stage: nil)
    }
    return try query(node, inlineParameters: inlineParameters)
  }

  /// The SQL of any statement: a pipeline's query; for `let name = <pipeline>`
  /// a `CREATE OR REPLACE TEMP VIEW` (whose definition holds the parameters'
  /// values, as a view cannot hold placeholders); for a scalar or `let name =
  /// <expression>` a one-row query of its `value`; nil for `metric`, which
  /// only the catalog keeps.
  public func compileStatement(_ prepared: Prepared) throws(SQLCompileError) -> SQLStatement? {
    switch prepared.plan.root {
    case .pipeline(let node, _):
      return SQLStatement(kind: .query, query: try query(node, inlineParameters: false))
    case .letDataset(let name, let node):
      let builder = SQLBuilder(dialect: dialect)
      let body = try query(node, inlineParameters: true)
      let text = "CREATE OR REPLACE TEMP VIEW \(builder.quote(name)) AS\n" + body.text
      return SQLStatement(kind: .view(name: name), query: SQLQuery(text: text))
    case .scalar(let e, _):
      return SQLStatement(kind: .query, query: try scalar(e))
    case .letScalar(let name, let e, _):
      return SQLStatement(kind: .scalar(name: name), query: try scalar(e))
    case .defineMetric:
      return nil
    }
  }

  private func query(_ node: PlanNode, inlineParameters: Bool) throws(SQLCompileError) -> SQLQuery {
    let builder = SQLBuilder(dialect: dialect)
    builder.inlineParameters = inlineParameters
    let last = try builder.relation(node)
    return builder.query(selecting: last)
  }

  private func scalar(_ e: BoundExpr) throws(SQLCompileError) -> SQLQuery {
    let builder = SQLBuilder(dialect: dialect)
    let value = try builder.render(e) { _ in "NULL" }
    return SQLQuery(text: "SELECT \(value) AS \(builder.quote("value"))", parameters: builder.parameters)
  }
}

/// The SQL of one statement and what running it gives.
public struct SQLStatement: Sendable {
  public enum Kind: Sendable, Equatable {
    /// A query whose rows are the result.
    case query
    /// A view created under the dataset's name; no rows.
    case view(name: String)
    /// A one-row query whose `value` is bound as the scalar `name`.
    case scalar(name: String)
  }

  public var kind: Kind
  public var query: SQLQuery
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
/// `order` is what ORDER BY reproduces Funnel's row order (empty: the order
/// does not matter, or is the table's own); `hidden` are columns carried only
/// for that order (`__funnel_row`, a row's place).
struct SQLRelation {
  var name: String
  var columns: [String]
  var types: [DataType]
  var order: [String] = []
  var hidden: [String] = []
}

/// The query under construction: its CTEs in order and its bound parameters.
final class SQLBuilder {
  let dialect: SQLDialect
  private(set) var ctes: [(name: String, sql: String)] = []
  private(set) var parameters: [SQLParameter] = []
  /// Parameters written as literals (a view's definition).
  var inlineParameters = false
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

  func addParameter(_ p: SQLParameter) { parameters.append(p) }

  /// `WITH a AS (...), b AS (...) SELECT ... FROM b ORDER BY ...`.
  func query(selecting last: SQLRelation) -> SQLQuery {
    let columns = last.columns.map(quote).joined(separator: ", ")
    var text = ""
    if !ctes.isEmpty {
      text += "WITH " + ctes.map { "\(quote($0.name)) AS (\n" + indent($0.sql) + "\n)" }.joined(separator: ",\n") + "\n"
    }
    text += "SELECT \(columns)\nFROM \(quote(last.name))"
    if !last.order.isEmpty { text += "\nORDER BY " + last.order.joined(separator: ", ") }
    return SQLQuery(text: text, parameters: parameters)
  }

  /// A name quoted for the dialect: `"name"` (duckdb, postgres) or `` `name` `` (spark).
  func quote(_ name: String) -> String { dialect.quote(name) }

  private func indent(_ sql: String) -> String {
    sql.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }
}
