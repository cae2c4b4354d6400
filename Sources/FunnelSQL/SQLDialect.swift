import FunnelData

/// The SQL dialects a plan compiles to. Each differs in quoting, types,
/// date functions and placeholders; `SQLDialect+Rules` holds those choices.
public enum SQLDialect: String, CaseIterable, Sendable {
  case duckdb, postgres, spark

  /// The dialect named `text` (`postgresql` and `pg` name postgres).
  public init?(named text: String) {
    switch text.lowercased() {
    case "duckdb": self = .duckdb
    case "postgres", "postgresql", "pg": self = .postgres
    case "spark", "sparksql", "spark-sql": self = .spark
    default: return nil
    }
  }

  /// A name quoted for the dialect: `"name"` (duckdb, postgres) or `` `name` `` (spark).
  public func quote(_ name: String) -> String {
    switch self {
    case .duckdb, .postgres: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }
  }
}

/// SQL text and the values bound to its placeholders, in order. Parameters
/// (`.param`) are bound values, never spliced into the text.
public struct SQLQuery: Sendable {
  public var text: String
  public var parameters: [SQLParameter]

  public init(text: String, parameters: [SQLParameter] = []) {
    self.text = text
    self.parameters = parameters
  }
}

/// A value bound to a placeholder: `$1` (postgres, duckdb) or `:name` (spark).
public struct SQLParameter: Sendable {
  /// The Funnel name (`.param gross_margin` is `gross_margin`).
  public var name: String
  public var value: Value
  public var type: DataType

  public init(name: String, value: Value, type: DataType) {
    self.name = name
    self.value = value
    self.type = type
  }
}
