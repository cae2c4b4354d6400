/// The tests `compare` runs on a compared metric, side a against side b, at
/// the 5% level, each giving a two-sided p-value and a 95% confidence
/// interval of the difference b − a.
///
/// - A rate (successes ÷ trials: `win_rate()`, `mql_rate()`, `ctr()`):
///   the two-proportion z-test. p̂ = (x_a + x_b) ÷ (n_a + n_b),
///   z = (p_b − p_a) ÷ √(p̂(1 − p̂)(1/n_a + 1/n_b)) (pooled standard error),
///   p = 2(1 − Φ(|z|)); the interval is Wald's, unpooled:
///   p_b − p_a ± 1.96 √(p_a(1 − p_a)/n_a + p_b(1 − p_b)/n_b).
/// - A mean (`avg(x)`, `avg_deal_size()`, `sales_cycle_days()`): Welch's
///   t-test. t = (m_b − m_a) ÷ √(s_a²/n_a + s_b²/n_b), its degrees of freedom by
///   Welch–Satterthwaite, (s_a²/n_a + s_b²/n_b)² ÷ ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1)),
///   p = P(|T_df| ≥ |t|); the interval m_b − m_a ± t_(0.975, df) × the same standard error.
///
/// `SignificanceOutcome.reason` says why a test has no p-value (no trials on a
/// side, no variation at all); the numbers are then null, never a guess.
package enum Significance {
  /// The level a change is called significant below.
  package static let level = 0.05

  /// The z-test of x_a of n_a against x_b of n_b.
  package static func proportions(_ xa: Double, _ na: Double, _ xb: Double, _ nb: Double) -> SignificanceOutcome {
    guard na > 0, nb > 0 else { return SignificanceOutcome(reason: "no trials on one side") }
    let pa = xa / na, pb = xb / nb
    let pooled = (xa + xb) / (na + nb)
    let se = (pooled * (1 - pooled) * (1 / na + 1 / nb)).squareRoot()
    guard se > 0, se.isFinite else {
      return SignificanceOutcome(reason: "0% or 100% on both sides: no variation to test")
    }
    let z = (pb - pa) / se
    var out = SignificanceOutcome(statistic: z, p: Distributions.normalTwoSided(z))
    let wald = (pa * (1 - pa) / na + pb * (1 - pb) / nb).squareRoot()
    if wald > 0 {
      let half = Distributions.normalCritical95 * wald
      (out.low, out.high) = (pb - pa - half, pb - pa + half)
    } else {
      out.reason = "0% or 100% on each side: the interval has no width to show"
    }
    return out
  }

  /// Welch's t-test of (n_a, mean m_a, sample standard deviation s_a) against the same of b.
  package static func means(
    _ na: Double, _ ma: Double, _ sa: Double, _ nb: Double, _ mb: Double, _ sb: Double
  ) -> SignificanceOutcome {
    guard na >= 2, nb >= 2 else { return SignificanceOutcome(reason: "fewer than 2 values on a side") }
    let va = sa * sa / na, vb = sb * sb / nb
    let se = (va + vb).squareRoot()
    guard se > 0, se.isFinite else { return SignificanceOutcome(reason: "every value the same on both sides") }
    let t = (mb - ma) / se
    let df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1))
    var out = SignificanceOutcome(statistic: t, p: Distributions.studentTwoSided(t, df: df))
    out.df = df
    let half = Distributions.studentCritical(level, df: df) * se
    (out.low, out.high) = (mb - ma - half, mb - ma + half)
    return out
  }
}

/// A test's numbers (nil when it could not run) and why they are missing.
package struct SignificanceOutcome: Equatable {
  /// z or t.
  package var statistic: Double? = nil
  /// Welch–Satterthwaite degrees of freedom (nil for a z-test).
  package var df: Double? = nil
  package var p: Double? = nil
  /// The 95% interval of b − a.
  package var low: Double? = nil
  package var high: Double? = nil
  package var reason: String? = nil

  init(reason: String) { self.reason = reason }

  init(statistic: Double, p: Double) {
    self.statistic = statistic
    self.p = p
  }

  /// Whether p < 0.05 (nil without a p-value).
  package var significant: Bool? { p.map { $0 < Significance.level } }
}
