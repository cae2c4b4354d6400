import FunnelData
import FunnelSQL

/// Parameters travel as literal expressions bound to `:name` in the SQL
/// text, never spliced into it.
extension SQLParameter {
  /// The literal Spark binds to `:name`; a null carries its type, so that
  /// `:rate * amount` still has one.
  func sparkLiteral() throws(RemoteError) -> Spark_Connect_Expression {
    var literal = Spark_Connect_Expression.Literal()
    switch value {
    case .null: literal.null = try SQLParameter.sparkType(type, name: name)
    case .int(let v): literal.long = v
    case .double(let v): literal.double = v
    case .decimal(let units, let scale):
      var d = Spark_Connect_Expression.Literal.Decimal()
      d.value = Decimal64.format(units: units, scale: scale)
      d.scale = Int32(scale)
      d.precision = Int32(max(scale + 1, String(units.magnitude).count))
      literal.decimal = d
    case .date(let days): literal.date = days
    case .timestamp(let micros): literal.timestampNtz = micros
    case .bool(let b): literal.boolean = b
    case .string(let s): literal.string = s
    case .period:
      throw RemoteError(.unsupported, "parameter '\(name)' is a period, which Spark has no type for")
    }
    var expression = Spark_Connect_Expression()
    expression.literal = literal
    return expression
  }

  private static func sparkType(_ type: DataType, name: String) throws(RemoteError) -> Spark_Connect_DataType {
    var t = Spark_Connect_DataType()
    switch type {
    case .int: t.long = .init()
    case .double: t.double = .init()
    case .decimal(let scale):
      var d = Spark_Connect_DataType.Decimal()
      d.scale = Int32(scale)
      d.precision = 18
      t.decimal = d
    case .date: t.date = .init()
    case .timestamp: t.timestampNtz = .init()
    case .bool: t.boolean = .init()
    case .string: t.string = .init()
    case .period: throw RemoteError(.unsupported, "parameter '\(name)' is a period, which Spark has no type for")
    }
    return t
  }
}
