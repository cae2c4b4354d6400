import FunnelData
import FunnelEngine

// Stand-ins for the core compiler's expressions and literals, which the
// vocabulary calls for its keys: columns and plain constants only. Deleted
// when the core compiler (Compiler/) defines them.
extension SQLBuilder {
  /// The SQL of a bound expression over `input` (columns and constants only here).
  func expression(_ e: BoundExpr, over input: SQLRelation) throws(SQLCompileError) -> String {
    switch e {
    case .column(let i, _, _):
      guard input.columns.indices.contains(i) else {
        throw SQLCompileError(
          "internal error: column \(i) of \(input.name) is out of range (this is a bug)", stage: nil)
      }
      return quote(input.columns[i])
    case .constant(let value, let type):
      return literal(value, type)
    case .located(let inner, _):
      return try expression(inner, over: input)
    default:
      throw SQLCompileError("\(dialect.rawValue) SQL for this expression is not written yet", stage: nil)
    }
  }

  /// A constant as SQL text.
  func literal(_ value: Value, _ type: DataType) -> String {
    switch value {
    case .null: return "NULL"
    case .int(let v): return String(v)
    case .double(let v): return double(v)
    case .decimal: return value.rawText
    case .bool(let b): return b ? "TRUE" : "FALSE"
    case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    case .date: return "DATE '\(value.rawText)'"
    case .timestamp: return "TIMESTAMP '\(value.rawText)'"
    case .period: return "'\(value.rawText)'"
    }
  }
}
