import Testing

@testable import FunnelData

/// The load's short cuts (a plain integer read on its own, the day of the
/// last date remembered) give what the general reading gives.
struct ReaderFastPathTests {
  let scratch = ReaderScratch()

  @Test func aRememberedDayStillChecksTheTimeOfDay() throws {
    let path = scratch.file(
      "t.csv", "at\n2024-07-01 10:42:33\n2024-07-01 11:00:00\n2024-07-01 25:00:00\n2024-07-02 00:00:01\n")
    let table = try TableReader.read(path: path)
    // The third time of day is no time: the column is text, every value as written.
    #expect(table.typeOf("at") == .string)
    #expect(table.cells("at")[2] == .string("2024-07-01 25:00:00"))
  }

  @Test func aRememberedDayGivesTheSameTimestamps() throws {
    let path = scratch.file("t.csv", "at\n2024-07-01 10:42:33\n2024-07-01 23:59:59\n2024-07-01\n2024-12-31 00:00:00\n")
    let table = try TableReader.read(path: path)
    #expect(table.typeOf("at") == .timestamp)
    let day = Int64(CivilDate(year: 2024, month: 7, day: 1).daysSinceEpoch) * Timestamps.microsPerDay
    let second = Timestamps.microsPerSecond
    #expect(
      table.cells("at") == [
        .timestamp(day + (10 * 3600 + 42 * 60 + 33) * second), .timestamp(day + (24 * 3600 - 1) * second),
        .timestamp(day),
        .timestamp(Int64(CivilDate(year: 2024, month: 12, day: 31).daysSinceEpoch) * Timestamps.microsPerDay),
      ])
  }

  /// The table of year starts gives the calendar's day numbers, and refuses
  /// the days the calendar refuses, inside its years and outside them.
  @Test func dayNumbersFromTheTableAreTheCalendars() {
    for year in [1, 1600, 1899, 1900, 1969, 1970, 2000, 2024, 2100, 2225, 2226, 2400, 9999] {
      for month in 0...13 {
        for day in 0...32 {
          let date = CivilDate(year: year, month: month, day: day)
          let expected = date.isValid ? date.daysSinceEpoch : nil
          #expect(TemporalText.day(year: year, month: month, day: day) == expected, "\(year)-\(month)-\(day)")
        }
      }
    }
  }

  /// Tags (places, date or time) are kept a row each only once they differ:
  /// a value unlike the rest in a late chunk still rescales the rows before
  /// it, whatever the chunk size.
  @Test(arguments: [64, 200, 4_096, 1 << 20])
  func aLateValueOfAnotherKindRescalesTheRowsBefore(chunk: Int) throws {
    var text = "amount,at,k\n"
    for i in 0..<1_500 {
      let amount = i == 1_400 ? "2.25" : (i % 10 == 0 ? "" : "1.5")
      let at = i == 1_450 ? "2024-01-02" : (i % 7 == 0 ? "" : "2024-01-01 10:00:00")
      text += "\(amount),\(at),\(i)\n"
    }
    let path = scratch.file("late.csv", text)
    let options = ReadOptions()
    let rules = try FieldRules(options, path: path)
    let file = ChunkedFile(source: try TextInput(path: path), chunkSize: chunk)
    let table = try DelimitedFileReader(
      file: file, options: options, rules: rules, budget: LoadBudget(options, path: path)
    )
    .read()
    #expect(table.typeOf("amount") == .decimal(scale: 2))
    #expect(table.typeOf("at") == .timestamp)
    let amounts = table.cells("amount"), stamps = table.cells("at")
    let day = Int64(CivilDate(year: 2024, month: 1, day: 1).daysSinceEpoch) * Timestamps.microsPerDay
    for i in 0..<1_500 {
      let amount: Value = i == 1_400 ? .decimal(225, scale: 2) : (i % 10 == 0 ? .null : .decimal(150, scale: 2))
      #expect(amounts[i] == amount, "amount row \(i)")
      let at: Value =
        i == 1_450
        ? .timestamp(day + Timestamps.microsPerDay) : (i % 7 == 0 ? .null : .timestamp(day + 10 * 3_600_000_000))
      #expect(stamps[i] == at, "at row \(i)")
    }
  }

  @Test func anImpossibleDayIsNeverRemembered() throws {
    let path = scratch.file("t.csv", "d\n2024-02-30\n2024-02-30\n")
    #expect(try TableReader.read(path: path).typeOf("d") == .string)
  }

  @Test(arguments: [
    ("n\n1\n-2\n0\n-0\n", DataType.int),
    // Leading zeros keep a code as text; 19 digits are past the short cut.
    ("n\n1\n007\n", .string),
    ("n\n1\n1234567890123456789\n", .int),
    ("n\n1\n12345678901234567890\n", .double),
    ("n\n1\n+5\n", .int),
    ("n\n1\n2.5\n", .decimal(scale: 1)),
    // 16 integer digits then 4 places: more than a decimal holds.
    ("n\n1234567890123456\n1.2345\n", .double),
  ])
  func integersThenOtherValuesSettleAsBefore(text: String, type: DataType) throws {
    let path = scratch.file("t.csv", text)
    #expect(try TableReader.read(path: path).typeOf("n") == type)
  }

  @Test func plainIntegersReadTheirValues() throws {
    // Two columns: a line with nothing on it would be skipped, not read as a null.
    let path = scratch.file("t.csv", "n,k\n1,a\n-2,b\n0,c\n,d\n999999999999999999,e\n-999999999999999999,f\n")
    #expect(
      try TableReader.read(path: path).cells("n") == [
        .int(1), .int(-2), .int(0), .null, .int(999_999_999_999_999_999), .int(-999_999_999_999_999_999),
      ])
  }
}
