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
