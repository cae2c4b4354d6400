import Foundation
import Testing

@testable import FunnelData

/// The writers: each format's text, round trips and atomic files.
struct WriterTests {
  let scratch = ReaderScratch()

  /// One column of each type, with a null in every column but the first.
  var sample: Table {
    let ts = Timestamps.make(day: civilDay(2018, 2, 26), hour: 19, minute: 58, second: 54)
    return Table(
      names: ["id", "name", "amount", "rate", "day", "at", "ok", "q", "x"],
      columns: [
        Column.make(.int, [.int(1), .int(-2)]),
        Column.make(.string, [.string("Smith, \"J\"\n|x\t"), .null]),
        Column.make(.decimal(scale: 2), [.decimal(123_450, scale: 2), .null], hint: .money),
        Column.make(.double, [.double(0.125), .null], hint: .rate),
        Column.make(.date, [.date(civilDay(2026, 1, 31)), .null]),
        Column.make(.timestamp, [.timestamp(ts), .timestamp(ts + 500_000)]),
        Column.make(.bool, [.bool(true), .null]),
        Column.make(.period(.quarter), [.period(2026 * 4, .quarter), .null]),
        Column.make(.double, [.double(-0.5), .double(3)]),
      ])
  }

  @Test func csv() {
    #expect(
      TableWriter.encode(sample, as: .csv) == """
        id,name,amount,rate,day,at,ok,q,x
        1,"Smith, ""J""
        |x\t",1234.50,0.125,2026-01-31,2018-02-26 19:58:54,true,2026-Q1,-0.5
        -2,,,,,2018-02-26 19:58:54.5,,,3

        """)
  }

  @Test func tsv() {
    #expect(
      TableWriter.encode(sample, as: .tsv) == "id\tname\tamount\trate\tday\tat\tok\tq\tx\n"
        + "1\tSmith, \"J\"\\n|x\\t\t1234.50\t0.125\t2026-01-31\t2018-02-26 19:58:54\ttrue\t2026-Q1\t-0.5\n"
        + "-2\t\t\t\t\t2018-02-26 19:58:54.5\t\t\t3\n")
  }

  @Test func json() {
    #expect(
      TableWriter.encode(sample, as: .json) == """
        [
        {"id":1,"name":"Smith, \\"J\\"\\n|x\\t","amount":1234.50,"rate":0.125,"day":"2026-01-31","at":"2018-02-26 19:58:54","ok":true,"q":"2026-Q1","x":-0.5},
        {"id":-2,"name":null,"amount":null,"rate":null,"day":null,"at":"2018-02-26 19:58:54.5","ok":null,"q":null,"x":3}
        ]

        """)
    #expect(TableWriter.encode(sample.prefix(0), as: .json) == "[]\n")
    let lines = TableWriter.encode(sample, as: .jsonl).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[1].hasPrefix("{\"id\":-2,\"name\":null,"))
  }

  @Test func jsonIsValidJSON() throws {
    let data = Data(TableWriter.encode(sample, as: .json).utf8)
    let parsed = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    #expect(parsed?.count == 2)
    #expect(parsed?.first?["name"] as? String == "Smith, \"J\"\n|x\t")
  }

  @Test func markdown() {
    let text = TableWriter.encode(sample.prefix(1), as: .markdown)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "| id | name | amount | rate | day | at | ok | q | x |")
    #expect(lines[1] == "| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    #expect(
      lines[2]
        == "| 1 | Smith, \"J\"<br>\\|x\\t | 1234.50 | 0.125 | 2026-01-31 | 2018-02-26 19:58:54 | true | 2026-Q1 | -0.5 |"
    )
  }

  @Test(arguments: ["t.csv", "t.tsv", "t.json", "t.jsonl"])
  func roundTrip(name: String) throws {
    var table = sample
    table.append(column: Column.make(.string, [.string("007"), .string("x")]), named: "code")
    let path = scratch.directory + "/" + name
    try TableWriter.write(table, to: path)
    let back = try TableReader.read(path: path)
    #expect(back.names == table.names)
    #expect(back.rowCount == 2)
    for c in ["id", "amount", "day", "at", "ok", "code"] {
      #expect(back.column(c)?.type == table.column(c)?.type, "\(name) \(c)")
      #expect(back.cells(c).map(\.rawText) == table.cells(c).map(\.rawText), "\(name) \(c)")
    }
    // -0.5 and 3 read back as decimal(1): the same numbers, a narrower type.
    #expect(back.cells("x").map(\.doubleValue) == [-0.5, 3])
    if !name.hasSuffix(".tsv") { #expect(back.cells("name") == table.cells("name"), "\(name)") }
  }

  @Test func atomicWriteReplacesAndLeavesNoTempFile() throws {
    let path = scratch.directory + "/out.csv"
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    try TableWriter.write(sample, to: path)
    #expect(scratch.listing == ["out.csv"])
    #expect(try String(contentsOfFile: path, encoding: .utf8) == TableWriter.encode(sample, as: .csv))
    try TableWriter.write(sample, to: path, format: .markdown)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("| id |"))
    #expect(scratch.listing == ["out.csv"])
  }

  @Test func failedWriteThrowsFileErrorAndLeavesNothing() throws {
    // A directory stands where the file should go: the rename must fail.
    let path = scratch.directory + "/taken.csv"
    try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
    #expect {
      try TableWriter.write(sample, to: path)
    } throws: { error in
      (error as? FileError)?.path == path
    }
    #expect(scratch.listing == ["taken.csv"])
    let missing = scratch.directory + "/no/such/dir/x.csv"
    #expect(throws: FileError.self) { try TableWriter.write(sample, to: missing) }
  }

  @Test func unknownExtensionListsTheSupportedOnes() {
    #expect {
      try TableWriter.write(sample, to: scratch.directory + "/x.xlsx")
    } throws: { error in
      guard let e = error as? FileError else { return false }
      return e.message.contains(".csv") && e.message.contains(".jsonl") && e.message.contains(".md")
    }
    #expect(FileFormat(path: "a/b.CSV") == .csv)
    #expect(FileFormat(path: "x.ndjson") == .jsonl)
    #expect(FileFormat(path: "notes.md") == .markdown)
    #expect(FileFormat(path: "archive") == nil)
  }
}
