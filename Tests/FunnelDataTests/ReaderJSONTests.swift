import Testing

@testable import FunnelData

/// JSON arrays of objects and JSON Lines.
struct ReaderJSONTests {
  let scratch = ReaderScratch()

  @Test func arrayOfObjectsWithUnionOfKeysAndInference() throws {
    let t = try scratch.read(
      "a.json",
      """
      [
        {"id": 1, "name": "Ann \\"A\\" \\u00e9\\ud83d\\ude00", "day": "2024-01-31", "ok": true},
        {"id": 2, "amount": 1.5, "ok": null, "tags": ["x", {"y": "}"}]},
        {"name": "Bob", "id": 3, "amount": 2, "day": null, "ok": false}
      ]
      """)
    #expect(t.names == ["id", "name", "day", "ok", "amount", "tags"])
    #expect(t.cells("id") == [.int(1), .int(2), .int(3)])
    #expect(t.cells("name") == [.string("Ann \"A\" é😀"), .null, .string("Bob")])
    #expect(t.cells("day") == [.date(civilDay(2024, 1, 31)), .null, .null])
    #expect(t.cells("ok") == [.bool(true), .null, .bool(false)])
    #expect(t.cells("amount") == [.null, .decimal(15, scale: 1), .decimal(20, scale: 1)])
    #expect(t.column("amount")?.hint == .money)
    #expect(t.cells("tags") == [.null, .string("[\"x\", {\"y\": \"}\"}]"), .null])
  }

  @Test func jsonLinesSkipBlankLines() throws {
    let t = try scratch.read("l.jsonl", "{\"a\": 1, \"b\": \"x\"}\n\n{\"b\": \"2018-02-26 19:58:54\", \"a\": 2}\n")
    #expect(t.rowCount == 2)
    #expect(t.cells("a") == [.int(1), .int(2)])
    #expect(t.typeOf("b") == .string)
    let n = try scratch.read("l.ndjson", "{\"t\": \"2018-02-26 19:58:54\"}\n{\"t\": \"2018-02-27\"}\n")
    #expect(n.typeOf("t") == .timestamp)
  }

  @Test func emptyArrayIsAnEmptyTable() throws {
    let t = try scratch.read("e.json", "[]")
    #expect(t.rowCount == 0)
    #expect(t.columnCount == 0)
  }

  @Test(arguments: [
    ("[{\"a\": 1},\n{\"a\": 2}\n{\"a\": 3}]", 3),
    ("[{\"a\": 1},\n\n{\"a\" 2}]", 3),
    ("{\"a\": 1}\n{\"a\": tru}\n", 2),
    ("[{\"a\": \"open\n\n", 1),
    ("[1, 2]", 1),
  ])
  func malformedJSONNamesTheLine(text: String, line: Int) throws {
    let path = scratch.file("bad.json", text)
    #expect {
      try TableReader.read(path: path)
    } throws: { error in
      guard let e = error as? FileError else { return false }
      return e.line == line && e.message.contains("JSON") && e.path == path
    }
  }

  @Test func forcedTypeErrorInJSONNamesTheObjectLine() throws {
    var o = ReadOptions()
    o.types = ["n": .int]
    let path = scratch.file("f.jsonl", "{\"n\": 1}\n{\"n\": \"two\"}\n")
    #expect {
      try TableReader.read(path: path, options: o)
    } throws: { error in
      (error as? FileError)?.description == "\(path):2: column 'n': 'two' is not an int"
    }
  }
}
