import FunnelData
import FunnelSQL
import PostgresNIO
import Testing

@testable import FunnelPostgres

@Suite struct ResultColumnTests {
  func bytes(_ write: (inout ByteBuffer) -> Void) -> ByteBuffer {
    var buffer = ByteBuffer()
    write(&buffer)
    return buffer
  }

  @Test func textIsInternedAndNullsKept() throws {
    var column = ResultColumn(name: "region", source: .text)
    for text in ["EMEA", nil, "APAC", "EMEA"] as [String?] {
      try column.append(text.map { t in bytes { $0.writeString(t) } })
    }
    let built = try column.finish()
    guard case .string(let codes, let dictionary) = built.data else {
      Issue.record("not a text column")
      return
    }
    #expect(dictionary.values == ["EMEA", "APAC"])
    #expect(codes == [0, 0, 1, 0])
    #expect((0..<4).map(built.value(at:)) == [.string("EMEA"), .null, .string("APAC"), .string("EMEA")])
    // The next batch starts empty.
    try column.append(bytes { $0.writeString("LATAM") })
    #expect(try column.finish().value(at: 0) == .string("LATAM"))
  }

  @Test func datesAndTimestampsFrom2000() throws {
    var date = ResultColumn(name: "closed", source: .date)
    try date.append(bytes { $0.writeInteger(Int32(0)) })
    try date.append(bytes { $0.writeInteger(Int32(-10_957)) })
    #expect(try date.finish().data.dates == [10_957, 0])
    var stamp = ResultColumn(name: "at", source: .timestamp)
    try stamp.append(bytes { $0.writeInteger(Int64(1_500_000)) })
    #expect(try stamp.finish().value(at: 0) == .timestamp(946_684_801_500_000))
    var infinite = ResultColumn(name: "closed", source: .date)
    #expect(throws: RemoteError.self) { try infinite.append(bytes { $0.writeInteger(Int32.max) }) }
  }

  @Test func unscaledNumericTakesTheFirstBatchsScale() throws {
    var column = ResultColumn(name: "total", source: .numericUnscaled)
    try column.append(numericBytes([12], weight: 0, scale: 0))
    try column.append(nil)
    try column.append(numericBytes([3, 5000], weight: 0, scale: 2))
    let first = try column.finish()
    #expect(first.type == .decimal(scale: 2))
    #expect((0..<3).map(first.value(at:)) == [.decimal(1200, scale: 2), .null, .decimal(350, scale: 2)])
    // Later batches keep the type; a value with more decimals is an error.
    try column.append(numericBytes([7], weight: 0, scale: 1))
    #expect(try column.finish().value(at: 0) == .decimal(700, scale: 2))
    #expect(throws: RemoteError.self) { try column.append(numericBytes([7, 1234], weight: 0, scale: 4)) }
  }

  @Test func unscaledNumericWithManyDecimalsIsDouble() throws {
    // avg() gives 16 decimals.
    var column = ResultColumn(name: "mean", source: .numericUnscaled)
    try column.append(numericBytes([2, 5000], weight: 0, scale: 16))
    let built = try column.finish()
    #expect(built.type == .double)
    #expect(built.value(at: 0) == .double(2.5))
    var empty = ResultColumn(name: "mean", source: .numericUnscaled)
    #expect(try empty.finish().type == .double)
  }

  @Test func numericWithTooManyDecimalsIsADouble() throws {
    var column = ResultColumn(name: "ratio", source: .numericDouble)
    try column.append(numericBytes([1, 2500], weight: 0, scale: 20))
    #expect(try column.finish().value(at: 0) == .double(1.25))
  }

  @Test func scaledNumericOverflowIsUnsupported() throws {
    var column = ResultColumn(name: "amount", source: .numeric(scale: 2))
    do {
      try column.append(numericBytes([1], weight: 5, scale: 0))
      Issue.record("10^20 was accepted")
    } catch {
      #expect(error.kind == .unsupported)
      #expect(error.message == "column 'amount' holds 100000000000000000000, which does not fit decimal(2)")
    }
  }
}

extension ColumnData {
  fileprivate var dates: [Int32]? {
    if case .date(let d) = self { return d }
    return nil
  }
}
