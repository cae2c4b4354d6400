/// The parts of JSON that step through strings and nested values byte by byte.
extension JSONFieldParser {
  /// Decodes the string at `i` (escapes undone) onto the end of `out`.
  mutating func string() throws {
    let startLine = line
    i += 1
    while true {
      let from = i
      while i < src.count, src[i] != UInt8(ascii: "\""), src[i] != UInt8(ascii: "\\") {
        if src[i] == 10 { line += 1 }
        i += 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<i]))
      guard i < src.count else {
        line = startLine
        throw fail("a string is not closed")
      }
      if src[i] == UInt8(ascii: "\"") {
        i += 1
        return
      }
      guard i + 1 < src.count else { throw fail("a string is not closed") }
      let e = src[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "n"): out.append(10)
      case UInt8(ascii: "t"): out.append(9)
      case UInt8(ascii: "r"): out.append(13)
      case UInt8(ascii: "b"): out.append(8)
      case UInt8(ascii: "f"): out.append(12)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), i + 1 < src.count, src[i] == UInt8(ascii: "\\"),
          src[i + 1] == UInt8(ascii: "u")
        {
          i += 2
          let low = try hex4()
          scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
        }
        out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
      default: out.append(e)
      }
    }
  }

  private mutating func hex4() throws -> UInt32 {
    guard i + 4 <= src.count else { throw fail("a \\u escape needs four hex digits") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = src[i]
      let d: UInt8
      switch b {
      case 48...57: d = b - 48
      case 65...70: d = b - 55
      case 97...102: d = b - 87
      default: throw fail("a \\u escape needs four hex digits")
      }
      v = v << 4 | UInt32(d)
      i += 1
    }
    return v
  }

  /// Steps over a nested array or object, strings included, without decoding it.
  mutating func skipNested() throws {
    let startLine = line
    var depth = 0
    while i < src.count {
      let b = src[i]
      i += 1
      switch b {
      case 10: line += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 { return }
      case UInt8(ascii: "\""):
        while i < src.count, src[i] != UInt8(ascii: "\"") {
          if src[i] == 10 { line += 1 }
          i += src[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        i += 1
      default: break
      }
    }
    line = startLine
    throw fail("a nested value is not closed")
  }
}
