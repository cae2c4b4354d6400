import Testing

@testable import FunnelData

/// The delimited-text scanner: quotes, line ends, BOM, nulls, row errors.
struct ReaderCSVTests {
  let scratch = ReaderScratch()

  @Test func quotesHoldSeparatorsQuotesAndNewlines() throws {
    let t = try scratch.read("q.csv", "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n")
    #expect(t.rowCount == 4)
    #expect(t.cells("note") == [.string("a, b"), .string("say \"hi\""), .string("two\nlines"), .string("plain")])
    #expect(t.cells("id") == [.int(1), .int(2), .int(3), .int(4)])
  }

  @Test func crlfAndBOMAndNoFinalNewline() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\"name\",\"n\"\r\nx,1\r\ny,2".utf8)
    let t = try TableReader.read(path: scratch.file("bom.csv", bytes: bytes))
    #expect(t.names == ["name", "n"])
    #expect(t.cells("name") == [.string("x"), .string("y")])
    #expect(t.cells("n") == [.int(1), .int(2)])
  }

  @Test func emptyFieldsAreNullAndEmptyLinesSkipped() throws {
    let t = try scratch.read("e.csv", "a,b,c\n1,,x\n\n,2,\r\n\n3,4,\"\"\n")
    #expect(t.rowCount == 3)
    #expect(t.cells("a") == [.int(1), .null, .int(3)])
    #expect(t.cells("b") == [.null, .int(2), .int(4)])
    #expect(t.cells("c") == [.string("x"), .null, .null])
  }

  @Test(arguments: [
    ("a,b,c\n1,2,3\n4,5,6\n", ","), ("a;b;c\n1;2,5;3\n4;5;6\n", ";"),
    ("a\tb\tc\n1\t2\t3\n4\t5\t6\n", "\t"), ("a|b|c\n1|2|3\n4|5|6\n", "|"),
  ])
  func sniffsTheSeparator(text: String, separator: String) throws {
    let t = try scratch.read("s.txt", text)
    #expect(t.names == ["a", "b", "c"], "separator \(separator)")
    #expect(t.rowCount == 2)
  }

  @Test func quotedSeparatorsDoNotFoolTheSniffer() throws {
    let t = try scratch.read("s.csv", "name;note\n\"x\";\"a,b,c,d\"\n\"y\";\"e,f,g,h\"\n")
    #expect(t.names == ["name", "note"])
    #expect(t.cells("note") == [.string("a,b,c,d"), .string("e,f,g,h")])
  }

  @Test func tsvDefaultsToTabAndSeparatorOptionWins() throws {
    let tsv = try scratch.read("t.tsv", "a,b\tc\n1,2\t3\n")
    #expect(tsv.names == ["a,b", "c"])
    var options = ReadOptions()
    options.separator = UInt8(ascii: "|")
    let forced = try scratch.read("p.csv", "a|b,c\n1|2,3\n", options: options)
    #expect(forced.names == ["a", "b,c"])
  }

  @Test func rowWithWrongFieldCountNamesLineAndCounts() throws {
    let path = scratch.file("bad.csv", "a,b,c\n1,2,3\n\"x\ny\",5,6\n7,8\n")
    #expect {
      try TableReader.read(path: path)
    } throws: { error in
      guard let e = error as? FileError else { return false }
      return e.path == path && e.line == 5 && e.message.contains("2 fields") && e.message.contains("header has 3")
    }
  }

  @Test func unclosedQuoteNamesTheLineWhereTheFieldStarted() throws {
    let path = scratch.file("open.csv", "a,b\n1,2\n3,\"never\nends\n")
    #expect {
      try TableReader.read(path: path)
    } throws: { error in
      guard let e = error as? FileError else { return false }
      return e.line == 3 && e.message.contains("unclosed quote") && e.description.hasPrefix(path + ":3:")
    }
  }

  @Test func headerOnlyAndEmptyFiles() throws {
    let header = try scratch.read("h.csv", "a,b\n")
    #expect(header.names == ["a", "b"])
    #expect(header.rowCount == 0)
    let empty = try scratch.read("empty.csv", "")
    #expect(empty.columnCount == 0)
  }

  @Test func duplicateAndEmptyHeaderNamesStayReachable() throws {
    let t = try scratch.read("d.csv", "x,x,\n1,2,3\n")
    #expect(t.names == ["x", "x_2", "column3"])
  }

  @Test func missingFileNamesPathAndReason() throws {
    let path = scratch.directory + "/nope.csv"
    #expect {
      try TableReader.read(path: path)
    } throws: { error in
      guard let e = error as? FileError else { return false }
      return e.path == path && e.message.contains("No such file")
    }
  }

  @Test func directoryIsAFileError() throws {
    #expect {
      try TableReader.read(path: scratch.directory)
    } throws: { error in
      (error as? FileError)?.path == scratch.directory
    }
  }

  @Test func binaryNoiseNeverCrashes() throws {
    var state: UInt64 = 0x1234_5678
    for size in [1, 7, 100, 5000, 70_000] {
      var bytes: [UInt8] = []
      for _ in 0..<size {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(truncatingIfNeeded: state >> 56))
      }
      for name in ["noise.csv", "noise.json", "noise.bin"] {
        // Either a table or a FileError; anything else fails the test.
        do {
          _ = try TableReader.read(path: scratch.file(name, bytes: bytes))
        } catch is FileError {}
      }
    }
  }

  @Test func bigInputScannedInTwoHalvesMatchesOnePass() throws {
    // Over 1 MB, so the scanner splits it; a quoted newline sits near the middle.
    var text = "id,note\n"
    for i in 0..<60_000 { text += i == 30_000 ? "\(i),\"multi\nline, \"\"quoted\"\"\"\n" : "\(i),row \(i)\n" }
    let t = try scratch.read("big.csv", text)
    #expect(t.rowCount == 60_000)
    #expect(t.column("id")?.value(at: 59_999) == .int(59_999))
    #expect(t.column("note")?.value(at: 30_000) == .string("multi\nline, \"quoted\""))
    #expect(t.column("note")?.value(at: 30_001) == .string("row 30001"))
  }

  @Test func halvesCutInsideAQuotedFieldAreRescanned() throws {
    // Every row holds a quoted newline, so whichever line end the cut lands
    // after, half the time it is inside quotes; padding the header shifts it.
    for pad in 0..<6 {
      var text = "id,note" + String(repeating: "x", count: pad) + "\n"
      for i in 0..<90_000 { text += "\(i),\"a\nb\"\n" }
      let t = try scratch.read("halves\(pad).csv", text)
      #expect(t.rowCount == 90_000)
      #expect(t.column("id")?.value(at: 89_999) == .int(89_999))
      #expect(t.columns[1].value(at: 45_000) == .string("a\nb"))
    }
  }
}
