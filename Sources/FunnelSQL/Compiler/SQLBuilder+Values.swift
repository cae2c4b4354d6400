import FunnelData
import FunnelEngine

/// Types, literals and placeholders as each dialect writes them.
///
///     literal(.string("O'Brien"), .string)      // 'O''Brien'
///     literal(.date(20454), .date)              // DATE '2026-01-01'
///     literal(.period(8105, .quarter), ...)     // '2026-Q2' (periods are text in SQL)
///     sqlType(.decimal(scale: 2))               // DECIMAL(38, 2)
extension SQLBuilder {
  /// The SQL type holding a Funnel type. Periods are their text (`2026-Q1`),
  /// which sorts in time order as the period does.
  func sqlType(_ type: DataType) -> String {
    switch (type, dialect) {
    case (.int, _): return "BIGINT"
    case (.double, .postgres): return "DOUBLE PRECISION"
    case (.double, _): return "DOUBLE"
    case (.decimal(let s), .postgres): return "NUMERIC(38, \(s))"
    case (.decimal(let s), _): return "DECIMAL(38, \(s))"
    case (.date, _): return "DATE"
    case (.timestamp, .postgres): return "timestamp without time zone"
    case (.timestamp, .spark): return "TIMESTAMP_NTZ"
    case (.timestamp, .duckdb): return "TIMESTAMP"
    case (.bool, _): return "BOOLEAN"
    case (.string, .postgres), (.period, .postgres): return "TEXT"
    case (.string, .spark), (.period, .spark): return "STRING"
    case (.string, .duckdb), (.period, .duckdb): return "VARCHAR"
    }
  }

  /// `CAST(sql AS type)`.
  func cast(_ sql: String, _ type: DataType) -> String { "CAST(\(sql) AS \(sqlType(type)))" }

  /// A value written into the query as a literal of `type` (a null is a typed null).
  func literal(_ value: Value, _ type: DataType) -> String {
    switch value {
    case .null: return cast("NULL", type)
    case .int(let v): return v < 0 ? "(\(v))" : String(v)
    case .double(let v):
      if v.isNaN { return cast("'NaN'", .double) }
      if v.isInfinite { return cast(v > 0 ? "'Infinity'" : "'-Infinity'", .double) }
      return cast(String(v), .double)
    case .decimal(let u, let s):
      let text = Decimal64.format(units: u, scale: s)
      return u < 0 ? "(\(text))" : text
    case .date(let d): return "DATE '\(CivilDate(daysSinceEpoch: d).description)'"
    case .timestamp(let t): return (dialect == .spark ? "TIMESTAMP_NTZ '" : "TIMESTAMP '") + Timestamps.format(t) + "'"
    case .bool(let b): return b ? "TRUE" : "FALSE"
    case .string(let s): return text(s)
    case .period(let o, let u): return text(Periods.format(o, unit: u))
    }
  }

  /// A text literal: quotes doubled; for spark, whose literals read `\` as an
  /// escape, backslashes doubled too.
  func text(_ s: String) -> String {
    var body = s.replacingOccurrences(of: "'", with: "''")
    if dialect == .spark { body = body.replacingOccurrences(of: "\\", with: "\\\\") }
    return "'" + body + "'"
  }

  /// The placeholder of a parameter, cast to the type it is used as: `$1`
  /// (duckdb, postgres; one number per name) or `:name` (spark). Where
  /// placeholders cannot stand (a view's definition), the value is written
  /// as a literal instead.
  func placeholder(_ name: String, _ value: Value, _ type: DataType) -> String {
    if inlineParameters || value.isNull { return literal(value, type) }
    let index: Int
    if let known = parameters.firstIndex(where: { $0.name == name }) {
      index = known
    } else {
      index = parameters.count
      // A period is bound as its text, as every dialect holds it.
      let bound: (Value, DataType) = {
        if case .period = type { return (.string(value.rawText), .string) }; return (value, type)
      }()
      addParameter(SQLParameter(name: name, value: bound.0, type: bound.1))
    }
    let mark: String
    switch dialect {
    case .duckdb, .postgres: mark = "$\(index + 1)"
    case .spark: mark = ":" + sparkParameterName(name)
    }
    return cast(mark, type)
  }

  /// Spark's named markers are identifiers: other characters become `_`.
  private func sparkParameterName(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
  }
}
