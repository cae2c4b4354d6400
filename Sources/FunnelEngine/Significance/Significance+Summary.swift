/// The significance tests of `compare` in words: `.explain compare` and
/// docs/metrics.md print this, with the metrics each test applies to read
/// from `MetricSample`, so the list cannot drift from what is tested.
extension Significance {
  package static var summary: String {
    func calls(_ keep: (MetricSample) -> Bool) -> String {
      MetricRegistry.all.filter { MetricSample.of($0.name).map(keep) ?? false }.map { "`\($0.signature)`" }
        .joined(separator: ", ")
    }
    let rates = calls { if case .proportion = $0 { return true } else { return false } }
    let means = calls { if case .mean = $0 { return true } else { return false } }
    return """
      When a compared metric is a rate of counts or a mean, `compare` tests its change
      from a to b (two-sided, at the 5% level) and adds the columns `statistic` (z or t),
      `df`, `p_value`, `ci_low`, `ci_high` (the 95% confidence interval of b − a, in the
      change's units: percentage points for a rate) and `significant` (true when
      p_value < 0.05). A note under the table says which test each metric got.

      - Rates (\(rates)): the two-proportion z-test with pooled standard error. With x
        successes of n trials on each side, p̂ = (x_a + x_b) ÷ (n_a + n_b),
        z = (x_b/n_b − x_a/n_a) ÷ √(p̂(1 − p̂)(1/n_a + 1/n_b)), p = 2(1 − Φ(|z|)). The
        interval is Wald's, unpooled: b − a ± 1.959964 × √(p_a(1 − p_a)/n_a + p_b(1 − p_b)/n_b).
      - Means (`avg(x)`, \(means)): Welch's t-test. With n values, mean m and sample
        standard deviation s on each side, v = s²/n, t = (m_b − m_a) ÷ √(v_a + v_b),
        df = (v_a + v_b)² ÷ (v_a²/(n_a − 1) + v_b²/(n_b − 1)) (Welch–Satterthwaite),
        p = P(|T_df| ≥ |t|); the interval is m_b − m_a ± t_(0.975, df) × √(v_a + v_b).
      - Counts, sums and the other metrics (a median, a ratio of money): no test; their
        test columns are null and the note says why.

      The numbers are null, never a guess, when a rate has no trials on a side or is 0%
      or 100% on both (no variation: the pooled standard error is 0), when a mean has
      fewer than 2 values on a side or no spread on either, and for a null value. The
      interval of a rate is null when each side is at 0% or 100%.

      Accuracy: in memory, Φ comes from `erfc` and the t distribution from the
      regularized incomplete beta function by its continued fraction (modified Lentz),
      both to about 1e-14. DuckDB, PostgreSQL and Spark have neither, so the compiled
      SQL writes them out: Φ by Abramowitz & Stegun 26.2.17 (p within 1.5e-7); the t
      tail by Hill's algorithm 395 from 7 degrees of freedom up (p within 1.5e-7) and,
      below, by the incomplete beta's continued fraction cut at 20 terms with ln Γ from
      Stirling's series (p within 5e-11); the t critical value of the interval by Hill's
      algorithm 396 (within 2e-7 from 4 degrees of freedom up). Below 4 degrees of
      freedom (two or three values on a side) that closed form drifts, so the SQL
      engines leave the interval of a mean null there; in memory it is exact.
      """
  }
}
