/// Transcodes UTF-16 or UTF-32 text (found by its byte-order mark) to UTF-8
/// as it is read, so every reader sees UTF-8. Code units that do not make a
/// character (a lone surrogate, a value past U+10FFFF, an odd byte at the
/// end) become U+FFFD, as invalid UTF-8 does when text is decoded.
final class UnicodeLayer: ByteLayer {
  enum Encoding: String, Sendable {
    case utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", utf32LE = "UTF-32LE", utf32BE = "UTF-32BE"

    var unitSize: Int { self == .utf16LE || self == .utf16BE ? 2 : 4 }
    var bigEndian: Bool { self == .utf16BE || self == .utf32BE }

    /// The encoding a byte-order mark at the start names, with the mark's
    /// length; nil for none (UTF-8's mark is skipped elsewhere).
    static func fromMark(_ b: [UInt8]) -> (Encoding, Int)? {
      if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return (.utf32LE, 4) }
      if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return (.utf32BE, 4) }
      if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LE, 2) }
      if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BE, 2) }
      return nil
    }
  }

  private let encoding: Encoding
  private let source: ByteLayer
  /// Bytes of the source not yet decoded (at most a few of a character cut
  /// by the end of the last read, then a fresh block).
  private var input: [UInt8] = []
  private var inputStart = 0
  private var sourceEnded = false
  /// UTF-8 decoded but not yet handed out.
  private var output: [UInt8] = []
  private var outputStart = 0
  private static let block = 1 << 16

  init(_ encoding: Encoding, source: ByteLayer) {
    self.encoding = encoding
    self.source = source
  }

  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    while outputStart == output.count {
      if sourceEnded, inputStart == input.count { return 0 }
      try decodeBlock()
    }
    let n = min(count, output.count - outputStart)
    output.withUnsafeBufferPointer { into.update(from: $0.baseAddress.unsafelyUnwrapped + outputStart, count: n) }
    outputStart += n
    return n
  }

  /// Reads a block from the source and decodes every whole character in it.
  private func decodeBlock() throws {
    input.removeSubrange(0..<inputStart)
    inputStart = 0
    let kept = input.count
    input.append(contentsOf: repeatElement(0, count: UnicodeLayer.block))
    let got = try input.withUnsafeMutableBufferPointer {
      try source.read($0.baseAddress.unsafelyUnwrapped + kept, UnicodeLayer.block)
    }
    input.removeSubrange((kept + got)...)
    if got == 0 { sourceEnded = true }
    output.removeAll(keepingCapacity: true)
    outputStart = 0
    let size = encoding.unitSize
    var i = 0
    let n = input.count
    while n - i >= size {
      let unit = self.unit(at: i)
      i += size
      if size == 4 {
        append(unit <= 0x10FFFF && !(0xD800...0xDFFF).contains(unit) ? unit : 0xFFFD)
      } else if (0xD800...0xDBFF).contains(unit) {
        if n - i < 2, !sourceEnded {
          // The pair's second half is in the next block.
          i -= 2
          break
        }
        let low = n - i >= 2 ? self.unit(at: i) : 0
        if (0xDC00...0xDFFF).contains(low) {
          append(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
          i += 2
        } else {
          append(0xFFFD)
        }
      } else {
        append((0xDC00...0xDFFF).contains(unit) ? 0xFFFD : unit)
      }
    }
    if sourceEnded, i < n {
      // An odd byte or two at the very end.
      append(0xFFFD)
      i = n
    }
    inputStart = i
  }

  private func unit(at i: Int) -> UInt32 {
    var value: UInt32 = 0
    let size = encoding.unitSize
    for k in 0..<size {
      let byte = UInt32(input[encoding.bigEndian ? i + k : i + size - 1 - k])
      value = value << 8 | byte
    }
    return value
  }

  private func append(_ scalar: UInt32) {
    switch scalar {
    case 0..<0x80:
      output.append(UInt8(scalar))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    default:
      output.append(UInt8(0xF0 | scalar >> 18))
      output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
