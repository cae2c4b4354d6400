import Testing

@testable import FunnelData

/// Each `ReadOptions` override.
struct ReaderOptionsTests {
  let scratch = ReaderScratch()

  @Test func nullTokens() throws {
    var o = ReadOptions()
    o.nullTokens = ["NA", "unknown"]
    let t = try scratch.read("n.csv", "a,b\n1,x\nNA,unknown\n3,y\n", options: o)
    #expect(t.typeOf("a") == .int)
    #expect(t.cells("a") == [.int(1), .null, .int(3)])
    #expect(t.cells("b") == [.string("x"), .null, .string("y")])
  }

  @Test func dateFormat() throws {
    var o = ReadOptions()
    o.dateFormat = "%d/%m/%Y"
    let t = try scratch.read(
      "d.csv", "d,ts\n31/01/2026,01/02/2026 14:30:05\n2/3/2026,2026-03-02 10:00:00\n", options: o)
    #expect(t.cells("d") == [.date(civilDay(2026, 1, 31)), .date(civilDay(2026, 3, 2))])
    #expect(t.typeOf("ts") == .timestamp)
    let start = Int64(civilDay(2026, 2, 1)) * Timestamps.microsPerDay
    #expect(t.column("ts")?.value(at: 0) == .timestamp(start + (14 * 3600 + 30 * 60 + 5) * 1_000_000))
    o.dateFormat = "%m/%d/%y %H:%M"
    let us = try scratch.read("u.csv", "t\n12/31/99 23:59\n", options: o)
    #expect(us.cells("t") == [.timestamp(Int64(civilDay(1999, 12, 31)) * Timestamps.microsPerDay + 86_340_000_000)])
  }

  @Test func unknownDateDirectiveIsAnError() throws {
    var o = ReadOptions()
    o.dateFormat = "%d.%b.%Y"
    #expect(throws: FileError.self) { try scratch.read("b.csv", "d\n1\n", options: o) }
  }

  @Test func decimalComma() throws {
    var o = ReadOptions()
    o.decimalComma = true
    let t = try scratch.read("dc.csv", "price;n\n1.234,50;3\n-0,5;1.000\n", options: o)
    #expect(t.cells("price") == [.decimal(123_450, scale: 2), .decimal(-50, scale: 2)])
    #expect(t.cells("n") == [.int(3), .int(1000)])
    #expect(t.column("price")?.hint == .money)
  }

  @Test func boolTokens() throws {
    let plain = try scratch.read("y.csv", "y\nyes\nNo\n")
    #expect(plain.typeOf("y") == .string)
    var o = ReadOptions()
    o.boolTokens = ("yes", "no")
    let t = try scratch.read("y.csv", "y\nyes\nNo\n\nTRUE\n", options: o)
    #expect(t.cells("y") == [.bool(true), .bool(false), .bool(true)])
  }

  @Test func forcedTypesAcceptMoneyAndPercentText() throws {
    var o = ReadOptions()
    o.types = [
      "price": .decimal, "share": .double, "n": .int, "zip": .text, "flag": .bool, "day": .date, "at": .timestamp,
    ]
    let t = try scratch.read(
      "f.csv",
      "price,share,n,zip,flag,day,at\n\"$1,234.50\",12.5%,\"1,000\",007,yes,2024-01-02,2024-01-02\n-€3,50%,£7,123,N,,\n",
      options: o)
    #expect(t.cells("price") == [.decimal(123_450, scale: 2), .decimal(-300, scale: 2)])
    #expect(t.cells("share") == [.double(0.125), .double(0.5)])
    #expect(t.cells("n") == [.int(1000), .int(7)])
    #expect(t.cells("zip") == [.string("007"), .string("123")])
    #expect(t.cells("flag") == [.bool(true), .bool(false)])
    #expect(t.cells("day") == [.date(civilDay(2024, 1, 2)), .null])
    #expect(t.cells("at") == [.timestamp(Int64(civilDay(2024, 1, 2)) * Timestamps.microsPerDay), .null])
    o.types = ["rate": .decimal]
    let percent = try scratch.read("p.csv", "rate\n12.5%\n3%\n", options: o)
    #expect(percent.cells("rate") == [.decimal(125, scale: 3), .decimal(30, scale: 3)])
  }

  @Test func valueThatDoesNotFitAForcedTypeNamesFileLineColumnAndValue() throws {
    var o = ReadOptions()
    o.types = ["amount": .decimal]
    let path = scratch.file("bad.csv", "id,amount\n1,10.5\n2,\"multi\nline\"\n3,12x\n")
    #expect {
      try TableReader.read(path: path, options: o)
    } throws: { error in
      guard let e = error as? FileError else { return false }
      let text = e.description
      return e.line == 3 && e.column == "amount" && text.contains(path) && text.contains(":3:")
        && text.contains("amount") && text.contains("multi\nline")
    }
    let path2 = scratch.file("bad2.csv", "id,amount\n1,10.5\n3,12x\n")
    #expect {
      try TableReader.read(path: path2, options: o)
    } throws: { error in
      (error as? FileError)?.description == "\(path2):3: column 'amount': '12x' is not a decimal"
    }
  }

  @Test func forcedIntTakesWholeFractionsAndRefusesOthers() throws {
    var o = ReadOptions()
    o.types = ["n": .int]
    let t = try scratch.read("i.csv", "n\n5.00\n100%\n", options: o)
    #expect(t.cells("n") == [.int(5), .int(1)])
    for bad in ["5.5", "1.0000000000000000000000", "12abc", "1e3"] {
      #expect(throws: FileError.self) { try scratch.read("i.csv", "n\n\(bad)\n", options: o) }
    }
  }

  @Test func forcingAnUnknownColumnIsAnError() throws {
    var o = ReadOptions()
    o.types = ["amont": .decimal]
    #expect {
      try scratch.read("u.csv", "amount\n1\n", options: o)
    } throws: { error in
      (error as? FileError)?.message.contains("amount") == true
    }
  }
}
