import Testing

@testable import FunnelData

/// `Bitmap.allSet(in:)` answers as a bit-by-bit test would, for ranges that
/// start and end inside words, span several, or are empty.
struct BitmapTests {
  static func bitByBit(_ bitmap: Bitmap, _ range: Range<Int>) -> Bool { range.allSatisfy { bitmap[$0] } }

  @Test func allSetInRangeMatchesEachBit() {
    for count in [0, 1, 63, 64, 65, 200] {
      var bitmap = Bitmap(count: count, value: true)
      let clear = count > 0 ? [0, count / 2, count - 1] : []
      for cleared in [nil] + clear.map(Optional.some) {
        if let cleared { bitmap[cleared] = false }
        for lower in stride(from: 0, through: count, by: max(1, count / 9)) {
          for upper in stride(from: lower, through: count, by: max(1, count / 7)) {
            #expect(bitmap.allSet(in: lower..<upper) == Self.bitByBit(bitmap, lower..<upper))
          }
          #expect(bitmap.allSet(in: lower..<count) == Self.bitByBit(bitmap, lower..<count))
        }
        if let cleared { bitmap[cleared] = true }
      }
    }
  }

  /// A bitmap grown a chunk of rows at a time, as a reader grows one.
  @Test func afterAppends() {
    var bitmap = Bitmap(count: 0, value: true)
    bitmap.append(repeating: true, count: 70)
    bitmap.append(false)
    bitmap.append(repeating: true, count: 100)
    #expect(bitmap.allSet(in: 0..<70))
    #expect(!bitmap.allSet(in: 0..<71))
    #expect(!bitmap.allSet(in: 70..<171))
    #expect(bitmap.allSet(in: 71..<171))
    #expect(bitmap.allSet(in: 5..<5))
  }
}
