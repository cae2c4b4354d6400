import Foundation
import FunnelData
import FunnelSQL
import Testing

@testable import FunnelSpark

/// The Arrow reader on streams written by `ArrowTestStream`: every type
/// Spark sends, nulls, several batches, and streams after the first.
struct ArrowStreamReaderTests {
  func read(_ names: [String], _ batches: [[ArrowTestColumn]]) throws -> [Table] {
    var reader = ArrowStreamReader()
    return try reader.tables(in: ArrowTestStream.bytes(names: names, batches: batches))
  }

  func values(_ table: Table, _ column: Int) -> [Value] {
    (0..<table.rowCount).map { table.columns[column].value(at: $0) }
  }

  @Test func integersOfEveryWidthBecomeInt() throws {
    let tables = try read(
      ["a", "b", "c", "d", "e"],
      [
        [
          .int64([1, nil, -9_000_000_000]), .int32([7, -7, nil]), .int16([nil, 300, -300]), .int8([-128, 127, nil]),
          .uint64([0, nil, UInt64(Int64.max)]),
        ]
      ])
    let t = try #require(tables.first)
    #expect(t.names == ["a", "b", "c", "d", "e"])
    #expect(t.columns.map(\.type) == [.int, .int, .int, .int, .int])
    #expect(values(t, 0) == [.int(1), .null, .int(-9_000_000_000)])
    #expect(values(t, 1) == [.int(7), .int(-7), .null])
    #expect(values(t, 2) == [.null, .int(300), .int(-300)])
    #expect(values(t, 3) == [.int(-128), .int(127), .null])
    #expect(values(t, 4) == [.int(0), .null, .int(Int64.max)])
  }

  @Test func floatsBecomeDouble() throws {
    let t = try #require(try read(["x", "y"], [[.double([1.5, nil, -0.25]), .float([nil, 2.5, 3])]]).first)
    #expect(t.columns.map(\.type) == [.double, .double])
    #expect(values(t, 0) == [.double(1.5), .null, .double(-0.25)])
    #expect(values(t, 1) == [.null, .double(2.5), .double(3)])
  }

  @Test func decimalsStayExact() throws {
    let t = try #require(
      try read(["amount"], [[.decimal128([12_345, nil, -5, Int64.min], precision: 20, scale: 2)]]).first)
    #expect(t.columns[0].type == .decimal(scale: 2))
    #expect(values(t, 0) == [.decimal(12_345, scale: 2), .null, .decimal(-5, scale: 2), .decimal(Int64.min, scale: 2)])
  }

  @Test func aDecimalBeyondInt64IsAnErrorNotAWrongNumber() throws {
    // 2^64: high word 1, low word 0.
    let stream = ArrowTestStream.bytes(names: ["big"], batches: [[.decimal128([(1, 0)], precision: 38, scale: 0)]])
    var reader = ArrowStreamReader()
    let error = #expect(throws: RemoteError.self) { try reader.tables(in: stream) }
    #expect(error?.kind == .unsupported)
    #expect(error?.message.contains("'big'") == true)
  }

  @Test func aNullDecimalBeyondInt64IsFine() throws {
    let t = try #require(try read(["d"], [[.decimal128([nil, (0, 7)], precision: 38, scale: 0)]]).first)
    #expect(values(t, 0) == [.null, .decimal(7, scale: 0)])
  }

  @Test func aDecimalScaleAbove18IsRefused() {
    let stream = ArrowTestStream.bytes(names: ["avg"], batches: [[.decimal128([1], precision: 38, scale: 20)]])
    var reader = ArrowStreamReader()
    let error = #expect(throws: RemoteError.self) { try reader.tables(in: stream) }
    #expect(error?.message.contains("decimal(38,20)") == true)
    #expect(error?.hint != nil)
  }

  @Test func textOfBothOffsetWidths() throws {
    let t = try #require(
      try read(["s", "l"], [[.utf8(["ada", nil, "", "ada", "é"]), .utf8([nil, "x", "y", "x", nil], large: true)]]).first
    )
    #expect(t.columns.map(\.type) == [.string, .string])
    #expect(values(t, 0) == [.string("ada"), .null, .string(""), .string("ada"), .string("é")])
    #expect(values(t, 1) == [.null, .string("x"), .string("y"), .string("x"), .null])
    guard case .string(_, let dictionary) = t.columns[0].data else { Issue.record("not text"); return }
    #expect(dictionary.count == 3)
  }

  @Test func boolsAreBitPacked() throws {
    let bits: [Bool?] = [true, false, nil, true, true, false, false, true, true, nil, false]
    let t = try #require(try read(["b"], [[.bool(bits)]]).first)
    #expect(values(t, 0) == bits.map { $0.map(Value.bool) ?? .null })
  }

  @Test func datesInDaysAndMilliseconds() throws {
    let t = try #require(
      try read(["d", "d64"], [[.date32([20_513, nil, -1]), .date64([86_400_000 * 3, -1, nil])]]).first)
    #expect(t.columns.map(\.type) == [.date, .date])
    #expect(values(t, 0) == [.date(20_513), .null, .date(-1)])
    #expect(values(t, 1) == [.date(3), .date(-1), .null])
  }

  @Test(arguments: [
    (Int16(0), Int64(90), Int64(90_000_000)),
    (1, 1_500, 1_500_000),
    (2, 1_234_567, 1_234_567),
    (3, 1_234_567_891, 1_234_567),
    (3, -1, -1),
  ])
  func timestampsOfEveryUnitBecomeMicroseconds(unit: Int16, stored: Int64, micros: Int64) throws {
    let t = try #require(
      try read(["t", "z"], [[.timestamp([stored], unit: unit), .timestamp([stored], unit: unit, zone: "UTC")]]).first)
    #expect(t.columns.map(\.type) == [.timestamp, .timestamp])
    #expect(values(t, 0) == [.timestamp(micros)])
    #expect(values(t, 1) == [.timestamp(micros)])
  }

  @Test func theNullTypeIsAColumnOfNulls() throws {
    let t = try #require(try read(["nothing", "n"], [[.null(3), .int64([1, 2, 3])]]).first)
    #expect(values(t, 0) == [.null, .null, .null])
    #expect(values(t, 1) == [.int(1), .int(2), .int(3)])
  }

  @Test func severalBatchesAndStreamsShareOneReader() throws {
    var reader = ArrowStreamReader()
    let first = try reader.tables(
      in: ArrowTestStream.bytes(
        names: ["n", "s"], batches: [[.int64([1, 2]), .utf8(["a", "b"])], [.int64([3]), .utf8([nil])]]))
    #expect(first.map(\.rowCount) == [2, 1])
    // Spark repeats the schema at the head of each message's stream.
    let second = try reader.tables(
      in: ArrowTestStream.bytes(names: ["n", "s"], batches: [[.int64([4]), .utf8(["d"])]]))
    #expect(second.first.map { values($0, 1) } == [.string("d")])
  }

  @Test func aResultWithoutRowsKeepsItsColumns() throws {
    var reader = ArrowStreamReader()
    let tables = try reader.tables(
      in: ArrowTestStream.bytes(
        names: ["id", "amount"], batches: [[.int64([]), .decimal128([Int64?](), precision: 10, scale: 2)]]))
    #expect(tables.map(\.rowCount) == [0])
    let empty = try #require(reader.emptyTable())
    #expect(empty.names == ["id", "amount"])
    #expect(empty.columns.map(\.type) == [.int, .decimal(scale: 2)])
  }

  @Test func aStreamWithoutTheEndMarkerEndsAtItsLastByte() throws {
    var reader = ArrowStreamReader()
    let tables = try reader.tables(in: ArrowTestStream.bytes(names: ["n"], batches: [[.int64([5])]], endMarker: false))
    #expect(tables.count == 1)
  }
}
