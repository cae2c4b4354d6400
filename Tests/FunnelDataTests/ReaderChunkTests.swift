import Testing

@testable import FunnelData

/// Reading a file a chunk at a time gives the table that reading it whole
/// gives, wherever the chunks happen to end.
struct ReaderChunkTests {
  let scratch = ReaderScratch()

  /// Rows with quoted separators, newlines and doubled quotes, CRLF and LF
  /// line ends, empty lines, nulls, and every inferred type.
  static func sample(rows: Int) -> String {
    var text = "\u{FEFF}id,when,amount,ok,note,stamp,mixed\r\n"
    for i in 0..<rows {
      let note: String
      switch i % 5 {
      case 0: note = "\"line one\nline \"\"two\"\", three\""
      case 1: note = ""
      case 2: note = "plain \(i)"
      case 3: note = "\"a,b\""
      default: note = "\"\""
      }
      let when = i % 7 == 0 ? "" : "2025-0\(1 + i % 9)-1\(i % 10)"
      let amount = i % 11 == 0 ? "" : "\(i).\(i % 100)"
      let ok = i % 2 == 0 ? "true" : "false"
      let stamp = i % 3 == 0 ? "2025-03-0\(1 + i % 9)" : "2025-03-01 10:0\(i % 10):00"
      let mixed = i == rows - 3 ? "n/a" : "\(i * 7)"
      text += "\(i),\(when),\(amount),\(ok),\(note),\(stamp),\(mixed)" + (i % 4 == 0 ? "\r\n" : "\n")
      if i % 97 == 0 { text += "\n" }
    }
    return text
  }

  func readInChunks(_ path: String, chunk: Int, options: ReadOptions = .init()) throws -> Table {
    let rules = try FieldRules(options, path: path)
    let file = ChunkedFile(source: try TextInput(path: path), chunkSize: chunk)
    return try DelimitedFileReader(file: file, options: options, rules: rules, budget: LoadBudget(options, path: path))
      .read()
  }

  func readWhole(_ path: String, options: ReadOptions = .init()) throws -> Table {
    let bytes = try TextInput(path: path).readAll(LoadBudget(options, path: path))
    let grid = try DelimitedScanner(path: path, separator: SeparatorSniffer.sniff(bytes)).scan(bytes)
    return try TableReader.table(from: grid, options: options, rules: FieldRules(options, path: path), path: path)
  }

  /// Records longer than the room kept for a chunk's unused end (64 KB),
  /// some longer than a chunk, wherever the chunks end: the bytes read ahead
  /// join what was left of the chunk before.
  @Test(arguments: [1 << 16, (1 << 16) + 777, 1 << 17, 300_000])
  func longRecordsAcrossReadAheadChunks(chunk: Int) throws {
    var text = "id,note,n\n"
    for i in 0..<60 {
      let length = i % 7 == 3 ? 70_000 + i * 1_000 : (i % 11 == 5 ? 140_000 : 10 + i)
      let note = String(repeating: Character(UnicodeScalar(UInt8(97 + i % 26))), count: length)
      text += "\(i),\"\(note)\",\(i * 3)\n"
    }
    let path = scratch.file("long.csv", text)
    let whole = try readWhole(path)
    let chunked = try readInChunks(path, chunk: chunk)
    #expect(whole.rowCount == 60)
    #expect(chunked.rowCount == 60)
    for name in whole.names {
      #expect(chunked.cells(name) == whole.cells(name), "\(name)")
    }
  }

  @Test(arguments: [16, 61, 200, 1_000, 4_096, 1 << 20])
  func chunksOfAnySizeReadTheSameTable(chunk: Int) throws {
    let path = scratch.file("sample.csv", ReaderChunkTests.sample(rows: 1_500))
    let whole = try readWhole(path)
    let chunked = try readInChunks(path, chunk: chunk)
    #expect(whole.rowCount == 1_500)
    #expect(chunked.names == whole.names)
    #expect(chunked.rowCount == whole.rowCount)
    for name in whole.names {
      #expect(chunked.typeOf(name) == whole.typeOf(name), "\(name)")
      #expect(chunked.cells(name) == whole.cells(name), "\(name)")
    }
    #expect(whole.typeOf("when") == .date)
    #expect(whole.typeOf("amount") == .decimal(scale: 2))
    #expect(whole.typeOf("ok") == .bool)
    #expect(whole.typeOf("stamp") == .timestamp)
    #expect(whole.typeOf("note") == .string)
  }

  /// Ints are kept 32 bits wide while they fit; a value past Int32's range
  /// in a later chunk widens what was kept, once, and nothing changes value.
  /// Decimals, dates and timestamps kept narrow come out as before.
  @Test(arguments: [64, 333, 1 << 20])
  func intsKeptNarrowUntilOneDoesNotFit(chunk: Int) throws {
    var text = "small,late,edge,neg,price,day,stamp\n"
    for i in 0..<2_000 {
      let late = i == 1_700 ? "4294967296" : "\(i * 1_000)"
      let edge = i % 2 == 0 ? "2147483647" : "-2147483648"
      let small = i % 13 == 0 ? "" : "\(i)"
      let stamp = i % 5 == 0 ? "1970-01-01" : "1970-01-01 00:00:0\(i % 10)"
      text += "\(small),\(late),\(edge),-\(i),\(i).5,2025-01-0\(1 + i % 9),\(stamp)\n"
    }
    let path = scratch.file("ints.csv", text)
    let t = try readInChunks(path, chunk: chunk)
    let whole = try readWhole(path)
    #expect(t.rowCount == 2_000)
    for name in t.names { #expect(t.cells(name) == whole.cells(name), "\(name)") }
    #expect(t.column("small")?.narrowInts != nil)
    #expect(t.column("edge")?.narrowInts != nil)
    #expect(t.column("neg")?.narrowInts != nil)
    #expect(t.column("late")?.narrowInts == nil)
    #expect(t.column("small")?.value(at: 13) == .null)
    #expect(t.column("small")?.value(at: 1_999) == .int(1_999))
    #expect(t.column("late")?.value(at: 1_699) == .int(1_699_000))
    #expect(t.column("late")?.value(at: 1_700) == .int(4_294_967_296))
    #expect(t.column("edge")?.value(at: 0) == .int(2_147_483_647))
    #expect(t.column("edge")?.value(at: 1) == .int(-2_147_483_648))
    #expect(t.column("price")?.value(at: 3) == .decimal(35, scale: 1))
    #expect(t.typeOf("day") == .date)
    #expect(t.column("day")?.value(at: 2) == .date(20_091))
    #expect(t.typeOf("stamp") == .timestamp)
    #expect(t.column("stamp")?.value(at: 0) == .timestamp(0))
    #expect(t.column("stamp")?.value(at: 3) == .timestamp(3_000_000))
  }

  @Test func aColumnThatTurnsToTextLateIsReadAgainAsText() throws {
    let path = scratch.file("late.csv", ReaderChunkTests.sample(rows: 800))
    let t = try readInChunks(path, chunk: 100)
    #expect(t.typeOf("mixed") == .string)
    #expect(t.column("mixed")?.value(at: 10) == .string("70"))
    #expect(t.column("mixed")?.value(at: 797) == .string("n/a"))
    #expect(t.column("id")?.value(at: 799) == .int(799))
  }

  @Test func aRecordLongerThanAChunkGrowsTheBuffer() throws {
    let long = String(repeating: "x", count: 10_000)
    let path = scratch.file("long.csv", "a,b\n1,\(long)\n2,\"\(long)\n\(long)\"\n3,short")
    let t = try readInChunks(path, chunk: 64)
    #expect(t.rowCount == 3)
    #expect(t.column("b")?.value(at: 0) == .string(long))
    #expect(t.column("b")?.value(at: 1) == .string(long + "\n" + long))
    #expect(t.column("b")?.value(at: 2) == .string("short"))
  }

  @Test func aBadRowInALaterChunkNamesItsLineInTheFile() throws {
    var text = "a,b\n"
    for i in 0..<2_000 { text += i == 1_500 ? "\"x\ny\",1,2\n" : "\(i),\(i)\n" }
    let path = scratch.file("bad.csv", text)
    #expect {
      try readInChunks(path, chunk: 256)
    } throws: { error in
      guard let e = error as? FileError else { return false }
      return e.line == 1_502 && e.message.contains("3 fields")
    }
  }

  @Test func anUnclosedQuoteAtTheEndIsAnErrorNotAnEndlessRead() throws {
    let path = scratch.file("open.csv", "a,b\n1,2\n3,\"never\nends\n" + String(repeating: "z\n", count: 500))
    #expect {
      try readInChunks(path, chunk: 32)
    } throws: { error in
      guard let e = error as? FileError else { return false }
      return e.line == 3 && e.message.contains("unclosed quote")
    }
  }

  @Test func headerOnlyAndEmptyFilesInChunks() throws {
    #expect(try readInChunks(scratch.file("h.csv", "a,b\n"), chunk: 16).names == ["a", "b"])
    #expect(try readInChunks(scratch.file("h.csv", "a,b\n"), chunk: 16).rowCount == 0)
    #expect(try readInChunks(scratch.file("e.csv", ""), chunk: 16).names.isEmpty)
  }

  /// Text is coded a byte a row while it has at most 256 distinct values,
  /// and widened once at the 257th: wherever that falls in a chunk (its
  /// first row, its middle, its last), after leading nulls, with nulls and
  /// repeats on both sides, every row reads back its own text.
  @Test(arguments: [(16, 0), (61, 3), (1_000, 17), (4_096, 256), (1 << 20, 40)])
  func textPastTwoHundredFiftySixValuesWidensItsCodes(chunk: Int, leadingNulls: Int) throws {
    var expected: [Value] = Array(repeating: .null, count: leadingNulls)
    for i in 0..<900 {
      // New values come slowly at first, then one a row past the 200th row.
      let value: Value
      if i % 13 == 5 {
        value = .null
      } else if i < 200 {
        value = .string("v\(i % 120)")
      } else {
        value = .string(i % 3 == 0 ? "v\(i % 7)" : "v\(i)")
      }
      expected.append(value)
    }
    var text = "n,label\n"
    for (i, value) in expected.enumerated() {
      if case .string(let s) = value { text += "\(i),\(s)\n" } else { text += "\(i),\n" }
    }
    let path = scratch.file("labels.csv", text)
    let table = try readInChunks(path, chunk: chunk)
    #expect(table.typeOf("label") == .string)
    expectSame(table.cells("label"), expected)
    let distinct = Set(expected.filter { $0 != .null }).count
    #expect(distinct > 256)
    #expect(table.columns[1].narrowCodes == nil)

    // Under 257 distinct texts the codes stay a byte each.
    let few = expected.map { value -> Value in
      if case .string(let s) = value, let n = Int(s.dropFirst()) { return .string("v\(n % 256)") }
      return value
    }
    var fewText = "n,label\n"
    for (i, value) in few.enumerated() {
      if case .string(let s) = value { fewText += "\(i),\(s)\n" } else { fewText += "\(i),\n" }
    }
    let narrow = try readInChunks(scratch.file("few.csv", fewText), chunk: chunk)
    expectSame(narrow.cells("label"), few)
    #expect(narrow.columns[1].narrowCodes != nil)
  }

  /// The first row that differs, not the whole of both columns.
  private func expectSame(_ got: [Value], _ expected: [Value], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(got.count == expected.count, sourceLocation: sourceLocation)
    if let row = got.indices.first(where: { $0 < expected.count && got[$0] != expected[$0] }) {
      Issue.record("row \(row): \(got[row]), expected \(expected[row])", sourceLocation: sourceLocation)
    }
  }
}
