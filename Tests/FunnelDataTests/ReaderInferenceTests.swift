import Testing

@testable import FunnelData

/// Type inference over whole columns.
struct ReaderInferenceTests {
  let scratch = ReaderScratch()

  func column(_ values: [String]) throws -> Table {
    try scratch.read("c.csv", "v\n" + values.joined(separator: "\n") + "\n")
  }

  @Test(arguments: [
    (["1", "-2", "+3", ""], DataType.int),
    (["-1.8", "4.857", "2"], .decimal(scale: 3)),
    (["1e3", "2.5"], .double),
    (["1.1234567"], .double),
    (["true", "FALSE", "", "True"], .bool),
    (["2024-01-31", "2026-06-30"], .date),
    (["2018-02-26 19:58:54", "2018-02-26T19:58:54.123Z"], .timestamp),
    (["2024-01-31", "2018-02-26 19:58:54"], .timestamp),
    (["1", "x"], .string),
    (["1", "true"], .string),
    (["2024-01-31", "5"], .string),
    (["007", "12"], .string),
    (["yes", "no"], .string),
    (["nan", "1.5"], .string),
    (["", ""], .string),
    (["2024-02-30"], .string),
    (["99999999999999999999"], .double),
  ])
  func infersTheWholeColumn(values: [String], type: DataType) throws {
    #expect(try column(values).typeOf("v") == type)
  }

  @Test func valuesAreConvertedExactly() throws {
    let t = try scratch.read(
      "all.csv",
      """
      i,d,f,b,day,ts,s
      42,-1.8,1e3,true,2024-01-31,2018-02-26 19:58:54,007
      -7,4.85,,False,,2018-02-26T00:00:00.5Z,abc
      ,5,2.5,,2026-06-30,2018-02-27,007

      """)
    #expect(t.cells("i") == [.int(42), .int(-7), .null])
    #expect(t.cells("d") == [.decimal(-180, scale: 2), .decimal(485, scale: 2), .decimal(500, scale: 2)])
    #expect(t.cells("f") == [.double(1000), .null, .double(2.5)])
    #expect(t.cells("b") == [.bool(true), .bool(false), .null])
    #expect(t.cells("day") == [.date(civilDay(2024, 1, 31)), .null, .date(civilDay(2026, 6, 30))])
    let base = Int64(civilDay(2018, 2, 26)) * Timestamps.microsPerDay
    #expect(
      t.cells("ts") == [
        .timestamp(base + 71_934 * 1_000_000), .timestamp(base + 500_000),
        .timestamp(base + Timestamps.microsPerDay),
      ])
    #expect(t.cells("s") == [.string("007"), .string("abc"), .string("007")])
    if case .string(_, let dictionary) = t.column("s")?.data { #expect(dictionary.count == 2) }
  }

  @Test func lateValuesStillDecideTheType() throws {
    // A text value on the very last row must not be dropped.
    let values = (0..<5000).map(String.init) + ["n/a"]
    let t = try column(values)
    #expect(t.typeOf("v") == .string)
    #expect(t.column("v")?.value(at: 5000) == .string("n/a"))
  }

  @Test func moneyHintOnDecimalColumnsNamedLikeMoney() throws {
    let t = try scratch.read("m.csv", "deal_amount,Total_Spend,rate,cost\n1.50,2.5,0.1,3\n")
    #expect(t.column("deal_amount")?.hint == .money)
    #expect(t.column("Total_Spend")?.hint == .money)
    #expect(t.column("rate")?.hint == .plain)
    #expect(t.column("cost")?.type == .int)
    #expect(t.column("cost")?.hint == .plain)
  }
}
