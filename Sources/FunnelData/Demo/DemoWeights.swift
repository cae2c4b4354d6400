/// A small table of integer weights to draw an index from (channel mix,
/// regions, company sizes): cumulative sums scanned from the start, which
/// beats a binary search for the ten or so entries these tables hold.
struct DemoWeights {
  private let cumulative: [Int]
  let total: Int

  init(_ weights: [Int]) {
    precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 }, "weights are non-negative")
    var sum = 0
    var cumulative = [Int]()
    cumulative.reserveCapacity(weights.count)
    for w in weights {
      sum += w
      cumulative.append(sum)
    }
    precondition(sum > 0, "at least one positive weight")
    self.cumulative = cumulative
    total = sum
  }

  var count: Int { cumulative.count }

  /// An index drawn with probability weight / total.
  @inline(__always)
  func pick(_ rng: inout DemoRandom) -> Int {
    let target = rng.below(total)
    var i = 0
    while cumulative[i] <= target { i += 1 }
    return i
  }
}
