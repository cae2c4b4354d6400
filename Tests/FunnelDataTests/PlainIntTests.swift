import Testing

@testable import FunnelData

/// A plain integer read as words (16 bytes readable past its start) gives
/// what reading it a digit at a time gives: the same value, or the same
/// refusal, for every length, sign and misplaced character.
struct PlainIntTests {
  /// `text` read by a tally that has seen one integer (before any, the
  /// short path does not apply), words allowed or not.
  static func read(_ text: String, words: Bool) throws -> Int64? {
    let bytes = Array(text.utf8) + [UInt8](repeating: UInt8(ascii: "7"), count: 16)
    var tally = TypeTally()
    let rules = try FieldRules(ReadOptions(), path: "t.csv")
    let one = Array("1".utf8)
    _ = one.withUnsafeBufferPointer { tally.add($0.baseAddress.unsafelyUnwrapped, 1, rules: rules) }
    let n = text.utf8.count
    return bytes.withUnsafeBufferPointer { b in
      tally.plainInt(b.baseAddress.unsafelyUnwrapped, n, readable: words ? n + 16 : n)
    }
  }

  static var cases: [String] {
    var texts = [
      "0", "7", "-7", "-0", "10", "01", "-01", "99999999", "100000000", "12345678", "123456789",
      "9999999999999999", "1234567890123456", "12345678901234567", "999999999999999999", "-999999999999999999",
      "1234567890123456789", "-", "", "+5", "1.5", "1e5", "12 ", " 12", "4000000",
    ]
    // A character just outside the digits ('/' and ':') at each position of 1 to 16 digits.
    for length in 1...16 {
      let digits = String(String((1...length).map { Character(String($0 % 10)) }).reversed())
      texts.append(digits)
      texts.append("-" + digits)
      for at in 0..<length {
        for odd in ["/", ":", "a", " "] {
          var chars = Array(digits)
          chars[at] = Character(odd)
          texts.append(String(chars))
        }
      }
    }
    return texts
  }

  @Test func wordsAgreeWithDigits() throws {
    for text in Self.cases {
      let byWords = try Self.read(text, words: true)
      let byDigits = try Self.read(text, words: false)
      #expect(byWords == byDigits, "\(text)")
      if text.allSatisfy(\.isNumber), !text.isEmpty, text.count <= 18, text == "0" || !text.hasPrefix("0") {
        #expect(byWords != nil, "\(text)")
      }
      if let value = byWords, !text.hasPrefix("-0") { #expect(value == Int64(text), "\(text)") }
    }
  }

  @Test func randomValues() throws {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...16, using: &rng)
      let top = digits == 16 ? Int64(9_999_999_999_999_999) : Int64(pow10(digits)) - 1
      let value = Int64.random(in: 0...top, using: &rng) * (Bool.random(using: &rng) ? 1 : -1)
      let text = String(value)
      #expect(try Self.read(text, words: true) == value, "\(text)")
    }
  }

  private func pow10(_ k: Int) -> Int { (0..<k).reduce(1) { r, _ in r * 10 } }

  @Test func digitWordReadsEachLength() {
    for k in 1...8 {
      let text = String("87654321".suffix(k))
      let bytes = Array(text.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 8)
      let value = bytes.withUnsafeBufferPointer { TypeTally.digitWord($0.baseAddress.unsafelyUnwrapped, k) }
      #expect(value == Int64(text))
    }
  }
}
