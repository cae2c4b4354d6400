import Foundation
import Testing

@testable import FunnelData

/// Files read as they are: gzip (by its magic bytes), UTF-16/32 with a
/// byte-order mark, and what is not text refused.
struct ReaderEncodingTests {
  let scratch = ReaderScratch()

  /// Text with a comma in quotes, accents, an emoji (a UTF-16 surrogate pair)
  /// and CJK, so every transcoding path is taken.
  static let text = "id,name,amount\n1,\"Zoë, A.\",12.50\n2,Łukasz 😀,7\n3,日本,\n"

  func expectSample(_ table: Table) {
    #expect(table.names == ["id", "name", "amount"])
    #expect(table.cells("name") == [.string("Zoë, A."), .string("Łukasz 😀"), .string("日本")])
    #expect(table.cells("amount") == [.decimal(1250, scale: 2), .decimal(700, scale: 2), .null])
  }

  @Test func gzipIsFoundByItsMagicWhateverTheName() throws {
    let packed = try gzip(Array(Self.text.utf8))
    for name in ["a.csv.gz", "a.csv", "a.txt"] {
      let path = scratch.file(name, bytes: packed)
      expectSample(try TableReader.read(path: path))
    }
  }

  @Test func gzippedJSONReadsAsJSON() throws {
    let json = #"[{"id":1,"name":"Zoë"},{"id":2,"name":null}]"#
    let path = scratch.file("a.json.gz", bytes: try gzip(Array(json.utf8)))
    let table = try TableReader.read(path: path)
    #expect(table.cells("name") == [.string("Zoë"), .null])
  }

  @Test func gzipMembersOneAfterAnother() throws {
    let first = try gzip(Array("id,n\n1,a\n".utf8))
    let second = try gzip(Array("2,b\n".utf8))
    let table = try TableReader.read(path: scratch.file("two.csv.gz", bytes: first + second))
    #expect(table.cells("id") == [.int(1), .int(2)])
  }

  /// Many chunks, and a column that turns to text at its end: the second
  /// pass inflates the file again from the start.
  @Test func bigGzipWithASecondPass() throws {
    var text = "id,code\n"
    for i in 0..<400_000 { text += "\(i),\(i % 977)\n" }
    text += "400000,n/a\n"
    let path = scratch.file("big.csv.gz", bytes: try gzip(Array(text.utf8)))
    let table = try TableReader.read(path: path)
    #expect(table.rowCount == 400_001)
    #expect(table.typeOf("code") == .string)
    #expect(table.cells("code").last == .string("n/a"))
    #expect(table.cells("id")[399_999] == .int(399_999))
  }

  /// Chunks of any size over inflated and transcoded text read what the
  /// plain file reads (records and characters cut at every boundary).
  @Test(arguments: [16, 61, 4_096])
  func smallChunksOverGzipAndUTF16(chunk: Int) throws {
    let text = ReaderChunkTests.sample(rows: 600)
    let plain = try TableReader.read(path: scratch.file("plain.csv", text))
    let sources = [
      scratch.file("z.csv", bytes: try gzip(Array(text.utf8))),
      scratch.file("w.csv", bytes: encode("\u{FEFF}" + text, .utf16BE)),
      scratch.file("zw.csv", bytes: try gzip(encode("\u{FEFF}" + text, .utf16LE))),
    ]
    for path in sources {
      let options = ReadOptions()
      let file = ChunkedFile(source: try TextInput(path: path), chunkSize: chunk)
      let rules = try FieldRules(options, path: path)
      let table = try DelimitedFileReader(
        file: file, options: options, rules: rules, budget: LoadBudget(options, path: path)
      ).read()
      #expect(table.rowCount == plain.rowCount)
      for name in plain.names { #expect(table.cells(name) == plain.cells(name), "\(path) \(name)") }
    }
  }

  @Test func cutGzipIsAnError() throws {
    var text = "id,code\n"
    for i in 0..<20_000 { text += "\(i),\(i * 7919 % 10007)\n" }
    let packed = try gzip(Array(text.utf8))
    let path = scratch.file("cut.csv.gz", bytes: Array(packed.prefix(packed.count / 2)))
    #expect(throws: FileError(path: path, message: "the gzip data ends too early (the file is cut short)")) {
      _ = try TableReader.read(path: path)
    }
  }

  @Test func damagedGzipIsAnError() throws {
    var packed = try gzip(Array(Self.text.utf8))
    // The last 8 bytes are the CRC and the length: change the CRC.
    packed[packed.count - 8] ^= 0xFF
    let path = scratch.file("bad.csv.gz", bytes: packed)
    do {
      _ = try TableReader.read(path: path)
      Issue.record("a damaged gzip file loaded")
    } catch let error as FileError {
      #expect(error.message == "the gzip data is damaged (incorrect data check)")
    }
  }

  @Test(arguments: [UnicodeLayer.Encoding.utf16LE, .utf16BE, .utf32LE, .utf32BE])
  func unicodeWithAByteOrderMark(_ encoding: UnicodeLayer.Encoding) throws {
    let path = scratch.file("u.csv", bytes: encode("\u{FEFF}" + Self.text, encoding))
    expectSample(try TableReader.read(path: path))
  }

  /// Blocks of 64 KiB cut characters and surrogate pairs anywhere.
  @Test func bigUTF16MatchesUTF8() throws {
    var text = "id,name\n"
    for i in 0..<30_000 { text += "\(i),😀é\(i)\n" }
    let utf16 = try TableReader.read(path: scratch.file("w.csv", bytes: encode("\u{FEFF}" + text, .utf16LE)))
    let utf8 = try TableReader.read(path: scratch.file("n.csv", text))
    #expect(utf16.rowCount == 30_000)
    #expect(utf16.cells("name") == utf8.cells("name"))
  }

  @Test func utf16JSONLines() throws {
    let path = scratch.file("u.jsonl", bytes: encode("\u{FEFF}{\"a\":\"ü\"}\n{\"a\":\"😀\"}\n", .utf16BE))
    #expect(try TableReader.read(path: path).cells("a") == [.string("ü"), .string("😀")])
  }

  @Test func utf8ByteOrderMarkIsSkipped() throws {
    let table = try TableReader.read(path: scratch.file("b.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)))
    expectSample(table)
  }

  @Test func binaryIsRefused() throws {
    var bytes = Array("id,name\n1,a\n".utf8)
    bytes += [0, 0, 0, 1, 2, 3]
    let path = scratch.file("junk.csv", bytes: bytes)
    #expect(throws: FileError(path: path, message: "this does not look like text (CSV/TSV/JSON)")) {
      _ = try TableReader.read(path: path)
    }
  }

  @Test func utf16WithoutAMarkSaysSo() throws {
    let path = scratch.file("nomark.csv", bytes: encode(Self.text, .utf16LE))
    #expect(
      throws: FileError(
        path: path,
        message: "this does not look like text (CSV/TSV/JSON): it looks like UTF-16 without a byte-order mark; "
          + "save it as UTF-8 (or UTF-16 with a BOM)")
    ) { _ = try TableReader.read(path: path) }
  }

  @Test func invalidUTF8DominatingIsRefused() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<10_000).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
    let path = scratch.file("junk.json", bytes: bytes)
    #expect(throws: FileError(path: path, message: "this does not look like text (CSV/TSV/JSON)")) {
      _ = try TableReader.read(path: path)
    }
  }

  @Test func latin1AccentsAreStillText() throws {
    let bytes = Array("id,city\n1,Montr".utf8) + [0xE9] + Array("al\n2,Paris\n".utf8)
    let table = try TableReader.read(path: scratch.file("latin1.csv", bytes: bytes))
    #expect(table.cells("city") == [.string("Montr\u{FFFD}al"), .string("Paris")])
  }

  /// A file that starts as a zip archive does is read as one (a workbook,
  /// or a zipped data file), whatever its name; a broken one says so.
  @Test func aBrokenZipSaysWhatItIs() throws {
    let path = scratch.file("sales.csv", bytes: [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40))
    #expect(
      throws: FileError(path: path, message: "is not a zip archive that can be read (it may be cut short or damaged)")
    ) { _ = try TableReader.read(path: path) }
  }

  @Test func devZeroIsRefusedAtOnce() throws {
    #expect(throws: FileError(path: "/dev/zero", message: "this does not look like text (CSV/TSV/JSON)")) {
      _ = try TableReader.read(path: "/dev/zero")
    }
    var options = ReadOptions()
    options.memoryLimit = MemoryLimit(bytes: 1 << 20)
    #expect(throws: FileError(path: "/dev/zero", message: "this does not look like text (CSV/TSV/JSON)")) {
      _ = try TableReader.read(path: "/dev/zero", options: options)
    }
  }

  @Test func aDirectoryIsNotAFile() throws {
    #expect(throws: FileError(path: scratch.directory, message: "is a directory, not a file")) {
      _ = try TableReader.read(path: scratch.directory)
    }
  }

  // MARK: - Helpers

  /// `bytes` compressed by the system's `gzip`.
  func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let input = scratch.file("plain-\(UUID().uuidString)", bytes: bytes)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -c -n \"$0\"", input]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "gzip failed")
    return Array(data)
  }

  func encode(_ text: String, _ encoding: UnicodeLayer.Encoding) -> [UInt8] {
    var out: [UInt8] = []
    func put(_ value: UInt32, _ size: Int) {
      let bytes = (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
      out += encoding.bigEndian ? bytes.reversed() : bytes
    }
    if encoding.unitSize == 2 {
      for unit in text.utf16 { put(UInt32(unit), 2) }
    } else {
      for scalar in text.unicodeScalars { put(scalar.value, 4) }
    }
    return out
  }
}
