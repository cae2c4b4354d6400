import FunnelData
import PostgresNIO
import Testing

@testable import FunnelPostgres

@Suite struct PostgresTypeTests {
  /// The type modifier of numeric(p, s).
  func modifier(_ precision: Int32, _ scale: Int32) -> Int32 { (precision << 16 | scale) + 4 }

  @Test func resultTypes() {
    let cases: [(PostgresDataType, Int32, DataType?)] = [
      (.int2, -1, .int), (.int4, -1, .int), (.int8, -1, .int), (.oid, -1, .int),
      (.float4, -1, .double), (.float8, -1, .double),
      (.numeric, modifier(12, 2), .decimal(scale: 2)), (.numeric, modifier(10, 0), .decimal(scale: 0)),
      (.numeric, modifier(40, 20), .double), (.numeric, -1, nil),
      (.text, -1, .string), (.varchar, 24, .string), (.bpchar, 8, .string), (.name, -1, .string),
      (.uuid, -1, .string), (.jsonb, -1, .string),
      (.date, -1, .date), (.timestamp, -1, .timestamp), (.timestamptz, -1, .timestamp), (.bool, -1, .bool),
    ]
    for (oid, typmod, type) in cases {
      #expect(PostgresType(oid: oid, modifier: typmod)?.dataType == type, "\(oid)")
    }
    #expect(PostgresType(oid: .numeric, modifier: -1) == .numericUnscaled)
    // Its bytes are still a numeric's, not a float8's.
    #expect(PostgresType(oid: .numeric, modifier: modifier(40, 20)) == .numericDouble)
    #expect(PostgresType(oid: .interval, modifier: -1) == nil)
    #expect(PostgresType(oid: .bytea, modifier: -1) == nil)
  }

  @Test func negativeScaleIsWhole() {
    // numeric(5, -2): the scale's 11 bits hold -2.
    #expect(PostgresType.numericScale(modifier: (5 << 16 | 0x7FE) + 4) == 0)
  }

  @Test func catalogTypes() {
    let cases: [(String, Int?, DataType?)] = [
      ("smallint", 0, .int), ("integer", 0, .int), ("bigint", 0, .int),
      ("real", nil, .double), ("double precision", nil, .double),
      ("numeric", 2, .decimal(scale: 2)), ("numeric", nil, .double), ("numeric", 30, .double),
      ("text", nil, .string), ("character varying", nil, .string), ("character", nil, .string),
      ("date", nil, .date), ("timestamp without time zone", nil, .timestamp),
      ("timestamp with time zone", nil, .timestamp), ("boolean", nil, .bool),
      ("interval", nil, nil), ("ARRAY", nil, nil), ("USER-DEFINED", nil, nil),
    ]
    for (name, scale, type) in cases {
      #expect(PostgresType.catalogType(name, scale: scale) == type, "\(name)")
    }
  }
}
