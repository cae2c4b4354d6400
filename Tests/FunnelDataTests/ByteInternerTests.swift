import Testing

@testable import FunnelData

/// The interner gives one code per distinct byte string, whichever way a
/// value's bytes are read: whole words past its end when the buffer allows,
/// byte by byte when it does not, or through the long path.
struct ByteInternerTests {
  /// Every length from 0 to 40, each text a prefix of the next, so that two
  /// values differ only in their length, or in a byte past the shorter one.
  static let texts: [[UInt8]] = (0...40).map { n in (0..<n).map { UInt8(97 + $0 % 26) } }

  /// Codes `text` with `readable` bytes after its start, the bytes past it
  /// set to `filler` (what a word read past the value's end would see).
  static func code(_ interner: inout ByteInterner, _ text: [UInt8], readable: Int, filler: UInt8) -> Int32 {
    // One byte more than is readable, so that even an empty text has an address.
    let buffer = text + [UInt8](repeating: filler, count: max(readable - text.count, 0) + 1)
    return buffer.withUnsafeBufferPointer { b in
      interner.code(b.baseAddress.unsafelyUnwrapped, text.count, readable: readable)
    }
  }

  @Test func sameCodeWhateverIsReadPastTheValue() {
    var interner = ByteInterner()
    var first: [Int32] = []
    for text in Self.texts {
      first.append(Self.code(&interner, text, readable: text.count + 16, filler: 0xFF))
    }
    #expect(first == (0..<Int32(Self.texts.count)).map { $0 })
    for (k, text) in Self.texts.enumerated() {
      #expect(Self.code(&interner, text, readable: text.count, filler: 0) == first[k])
      #expect(Self.code(&interner, text, readable: text.count + 16, filler: 0) == first[k])
      #expect(Self.code(&interner, text, readable: text.count + 3, filler: 0x61) == first[k])
      #expect(text.withUnsafeBufferPointer { interner.code($0) } == first[k])
    }
    #expect(interner.count == Self.texts.count)
    #expect(interner.strings() == Self.texts.map { String(decoding: $0, as: UTF8.self) })
  }

  /// `ab` and `ab\0`: the same words once masked, told apart by length.
  @Test func trailingZeroBytesAreADifferentValue() {
    var interner = ByteInterner()
    let a = Self.code(&interner, [97, 98], readable: 18, filler: 0)
    let b = Self.code(&interner, [97, 98, 0], readable: 19, filler: 0)
    let c = Self.code(&interner, [97, 98, 0, 0, 0, 0, 0, 0, 0], readable: 9, filler: 0)
    #expect([a, b, c] == [0, 1, 2])
    #expect(Self.code(&interner, [97, 98, 0], readable: 3, filler: 0) == 1)
  }

  /// Many values of every short length: the table grows and keeps each code.
  @Test func codesSurviveGrowth() {
    var interner = ByteInterner()
    var expected: [String: Int32] = [:]
    for i in 0..<20_000 {
      let text = Array(String(i * 7919 % 1_000_003, radix: 36).utf8) + (i % 3 == 0 ? Array("-suffix-long".utf8) : [])
      let code = Self.code(&interner, text, readable: text.count + (i % 2 == 0 ? 16 : 0), filler: 0x7A)
      let key = String(decoding: text, as: UTF8.self)
      if let known = expected[key] { #expect(code == known) } else { expected[key] = code }
    }
    #expect(interner.count == expected.count)
    let strings = interner.strings()
    for (text, code) in expected { #expect(strings[Int(code)] == text) }
  }
}
