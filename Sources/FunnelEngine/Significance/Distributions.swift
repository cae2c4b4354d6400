import Foundation

/// The normal and Student t distributions as the significance tests of
/// `compare` read them, computed to double precision: the normal tail from
/// Foundation's `erfc`, Student's t from the regularized incomplete beta
/// function by its continued fraction (modified Lentz), which is exact to
/// about 1e-14 for any degrees of freedom, whole or fractional. The SQL
/// engines use closed-form approximations of the same functions
/// (`SignificanceSQL` in FunnelSQL), within 5e-7 of these.
package enum Distributions {
  /// P(|Z| ≥ |z|) for a standard normal Z: the two-sided p-value of a z statistic.
  package static func normalTwoSided(_ z: Double) -> Double {
    erfc(abs(z) / 2.0.squareRoot())
  }

  /// P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df > 0, may be fractional):
  /// I_x(df/2, 1/2) with x = df ÷ (df + t²).
  package static func studentTwoSided(_ t: Double, df: Double) -> Double {
    guard df > 0, t.isFinite else { return t.isInfinite ? 0 : .nan }
    if t == 0 { return 1 }
    let x = df / (df + t * t)
    return regularizedBeta(x, a: df / 2, b: 0.5)
  }

  /// The t with P(|T| ≥ t) = `p`: the critical value of a two-sided interval
  /// at confidence 1 − p (2.0452 for p = 0.05 and 29 degrees of freedom).
  /// Bisection on `studentTwoSided`, which falls as t grows, to a width of 1e-12.
  package static func studentCritical(_ p: Double, df: Double) -> Double {
    guard df > 0, p > 0, p < 1 else { return .nan }
    var low = 0.0, high = 1.0
    while studentTwoSided(high, df: df) > p { high *= 2 }
    while high - low > 1e-12 * max(1, high) {
      let mid = (low + high) / 2
      if studentTwoSided(mid, df: df) > p { low = mid } else { high = mid }
    }
    return (low + high) / 2
  }

  /// The z with P(|Z| ≥ z) = 0.05: 1.959963984540054.
  package static let normalCritical95 = 1.959_963_984_540_054

  /// I_x(a, b), the regularized incomplete beta function, by its continued
  /// fraction (Numerical Recipes' `betacf`, modified Lentz), taken on the side
  /// where it converges fast: I_x(a, b) = 1 − I_(1−x)(b, a).
  package static func regularizedBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * continuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
  }

  /// The continued fraction of I_x(a, b), evaluated until a term changes it by
  /// less than 1e-15 (at most 10,000 terms; a few dozen in practice).
  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return h
  }
}
