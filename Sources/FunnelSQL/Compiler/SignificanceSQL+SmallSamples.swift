import FunnelData
import FunnelEngine

/// Student's t with few degrees of freedom (Welch's df below
/// `SignificanceSQL.smallDF`, a handful of values on a side), where Hill's
/// closed forms drift: the tail is the regularized incomplete beta
/// I_x(df/2, ½), x = df ÷ (df + t²), by its continued fraction cut at 20 terms
/// and written out from the bottom, with ln Γ by Stirling's series after a
/// shift of 6; within 5e-11 of the exact tail for df ≤ 7. (The critical value
/// of the interval has no such form that stays small enough to compile: below
/// 4 df the SQL engines leave the interval null; see `SignificanceSQL`.)
extension SignificanceSQL {
  /// Welch's df below which the t tail and critical value take the forms here.
  static let smallDF = 7.0

  private func d(_ x: Double) -> String { b.double(x) }

  /// A constant as a short literal that every dialect reads as a double
  /// beside a double (`2.5E0`): the fractions below repeat them hundreds of times.
  private func n(_ x: Double) -> String { "\(x)E0" }

  /// ln Γ(½).
  private static let lnGammaHalf = 0.572_364_942_924_700_1

  /// ln Γ(z) for z > 0 (a column or short expression): Stirling's series at
  /// z + 6 (error below 1e-10 there), less ln(z(z + 1)…(z + 5)).
  func lnGamma(_ z: String) -> String {
    let w = "(\(z) + \(d(6)))"
    let series =
      "((\(w) - \(d(0.5))) * LN(\(w)) - \(w) + \(d(0.918_938_533_204_672_7)) + \(d(1)) / (\(d(12)) * \(w))"
      + " - \(d(1)) / (\(d(360)) * POWER(\(w), 3)) + \(d(1)) / (\(d(1260)) * POWER(\(w), 5))"
      + " - \(d(1)) / (\(d(1680)) * POWER(\(w), 7)))"
    let product = (0..<6).map { "(\(z) + \(d(Double($0))))" }.joined(separator: " * ")
    return "(\(series) - LN(\(product)))"
  }

  /// The continued fraction of I_x(a, b) (Numerical Recipes' `betacf`),
  /// cut at 20 terms and evaluated from the last one up.
  func continuedFraction(_ x: String, a: String, b bb: String) -> String {
    var f = n(1)
    for m in stride(from: 20, through: 1, by: -1) {
      let k = Double(m / 2)
      let term: String
      if m % 2 == 0 {
        term = "\(n(k)) * (\(bb) - \(n(k))) * \(x) / ((\(a) + \(n(2 * k - 1))) * (\(a) + \(n(2 * k))))"
      } else {
        term = "(\(a) + \(n(k))) * (\(a) + \(bb) + \(n(k))) * \(x) / ((\(a) + \(n(2 * k))) * (\(a) + \(n(2 * k + 1))))"
      }
      // No NULLIF here: dialects expand it to a CASE that names its argument
      // twice, which doubles the fraction at every level. In the region where
      // the fraction is taken each level stays near 1, never at 0.
      f = "(\(n(1)) \(m % 2 == 0 ? "+" : "-") \(term) / \(f))"
    }
    return "(\(n(1)) / \(f))"
  }

  /// P(|T| ≥ t) for `df` degrees of freedom, from x = df ÷ (df + t²) and
  /// y = t² ÷ (df + t²) (columns): I_x(df/2, ½), on the side where the
  /// fraction converges; 1 at t = 0.
  func studentTail(x: String, y: String, df: String, lnGammaRatio g: String) -> String {
    let a = "(\(df) / \(n(2)))"
    let half = n(0.5)
    let front = "EXP(\(g) - \(n(Self.lnGammaHalf)) + \(a) * LN(\(x)) + \(half) * LN(\(y)))"
    return """
      CASE WHEN \(y) <= \(d(0)) THEN \(d(1))
        WHEN \(x) < (\(a) + \(n(1))) / (\(a) + \(n(2.5)))
          THEN \(front) * \(continuedFraction(x, a: a, b: half)) / \(a)
        ELSE \(d(1)) - \(front) * \(continuedFraction(y, a: half, b: a)) / \(half) END
      """
  }

  /// ln Γ((df + 1)/2) − ln Γ(df/2), the part of the tail's front that depends on df only (a column is made of it).
  func lnGammaRatio(_ df: String) -> String {
    "(\(lnGamma("(\(df) + \(d(1))) / \(d(2))")) - \(lnGamma("\(df) / \(d(2))")))"
  }

}
