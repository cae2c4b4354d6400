import Testing

@testable import FunnelData

/// The eight-bytes-at-a-time search for separators and line ends finds what a
/// byte-by-byte search finds, wherever the byte sits in its word.
struct SpecialBytesTests {
  /// The reference: one byte at a time.
  static func slowFind(_ bytes: [UInt8], from: Int, separator: UInt8) -> Int {
    var i = from
    while i < bytes.count, bytes[i] != separator, bytes[i] != 10, bytes[i] != 13 { i += 1 }
    return i
  }

  @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")])
  func findsTheFirstSpecialByteAtEveryOffset(separator: UInt8) {
    let special = SpecialBytes(separator: separator)
    // Bytes around the sought ones (one more and one less, the high-bit
    // twins and UTF-8) are where a word-wide test could go wrong.
    let fillers: [UInt8] = [
      separator &+ 1, separator &- 1, separator | 0x80, 0x8A, 0x8D, 11, 12, 9, 0, 0xFF, 0xC3, 0xA9, UInt8(ascii: "a"),
    ].filter { $0 != separator && $0 != 10 && $0 != 13 }
    var generator = SystemRandomNumberGenerator()
    for length in 0..<40 {
      for _ in 0..<40 {
        var bytes = (0..<length).map { _ in fillers.randomElement(using: &generator)! }
        // Zero, one or two special bytes at random places.
        for _ in 0..<Int.random(in: 0...2) where length > 0 {
          bytes[Int.random(in: 0..<length)] = [separator, 10, 13].randomElement()!
        }
        for from in 0...length {
          let found = bytes.withUnsafeBufferPointer { special.find($0, from: from) }
          #expect(found == Self.slowFind(bytes, from: from, separator: separator), "\(bytes) from \(from)")
        }
      }
    }
  }

  /// Fields of every length up to past two words, split and read back.
  @Test func splitsRowsOfEveryFieldLength() throws {
    var text = "a,b,c\n"
    var expected: [[String]] = []
    for length in 0..<20 {
      let row = [String(repeating: "x", count: length), String(repeating: "é", count: length / 2), "\(length)"]
      expected.append(row)
      text += row.joined(separator: ",") + (length % 3 == 0 ? "\r\n" : "\n")
    }
    let bytes = Array(text.utf8)
    let grid = try DelimitedScanner(path: "t.csv", separator: UInt8(ascii: ",")).scan(bytes)
    #expect(grid.rowCount == expected.count)
    for (r, row) in expected.enumerated() {
      for (c, value) in row.enumerated() {
        let k = r * 3 + c
        let start = Int(grid.starts[k])
        let end = Int(grid.ends[k] & ~FieldGrid.escapedFlag)
        #expect(String(decoding: bytes[start..<end], as: UTF8.self) == value)
      }
    }
  }
}

/// Whole files of short fields, as a CRM export has, split by the scanner
/// (which reads plain records a word at a time and the rest a record at a
/// time) and by a plain reading of the format, byte by byte: the same rows,
/// or an error for both.
struct PlainRecordTests {
  /// The reference: RFC 4180 with LF, CRLF or lone CR line ends; empty lines
  /// skipped; nil when the text is not well formed or a row's count of
  /// fields is not the header's.
  static func reference(_ b: [UInt8], separator: UInt8) -> [[String]]? {
    var rows: [[String]] = []
    var i = 0
    let n = b.count
    func isEnd(_ x: UInt8) -> Bool { x == 10 || x == 13 }
    while i < n {
      if b[i] == 10 {
        i += 1
        continue
      }
      if b[i] == 13 {
        i += i + 1 < n && b[i + 1] == 10 ? 2 : 1
        continue
      }
      var row: [String] = []
      while true {
        var field: [UInt8] = []
        if i < n, b[i] == UInt8(ascii: "\"") {
          i += 1
          while true {
            guard i < n else { return nil }
            if b[i] == UInt8(ascii: "\"") {
              if i + 1 < n, b[i + 1] == UInt8(ascii: "\"") {
                field.append(b[i])
                i += 2
                continue
              }
              i += 1
              break
            }
            field.append(b[i])
            i += 1
          }
          if i < n, b[i] != separator, !isEnd(b[i]) { return nil }
        } else {
          while i < n, b[i] != separator, !isEnd(b[i]) {
            field.append(b[i])
            i += 1
          }
        }
        row.append(String(decoding: field, as: UTF8.self))
        if i < n, b[i] == separator {
          i += 1
          continue
        }
        break
      }
      if i < n { i += b[i] == 13 && i + 1 < n && b[i + 1] == 10 ? 2 : 1 }
      if let header = rows.first, header.count != row.count { return nil }
      rows.append(row)
    }
    return rows
  }

  /// The scanner's rows (the header first), or nil when it throws.
  static func scanned(_ b: [UInt8], separator: UInt8) -> [[String]]? {
    guard let grid = try? DelimitedScanner(path: "t.csv", separator: separator).scan(b) else { return nil }
    var rows = [grid.names]
    for r in 0..<grid.rowCount {
      rows.append(
        (0..<grid.names.count).map { c in
          let k = r * grid.rowStride + c * grid.columnStride
          let end = Int(grid.ends[k] & ~FieldGrid.escapedFlag)
          let text = String(decoding: b[Int(grid.starts[k])..<end], as: UTF8.self)
          return grid.ends[k] & FieldGrid.escapedFlag != 0 ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
        })
    }
    return rows
  }

  @Test(arguments: [UInt8(ascii: ","), 9])
  func sameRowsAsAByteByByteReading(separator: UInt8) {
    var generator = SystemRandomNumberGenerator()
    let sep = String(UnicodeScalar(separator))
    // Mostly plain fields of a few bytes; now and then a quoted one, an odd
    // line end, an empty line, or a row with a field too many or too few.
    let plain = ["", "a", "42", "2024-07-01", "é", "paid_search", "North America", "x y", "12.5"]
    let odd = ["\"q\"", "\"a\(sep)b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"\"", "\"x\"y"]
    for _ in 0..<400 {
      let fields = Int.random(in: 1...6, using: &generator)
      let oddness = [0.0, 0.01, 0.1].randomElement(using: &generator)!
      var text = (0..<fields).map { "h\($0)" }.joined(separator: sep) + "\n"
      for _ in 0..<Int.random(in: 0...60, using: &generator) {
        var count = fields
        if Double.random(in: 0..<1, using: &generator) < oddness / 4 { count += Bool.random() ? 1 : -1 }
        let row = (0..<max(count, 0)).map { _ in
          Double.random(in: 0..<1, using: &generator) < oddness
            ? odd.randomElement(using: &generator)! : plain.randomElement(using: &generator)!
        }
        text += row.joined(separator: sep)
        let r = Double.random(in: 0..<1, using: &generator)
        text += r < oddness ? ["\r\n", "\r", "\n\n", "\r\n\r\n"].randomElement(using: &generator)! : "\n"
      }
      if Bool.random(using: &generator) { text.removeLast() }
      let bytes = Array(text.utf8)
      #expect(Self.scanned(bytes, separator: separator) == Self.reference(bytes, separator: separator), "\(text)")
    }
  }
}
