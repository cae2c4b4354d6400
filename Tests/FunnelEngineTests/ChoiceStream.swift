import PropertyBased

/// The choices a random dataset is made from, one byte each, so a property
/// test can shrink the data it failed on: fewer and smaller choices give
/// fewer rows and plainer values (a number drawn in a range grows with its
/// byte, a rare event needs a large one), and past the end of the list
/// every choice is the smallest.
///
///     var choices = ChoiceStream([3, 200, 17])
///     choices.int(1...4)  // 1
struct ChoiceStream {
  let choices: [UInt8]
  private var position = 0

  init(_ choices: [UInt8]) { self.choices = choices }

  /// Choices drawn from a seeded generator (the same for the same seed).
  init(seed: UInt64, count: Int = 4096) {
    var rng = SplitMix64(seed: seed)
    choices = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
  }

  /// Lists of choices for `propertyCheck`, shrinking toward short lists of small bytes.
  static let lists = Gen.uint8(in: 0...255).array(of: 0...600)

  mutating func byte() -> Int {
    defer { position += 1 }
    return position < choices.count ? Int(choices[position]) : 0
  }

  /// A value of `range`, growing with the next choice (two choices for a wide range).
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let width = range.upperBound - range.lowerBound + 1
    let draw = width <= 256 ? byte() : byte() << 8 | byte()
    let scale = width <= 256 ? 256 : 65_536
    return range.lowerBound + Int((Double(draw) / Double(scale) * Double(width)).rounded(.down))
  }

  mutating func int64(_ range: ClosedRange<Int64>) -> Int64 {
    Int64(int(Int(range.lowerBound)...Int(range.upperBound)))
  }

  mutating func int32(_ range: ClosedRange<Int32>) -> Int32 {
    Int32(int(Int(range.lowerBound)...Int(range.upperBound)))
  }

  mutating func double(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + Double(byte()) / 255 * (range.upperBound - range.lowerBound)
  }

  /// True for about a `p` share of bytes: the large ones, so the smallest choice is false.
  mutating func chance(_ p: Double) -> Bool { Double(byte()) >= 256 * (1 - p) }

  mutating func bool() -> Bool { chance(0.5) }

  mutating func element<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }
}
