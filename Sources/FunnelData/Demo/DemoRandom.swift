/// The demo generator's source of randomness: xoshiro256** seeded through
/// SplitMix64, both as published by Blackman and Vigna.
///
/// The system generator and Foundation promise nothing across machines; this
/// one is pure integer arithmetic, so `(leads, seed)` names the same tables
/// everywhere. Each dataset draws from its own stream, so a change in how one
/// dataset is drawn leaves the others as they were.
struct DemoRandom {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A stream for `seed`; different `stream` numbers give unrelated sequences.
  init(seed: UInt64, stream: UInt64) {
    var x = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix()
    s1 = splitMix()
    s2 = splitMix()
    s3 = splitMix()
  }

  @inline(__always)
  private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// The next 64 random bits.
  @inline(__always)
  mutating func next() -> UInt64 {
    let result = DemoRandom.rotate(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = DemoRandom.rotate(s3, 45)
    return result
  }

  /// Uniform in `0..<n` (`n` > 0), by the high half of a 64×64 product: no
  /// division, and a bias below 2^-40 for the small ranges drawn here.
  @inline(__always)
  mutating func below(_ n: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// Uniform in `low...high`.
  @inline(__always)
  mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }

  /// Uniform in the range.
  @inline(__always)
  mutating func draw(_ range: ClosedRange<Int>) -> Int { between(range.lowerBound, range.upperBound) }

  /// True with probability `perTenThousand` / 10,000.
  @inline(__always)
  mutating func chance(_ perTenThousand: Int) -> Bool { below(10_000) < perTenThousand }

  /// A hump-shaped draw in `low...high`: the mean of three uniforms, the
  /// integer stand-in for a bell curve (no transcendental functions).
  @inline(__always)
  mutating func hump(_ low: Int, _ high: Int) -> Int {
    let span = high - low + 1
    return low + (below(span) + below(span) + below(span)) / 3
  }

  /// A right-skewed multiplier in thousandths (median 1,000, about one in
  /// twenty above 2,500), read from a table of quantiles of a log-normal
  /// curve and interpolated, so money amounts get a realistic long tail.
  mutating func skewedPerMille() -> Int {
    let table = DemoRandom.skewQuantiles
    let slot = below(table.count - 1)
    let low = table[slot], high = table[slot + 1]
    return low + (high - low) * below(1_000) / 1_000
  }

  /// Sixteen equal-probability steps of a log-normal with sigma ≈ 0.55, in
  /// thousandths, written out so that no platform's `exp` is involved.
  private static let skewQuantiles = [
    300, 400, 480, 560, 640, 720, 800, 880, 960, 1_050, 1_150, 1_270, 1_420, 1_650, 2_000, 2_700, 4_200,
  ]
}
