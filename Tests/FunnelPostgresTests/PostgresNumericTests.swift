import FunnelData
import PostgresNIO
import Testing

@testable import FunnelPostgres

/// A numeric in PostgreSQL's binary form.
func numericBytes(_ digits: [Int16], weight: Int16, scale: Int16, negative: Bool = false) -> ByteBuffer {
  var buffer = ByteBuffer()
  buffer.writeInteger(Int16(digits.count))
  buffer.writeInteger(weight)
  buffer.writeInteger(UInt16(negative ? 0x4000 : 0))
  buffer.writeInteger(scale)
  for d in digits { buffer.writeInteger(d) }
  return buffer
}

/// What a cell reads as (see `NumericReading`).
func reading(_ cell: ByteBuffer) -> NumericReading? {
  NumericReading(cell.getBytes(at: cell.readerIndex, length: cell.readableBytes) ?? [])
}

@Suite struct PostgresNumericTests {
  @Test(arguments: [
    // 1234.50
    ([1234, 5000] as [Int16], Int16(0), Int16(2), false, "1234.50", 2, Int64(123_450)),
    // -0.05
    ([500], -1, 2, true, "-0.05", 2, -5),
    // 12345678 = [1234, 5678], weight 1
    ([1234, 5678], 1, 0, false, "12345678", 0, 12_345_678),
    // 10000: trailing zero groups are not sent
    ([1], 1, 0, false, "10000", 3, 10_000_000),
    // 0.000012: 1200 at weight -2 (10000^-2)
    ([1200], -2, 6, false, "0.000012", 6, 12),
    // 0
    ([], 0, 2, false, "0.00", 2, 0),
  ])
  func exactUnits(
    digits: [Int16], weight: Int16, scale: Int16, negative: Bool, text: String, at target: Int, units: Int64
  ) throws {
    let numeric = try #require(reading(numericBytes(digits, weight: weight, scale: scale, negative: negative)))
    #expect(numeric.text == text)
    #expect(numeric.units[target] == units)
    #expect(numeric.double == Double(text))
  }

  @Test func refusesWhatDoesNotFit() throws {
    // 1234.5678 has 4 decimals: not 2 without losing digits.
    let precise = try #require(reading(numericBytes([1234, 5678], weight: 0, scale: 4)))
    #expect(precise.units[2] == nil)
    #expect(precise.units[4] == 12_345_678)
    // 10^20 leaves Int64.
    let huge = try #require(reading(numericBytes([1], weight: 5, scale: 0)))
    #expect(huge.text == "100000000000000000000")
    #expect(huge.units[0] == nil)
    // 9223372036854775807 fits at scale 0, not at scale 1.
    let max = try #require(reading(numericBytes([922, 3372, 368, 5477, 5807], weight: 4, scale: 0)))
    #expect(max.units[0] == Int64.max)
    #expect(max.units[1] == nil)
    // Int64.min fits too.
    let min = try #require(reading(numericBytes([922, 3372, 368, 5477, 5808], weight: 4, scale: 0, negative: true)))
    #expect(min.units[0] == Int64.min)
  }

  @Test func refusesWhatPostgreSQLDoesNotSend() {
    // A digit group past 9999.
    #expect(reading(numericBytes([10_000], weight: 0, scale: 0)) == nil)
    // A nonzero digit below the scale: 1.5 shown with no decimals.
    #expect(reading(numericBytes([1, 5000], weight: 0, scale: 0)) == nil)
    // A negative scale.
    #expect(reading(numericBytes([1], weight: 0, scale: -1)) == nil)
    // Extra bytes after the digits.
    var long = numericBytes([1], weight: 0, scale: 0)
    long.writeInteger(Int16(0))
    #expect(reading(long) == nil)
  }

  @Test func leadingZeroGroupsReadAsTheValue() throws {
    // Weight 1 with a zero first group: 0000 0005 reads as 5.
    let padded = try #require(reading(numericBytes([0, 5], weight: 1, scale: 0)))
    #expect(padded.text == "5")
    #expect(padded.units[0] == 5)
  }

  @Test func specialValues() throws {
    var nan = ByteBuffer()
    nan.writeMultipleIntegers(Int16(0), Int16(0), UInt16(0xC000), Int16(0))
    let value = try #require(reading(nan))
    #expect(!value.isFinite)
    #expect(value.text == "NaN")
    #expect(value.units[0] == nil)
    #expect(value.double.isNaN)
    var truncated = numericBytes([1234], weight: 0, scale: 0)
    truncated.moveWriterIndex(to: truncated.writerIndex - 1)
    #expect(reading(truncated) == nil)
  }

  @Test func decimalParametersAreExactText() {
    let bindings = ParameterBinding.bindings([
      .init(name: "margin", value: .decimal(-5, scale: 2), type: .decimal(scale: 2)),
      .init(name: "gone", value: .null, type: .date),
    ])
    #expect(bindings.count == 2)
    #expect(NumericText(text: Decimal64.format(units: -5, scale: 2)).text == "-0.05")
  }
}
