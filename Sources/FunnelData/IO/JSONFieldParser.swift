import Foundation

/// Parses JSON (a top-level array of objects) or JSON Lines (objects one after
/// another) into a `FieldGrid`, so the values go through the same inference as
/// CSV text. Columns are the union of keys in order of first appearance; strings
/// are decoded into a buffer of their own, numbers and booleans kept as their
/// text, null and missing keys are nulls, nested arrays and objects are kept as
/// their JSON text.
struct JSONFieldParser {
  private let path: String
  // Read by the string and nesting readers in JSONFieldParser+Strings.swift.
  let src: UnsafeBufferPointer<UInt8>
  var i = 0
  var line = 1
  var out: [UInt8] = []
  private var keys = ByteInterner()
  /// Column names; a key's interned code is its column index.
  private var names: [String] = []
  private var starts: [[UInt32]] = []
  private var ends: [[UInt32]] = []
  private var rowLines: [Int32] = []

  private init(path: String, src: UnsafeBufferPointer<UInt8>) {
    self.path = path
    self.src = src
  }

  static func parse(_ bytes: [UInt8], path: String) throws -> FieldGrid {
    try bytes.withUnsafeBufferPointer { b in
      var parser = JSONFieldParser(path: path, src: b)
      return try parser.run()
    }
  }

  private mutating func run() throws -> FieldGrid {
    if src.count >= 3, src[0] == 0xEF, src[1] == 0xBB, src[2] == 0xBF { i = 3 }
    skipSpace()
    if i < src.count, src[i] == UInt8(ascii: "[") {
      i += 1
      skipSpace()
      if peek() == UInt8(ascii: "]") {
        i += 1
      } else {
        while true {
          try object()
          skipSpace()
          guard let b = peek() else { throw fail("the array is not closed with ']'") }
          i += 1
          if b == UInt8(ascii: "]") { break }
          if b != UInt8(ascii: ",") { throw fail("expected ',' or ']' after an object") }
          skipSpace()
        }
      }
      skipSpace()
      if i < src.count { throw fail("unexpected text after the closing ']'") }
    } else {
      while i < src.count {
        try object()
        skipSpace()
      }
    }
    let rows = rowLines.count
    guard out.count <= FieldGrid.maxBytes else {
      throw FileError(path: path, message: "file is larger than 2 GB, which is not supported")
    }
    var allStarts: [UInt32] = []
    var allEnds: [UInt32] = []
    allStarts.reserveCapacity(rows * names.count)
    allEnds.reserveCapacity(rows * names.count)
    for c in names.indices {
      padColumn(c, to: rows)
      allStarts += starts[c]
      allEnds += ends[c]
    }
    return FieldGrid(
      bytes: out, names: names, rowCount: rows, starts: allStarts, ends: allEnds, rowStride: 1,
      columnStride: rows, rowLines: rowLines)
  }

  private func peek() -> UInt8? { i < src.count ? src[i] : nil }

  func fail(_ message: String) -> FileError {
    FileError(path: path, line: line, message: "malformed JSON: " + message)
  }

  private mutating func skipSpace() {
    while i < src.count {
      let b = src[i]
      if b == 10 {
        line += 1
      } else if b != 32, b != 9, b != 13 {
        return
      }
      i += 1
    }
  }

  /// Nulls for the rows a column missed.
  private mutating func padColumn(_ c: Int, to rows: Int) {
    let missing = rows - starts[c].count
    if missing > 0 {
      starts[c] += repeatElement(0, count: missing)
      ends[c] += repeatElement(0, count: missing)
    }
  }

  private mutating func object() throws {
    guard peek() == UInt8(ascii: "{") else { throw fail("expected an object ('{')") }
    let row = rowLines.count
    rowLines.append(Int32(truncatingIfNeeded: line))
    i += 1
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      i += 1
      return
    }
    while true {
      skipSpace()
      guard peek() == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
      let keyStart = out.count
      try string()
      let code = Int(out.withUnsafeBufferPointer { keys.code(UnsafeBufferPointer(rebasing: $0[keyStart...])) })
      out.removeSubrange(keyStart...)
      if code == names.count {
        names.append(keys.string(code))
        starts.append([])
        ends.append([])
      }
      skipSpace()
      guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
      i += 1
      skipSpace()
      let (s, e) = try value()
      // A repeated key keeps its last value.
      padColumn(code, to: row)
      if starts[code].count > row {
        starts[code][row] = s
        ends[code][row] = e
      } else {
        starts[code].append(s)
        ends[code].append(e)
      }
      skipSpace()
      guard let b = peek() else { throw fail("the object is not closed with '}'") }
      i += 1
      if b == UInt8(ascii: "}") { return }
      if b != UInt8(ascii: ",") { throw fail("expected ',' or '}' in an object") }
    }
  }

  /// One value, as a range of `out` (empty for null).
  private mutating func value() throws -> (UInt32, UInt32) {
    guard let b = peek() else { throw fail("expected a value") }
    let start = out.count
    switch b {
    case UInt8(ascii: "\""):
      try string()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let from = i
      try skipNested()
      out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
    case UInt8(ascii: "n"):
      try word("null")
    case UInt8(ascii: "t"):
      try word("true")
      out.append(contentsOf: "true".utf8)
    case UInt8(ascii: "f"):
      try word("false")
      out.append(contentsOf: "false".utf8)
    default:
      let from = i
      while i < src.count,
        src[i] == UInt8(ascii: "-") || src[i] == UInt8(ascii: "+") || src[i] == UInt8(ascii: ".")
          || src[i] == UInt8(ascii: "e") || src[i] == UInt8(ascii: "E") || src[i] &- 48 < 10
      {
        i += 1
      }
      guard i > from,
        NumberText.scan(src.baseAddress.unsafelyUnwrapped + from, i - from, point: UInt8(ascii: "."), group: nil)
          != nil
      else { throw fail("expected a value") }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
    }
    return (UInt32(truncatingIfNeeded: start), UInt32(truncatingIfNeeded: out.count))
  }

  private mutating func word(_ w: StaticString) throws {
    let n = w.utf8CodeUnitCount
    guard i + n <= src.count, memcmp(src.baseAddress.unsafelyUnwrapped + i, w.utf8Start, n) == 0 else {
      throw fail("expected a value")
    }
    i += n
  }
}
