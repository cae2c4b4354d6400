import FunnelData
import PostgresNIO

/// How a PostgreSQL type is read into a Funnel column: the binary form of
/// each type postgres-nio asks results in, and the Funnel type it becomes.
///
/// | PostgreSQL | Funnel |
/// |---|---|
/// | smallint, integer, bigint, oid | int |
/// | real, double precision | double |
/// | numeric(p, s) | decimal(s) (double when s > 18) |
/// | numeric | decimal at the largest scale of the first batch, else double |
/// | text, varchar, char(n), name, "char", json, jsonb, uuid | text |
/// | date | date |
/// | timestamp, timestamptz (as UTC) | timestamp |
/// | boolean | bool |
enum PostgresType: Equatable, Sendable {
  case int2, int4, int8, oid
  case float4, float8
  /// `numeric(p, s)`: the scale is known before any row.
  case numeric(scale: Int)
  /// `numeric(p, s)` with more decimals than a decimal holds: read as a double.
  case numericDouble
  /// `numeric` without a scale (sums, averages): the first batch decides.
  case numericUnscaled
  case bool, date, timestamp
  case text, jsonb, uuid, char

  /// The type of a result column; nil for a type Funnel cannot hold.
  init?(oid: PostgresDataType, modifier: Int32) {
    switch oid {
    case .int2: self = .int2
    case .int4: self = .int4
    case .int8: self = .int8
    case .oid: self = .oid
    case .float4: self = .float4
    case .float8: self = .float8
    case .numeric:
      guard let scale = PostgresType.numericScale(modifier: modifier) else {
        self = .numericUnscaled
        return
      }
      self = scale <= PostgresType.maximumScale ? .numeric(scale: scale) : .numericDouble
    case .bool: self = .bool
    case .date: self = .date
    case .timestamp, .timestamptz: self = .timestamp
    case .text, .varchar, .bpchar, .name, .json, .unknown: self = .text
    case .jsonb: self = .jsonb
    case .uuid: self = .uuid
    case .char: self = .char
    default: return nil
    }
  }

  /// The largest decimal scale an `Int64` of units holds usefully.
  static let maximumScale = 18

  /// The scale of `numeric(p, s)` from its type modifier: ((p << 16) | s) + 4,
  /// or -1 for a numeric without one. A negative scale (PostgreSQL 15) holds
  /// whole numbers: scale 0.
  static func numericScale(modifier: Int32) -> Int? {
    guard modifier >= 4 else { return nil }
    let raw = Int((modifier - 4) & 0x7FF)
    // The scale is 11 bits, signed.
    let scale = raw >= 0x400 ? raw - 0x800 : raw
    return max(0, scale)
  }

  /// The Funnel type of the column, when known before any row.
  var dataType: DataType? {
    switch self {
    case .int2, .int4, .int8, .oid: return .int
    case .float4, .float8, .numericDouble: return .double
    case .numeric(let scale): return .decimal(scale: scale)
    case .numericUnscaled: return nil
    case .bool: return .bool
    case .date: return .date
    case .timestamp: return .timestamp
    case .text, .jsonb, .uuid, .char: return .string
    }
  }

  /// The Funnel type of a column as `information_schema.columns` describes it
  /// (`data_type`, `numeric_scale`); nil for a type Funnel cannot hold.
  static func catalogType(_ name: String, scale: Int?) -> DataType? {
    switch name {
    case "smallint", "integer", "bigint", "oid": return .int
    case "real", "double precision": return .double
    case "numeric":
      guard let scale else { return .double }
      return scale <= maximumScale ? .decimal(scale: max(0, scale)) : .double
    case "text", "character varying", "character", "name", "\"char\"", "json", "jsonb", "uuid": return .string
    case "date": return .date
    case "timestamp without time zone", "timestamp with time zone": return .timestamp
    case "boolean": return .bool
    default: return nil
    }
  }

  /// The PostgreSQL type a Funnel column is created with (`load`).
  static func sqlName(of type: DataType) -> String {
    switch type {
    case .int: return "bigint"
    case .double: return "double precision"
    case .decimal(let scale): return "numeric(38, \(scale))"
    case .date: return "date"
    case .timestamp: return "timestamp"
    case .bool: return "boolean"
    case .string, .period: return "text"
    }
  }

  /// The type sent with a parameter (a null's type lets `$1` be resolved).
  static func parameterType(of type: DataType) -> PostgresDataType {
    switch type {
    case .int: return .int8
    case .double: return .float8
    case .decimal: return .numeric
    case .date: return .date
    case .timestamp: return .timestamp
    case .bool: return .bool
    case .string, .period: return .text
    }
  }
}
