import FunnelData
import FunnelSQL
import PostgresNIO

/// The bound values of a query (`$1`, `$2`, ...), each sent with its
/// PostgreSQL type, so that the server never parses a value out of the SQL
/// text: a text with a quote in it is just a text.
///
/// | Funnel | sent as |
/// |---|---|
/// | int | bigint |
/// | double | double precision |
/// | decimal(s) | numeric, as text (`123.45`): exact |
/// | date, timestamp | date, timestamp (binary) |
/// | bool, text | boolean, text |
/// | period | text (`2026-Q1`) |
/// | null | a null of the parameter's type |
enum ParameterBinding {
  static func bindings(_ parameters: [SQLParameter]) -> PostgresBindings {
    var bindings = PostgresBindings(capacity: parameters.count)
    for parameter in parameters {
      switch parameter.value {
      case .null: bindings.append(PostgresData(type: PostgresType.parameterType(of: parameter.type)))
      case .int(let v): bindings.append(v)
      case .double(let v): bindings.append(v)
      case .decimal(let units, let scale):
        bindings.append(NumericText(text: Decimal64.format(units: units, scale: scale)))
      case .date(let days): bindings.append(BinaryDate(days: days))
      case .timestamp(let micros): bindings.append(BinaryTimestamp(micros: micros))
      case .bool(let v): bindings.append(v)
      case .string(let v): bindings.append(v)
      case .period(let ordinal, let unit): bindings.append(Periods.format(ordinal, unit: unit))
      }
    }
    return bindings
  }
}

/// A `numeric` in PostgreSQL's text form, which the server reads exactly.
struct NumericText: PostgresDynamicTypeEncodable {
  var text: String
  var psqlType: PostgresDataType { .numeric }
  var psqlFormat: PostgresFormat { .text }

  func encode<E: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<E>) {
    buffer.writeString(text)
  }
}

/// A date as days since 2000-01-01, PostgreSQL's binary form.
struct BinaryDate: PostgresDynamicTypeEncodable {
  /// Days since 1970-01-01.
  var days: Int32
  var psqlType: PostgresDataType { .date }
  var psqlFormat: PostgresFormat { .binary }

  func encode<E: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<E>) {
    buffer.writeInteger(days &- ResultColumn.epochDays)
  }
}

/// A timestamp as microseconds since 2000-01-01, PostgreSQL's binary form.
struct BinaryTimestamp: PostgresDynamicTypeEncodable {
  /// Microseconds since 1970-01-01T00:00:00.
  var micros: Int64
  var psqlType: PostgresDataType { .timestamp }
  var psqlFormat: PostgresFormat { .binary }

  func encode<E: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<E>) {
    buffer.writeInteger(micros &- ResultColumn.epochMicros)
  }
}
