import FunnelData
import FunnelEngine

/// The significance tests of `compare` (`Significance`) as SQL expressions
/// that DuckDB, PostgreSQL and Spark all read: none of them has the normal or
/// Student t distribution built in, so both are written out here.
///
/// - The normal tail: Abramowitz & Stegun 26.2.17, Q(x) = φ(x)(b1 t + … + b5 t⁵),
///   t = 1 ÷ (1 + 0.2316419 x), absolute error below 7.5e-8 (a two-sided p-value
///   within 1.5e-7 of the exact one). |z| is capped at 37, where Q is below
///   1e-298, so that no engine underflows `EXP`.
/// - Student's t tail: Hill's algorithm 395 (Comm. ACM 13, 1970) for fractional
///   degrees of freedom, which maps t to a normal deviate and reads the tail
///   above: within 1.5e-7 of the exact two-sided p-value from `smallDF` (7) up;
///   below, the incomplete beta's continued fraction (`+SmallSamples`), within 5e-11.
/// - The t critical value of a 95% interval: Hill's algorithm 396 (its normal
///   branch), within 2e-7 of the exact value for df ≥ 4. Below 4 (two or three
///   values on a side) it drifts (9% of the interval's width at df = 1), and a
///   refinement by Newton steps grows the query past what the engines plan, so
///   the interval is null there.
///
/// The in-memory engine is exact everywhere (`Distributions`).
struct SignificanceSQL {
  let b: SQLBuilder

  /// The hidden columns of each compared row: the sample of side a (successes
  /// and trials, or count, mean and standard deviation), then of side b.
  static let sampleNames = ["__a0", "__a1", "__a2", "__b0", "__b1", "__b2"]

  /// The test columns over `raw`, whose rows carry `__kind` (0 untested, 1 a
  /// rate, 2 a mean) and the samples: each step a CTE, so that no expression
  /// is written out twice. `shown` are the columns kept, `names` the test columns'.
  func tests(over raw: SQLRelation, shown: [String], names: [String], columns: [String], types: [DataType])
    -> SQLRelation
  {
    func q(_ s: String) -> String { b.quote(s) }
    let kind = q("__kind")
    let (a0, a1, a2, b0, b1, b2) = (q("__a0"), q("__a1"), q("__a2"), q("__b0"), q("__b1"), q("__b2"))
    func over(_ x: String) -> String { "NULLIF(\(x), \(d(0)))" }
    let rate = "\(kind) = 1 AND \(a1) > \(d(0)) AND \(b1) > \(d(0))"
    let pooled = "((\(a0) + \(b0)) / \(over("\(a1) + \(b1)")))"
    let pooledVariance = "(\(pooled) * (\(d(1)) - \(pooled)))"
    let (pa, pb) = ("(\(a0) / \(over(a1)))", "(\(b0) / \(over(b1)))")
    let wald = "(\(pa) * (\(d(1)) - \(pa)) / \(over(a1)) + \(pb) * (\(d(1)) - \(pb)) / \(over(b1)))"
    let mean = "\(kind) = 2 AND \(a0) >= \(d(2)) AND \(b0) >= \(d(2))"
    let (va, vb) = ("(\(a2) * \(a2) / \(over(a0)))", "(\(b2) * \(b2) / \(over(b0)))")
    let welch = "(\(va) + \(vb))"
    let df =
      "(\(welch) * \(welch) / \(over("\(va) * \(va) / \(over("\(a0) - \(d(1))")) + \(vb) * \(vb) / \(over("\(b0) - \(d(1))"))")))"
    let moments = b.add(
      "compare_moments",
      """
      SELECT *,
        CASE WHEN \(rate) THEN \(pb) - \(pa) WHEN \(mean) THEN \(b1) - \(a1) END AS \(q("__diff")),
        CASE WHEN \(rate) AND \(pooledVariance) > \(d(0))
            THEN SQRT(GREATEST(\(pooledVariance) * (\(d(1)) / \(over(a1)) + \(d(1)) / \(over(b1))), \(d(0))))
          WHEN \(mean) AND \(welch) > \(d(0)) THEN SQRT(\(welch)) END AS \(q("__se")),
        CASE WHEN \(rate) AND \(wald) > \(d(0)) THEN SQRT(\(wald))
          WHEN \(mean) AND \(welch) > \(d(0)) THEN SQRT(\(welch)) END AS \(q("__wald")),
        CASE WHEN \(mean) AND \(welch) > \(d(0)) THEN \(df) END AS \(q("__df"))
      FROM \(q(raw.name))
      """, columns: [], types: [])
    let (diff, se, waldSE, dof) = (q("__diff"), q("__se"), q("__wald"), q("__df"))
    let statistic = b.add(
      "compare_statistic",
      "SELECT *, \(diff) / \(over(se)) AS \(q("__stat"))\nFROM \(q(moments.name))", columns: [], types: [])
    let stat = q("__stat")
    let small = "\(kind) = 2 AND \(dof) < \(d(Self.smallDF))"
    // x = df ÷ (df + t²) and y = 1 − x, each computed directly (y is tiny for a small t).
    func xy(_ t: String, _ suffix: String) -> String {
      "CASE WHEN \(small) THEN \(dof) / (\(dof) + \(t) * \(t)) END AS \(q("__x" + suffix)),\n  "
        + "CASE WHEN \(small) THEN \(t) * \(t) / (\(dof) + \(t) * \(t)) END AS \(q("__y" + suffix))"
    }
    let hill = b.add(
      "compare_hill",
      "SELECT *, CASE WHEN \(kind) = 2 THEN \(hillW(stat, df: dof)) END AS \(q("__w")),\n  \(xy(stat, "t")),\n  "
        + "CASE WHEN \(small) THEN \(lnGammaRatio(dof)) END AS \(q("__lg"))"
        + "\nFROM \(q(statistic.name))",
      columns: [], types: [])
    // LEAST would skip a null (in every dialect): a CASE keeps it.
    func capped(_ x: String, _ cap: Double) -> String { "CASE WHEN \(x) > \(d(cap)) THEN \(d(cap)) ELSE \(x) END" }
    let deviate = b.add(
      "compare_deviate",
      """
      SELECT *,
        CASE WHEN \(kind) = 1 THEN \(capped("ABS(\(stat))", 37))
          WHEN \(kind) = 2 THEN \(capped(hillDeviate(q("__w"), df: dof), 37)) END AS \(q("__y")),
        CASE WHEN \(small) THEN \(studentTail(x: q("__xt"), y: q("__yt"), df: dof, lnGammaRatio: q("__lg"))) END AS \(q("__tail")),
        CASE WHEN \(kind) = 1 THEN \(d(Distributions.normalCritical95))
          WHEN \(kind) = 2 AND \(dof) < \(d(4)) THEN NULL
          WHEN \(kind) = 2 THEN \(tCritical95(dof)) END AS \(q("__crit0"))
      FROM \(q(hill.name))
      """, columns: [], types: [])
    let p = "CASE WHEN \(small) THEN \(q("__tail")) ELSE \(d(2)) * \(normalUpper(q("__y"))) END"
    let tested = b.add(
      "compare_p",
      "SELECT *, \(p) AS \(q("__p")), \(q("__crit0")) AS \(q("__crit"))\nFROM \(q(deviate.name))", columns: [],
      types: [])
    let half = "CASE WHEN \(waldSE) > \(d(0)) THEN \(q("__crit")) * \(waldSE) END"
    let items =
      shown + [
        "\(stat) AS \(names[0])", "\(dof) AS \(names[1])", "\(capped(q("__p"), 1)) AS \(names[2])",
        "\(diff) - \(half) AS \(names[3])", "\(diff) + \(half) AS \(names[4])",
        "\(q("__p")) < \(d(Significance.level)) AS \(names[5])", q("__funnel_metric"),
      ]
    return b.add(
      "compare", "SELECT " + items.joined(separator: ",\n  ") + "\nFROM \(q(tested.name))", columns: columns,
      types: types)
  }

  private func d(_ x: Double) -> String { b.double(x) }

  /// The upper tail Q(x) of the standard normal for x ≥ 0 (a column or simple expression).
  func normalUpper(_ x: String) -> String {
    let t = "(\(d(1)) / (\(d(1)) + \(d(0.2316419)) * \(x)))"
    let poly =
      "\(t) * (\(d(0.319381530)) + \(t) * (\(d(-0.356563782)) + \(t) * (\(d(1.781477937)) + \(t) * "
      + "(\(d(-1.821255978)) + \(t) * \(d(1.330274429))))))"
    return "(EXP(\(d(-0.5)) * \(x) * \(x)) * \(d(0.398942280401432678)) * \(poly))"
  }

  /// The normal deviate of Hill's algorithm 395 for |t| with `df` degrees of
  /// freedom, from w = (df − ½) ln(1 + t²/df) (a column): its upper tail is
  /// the one-sided tail of t.
  func hillDeviate(_ w: String, df: String) -> String {
    let a = "(\(df) - \(d(0.5)))"
    let bb = "(\(d(48)) * \(a) * \(a))"
    let inner =
      "((((\(d(-0.4)) * \(w) - \(d(3.3))) * \(w) - \(d(24))) * \(w) - \(d(85.5)))"
      + " / (\(d(0.8)) * \(w) * \(w) + \(d(100)) + \(bb)) + \(w) + \(d(3)))"
    return "(((\(inner) / \(bb)) + \(d(1))) * SQRT(\(w)))"
  }

  /// w of `hillDeviate`: (df − ½) ln(1 + t²/df).
  func hillW(_ t: String, df: String) -> String {
    "((\(df) - \(d(0.5))) * LN(\(d(1)) + \(t) * \(t) / \(df)))"
  }

  /// The two-sided 5% critical value of t with `df` degrees of freedom (a
  /// column), by Hill's algorithm 396 taken on its normal branch.
  func tCritical95(_ df: String) -> String {
    let a = "(\(d(1)) / (\(df) - \(d(0.5))))"
    let bb = "(\(d(48)) / (\(a) * \(a)))"
    let c0 = "(((\(d(20700)) * \(a) / \(bb) - \(d(98))) * \(a) - \(d(16))) * \(a) + \(d(96.36)))"
    let dd = "(((\(d(94.5)) / (\(bb) + \(c0)) - \(d(3))) / \(bb) + \(d(1))) * SQRT(\(a) * \(d(Double.pi / 2))) * \(df))"
    let x = d(-Distributions.normalCritical95)
    // Hill's correction below 5 degrees of freedom.
    let c1 =
      "(\(c0) + CASE WHEN \(df) < \(d(5)) THEN \(d(0.3)) * (\(df) - \(d(4.5))) * (\(x) + \(d(0.6))) ELSE \(d(0)) END)"
    let c = "((((\(d(0.05)) * \(dd) * \(x) - \(d(5))) * \(x) - \(d(7))) * \(x) - \(d(2))) * \(x) + \(bb) + \(c1))"
    let y0 = d(Distributions.normalCritical95 * Distributions.normalCritical95)
    let y1 =
      "((((((\(d(0.4)) * \(y0) + \(d(6.3))) * \(y0) + \(d(36))) * \(y0) + \(d(94.5))) / \(c) - \(y0) - \(d(3)))"
      + " / \(bb) + \(d(1))) * \(x))"
    let y2 = "(\(a) * \(y1) * \(y1))"
    return "SQRT(\(df) * (EXP(\(y2)) - \(d(1))))"
  }
}
