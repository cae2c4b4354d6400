import FunnelData
import Testing

@testable import FunnelEngine

/// The tests of `compare` (`Significance`) against reference values computed
/// once with scipy 1.17 (`scipy.stats.norm`, `scipy.stats.t`,
/// `scipy.stats.ttest_ind(b, a, equal_var=False)` and its
/// `confidence_interval(0.95)`); the literals below are its output.
@Suite struct SignificanceTests {
  typealias F = EngineFixture

  static func close(_ x: Double?, _ y: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let x else { return false }
    return abs(x - y) <= tolerance * max(1, abs(y))
  }

  @Test(arguments: [
    (2.0, 3.5, 0.12613852257591343), (1.0, 1.0, 0.5000000000000001), (0.5, 2.2, 0.6626499222574829),
    (3.0, 30.0, 0.005389964065651945), (-2.5, 7.3, 0.03965023466560043),
  ])
  func studentTail(t: Double, df: Double, p: Double) {
    #expect(Self.close(Distributions.studentTwoSided(t, df: df), p))
  }

  @Test(arguments: [(29.0, 2.045229642132704), (3.7, 2.8675207071911903), (1.0, 12.706204736174705)])
  func studentCritical(df: Double, t: Double) {
    #expect(Self.close(Distributions.studentCritical(0.05, df: df), t, 1e-10))
  }

  @Test func normalTail() {
    #expect(Self.close(Distributions.normalTwoSided(1.959963984540054), 0.05))
    #expect(Distributions.normalTwoSided(0) == 1)
  }

  /// 30 of 100 against 45 of 100: z = 2.19, p = 0.0285, significant.
  @Test func twoProportions() {
    let o = Significance.proportions(30, 100, 45, 100)
    #expect(Self.close(o.statistic, 2.1908902300206647))
    #expect(Self.close(o.p, 0.02845973691631055))
    #expect(Self.close(o.low, 0.0174304933075648))
    #expect(Self.close(o.high, 0.28256950669243525))
    #expect(o.significant == true)
    #expect(o.df == nil && o.reason == nil)
  }

  /// Two samples of 15 (means 20.82 and 22.99): t = 2.455 on 24.99 df, p = 0.0214.
  @Test func welch() {
    let o = Significance.means(15, 20.819999999999997, 2.8048936827317665, 15, 22.986666666666665, 1.9526050974702152)
    #expect(Self.close(o.statistic, 2.455356398286006))
    #expect(Self.close(o.df, 24.988529290231416))
    #expect(Self.close(o.p, 0.021378001462866992))
    #expect(Self.close(o.low, 0.3492370661924069, 1e-9))
    #expect(Self.close(o.high, 3.984096267140929, 1e-9))
    #expect(o.significant == true)
  }

  @Test func nothingToTest() {
    #expect(Significance.proportions(0, 0, 3, 10).reason == "no trials on one side")
    #expect(Significance.proportions(0, 0, 3, 10).p == nil)
    let flat = Significance.proportions(0, 40, 0, 50)
    #expect(flat.p == nil && flat.low == nil && flat.statistic == nil)
    #expect(Significance.proportions(20, 20, 7, 7).p == nil)
    // 0% against 100%: a p-value (the sides differ), but Wald's interval has no width.
    let apart = Significance.proportions(0, 20, 20, 20)
    #expect(apart.p != nil && apart.low == nil)
    #expect(Significance.means(1, 5, 0, 10, 6, 1).p == nil)
    #expect(Significance.means(5, 5, 0, 8, 5, 0).reason == "every value the same on both sides")
    // One side without spread: the test still runs, on the other side's df.
    let one = Significance.means(5, 5, 0, 8, 6, 2)
    #expect(Self.close(one.df, 7))
  }

  static let sampleA = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
  static let sampleB = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]

  /// `compare … on avg(x)` runs Welch's test on the rows of each side, with a null value left out.
  @Test func compareMeans() throws {
    let c = F.catalog()
    let sides = Self.sampleA.map { _ in Value.string("a") } + Self.sampleB.map { _ in .string("b") } + [.string("b")]
    let xs = (Self.sampleA + Self.sampleB).map(Value.double) + [.null]
    c.setDataset("samples", F.table([("side", .string, sides), ("x", .double, xs)]))
    let t = try F.table(#"samples | compare side "a" vs "b" on avg(x), n = count()"#, in: c)
    #expect(t.names.suffix(6) == ["statistic", "df", "p_value", "ci_low", "ci_high", "significant"])
    #expect(Self.close(t.column("p_value")?.value(at: 0).doubleValue, 0.021378001462866992, 1e-10))
    #expect(Self.close(t.column("df")?.value(at: 0).doubleValue, 24.988529290231416, 1e-10))
    #expect(t.column("significant")?.value(at: 0) == .bool(true))
    #expect(F.rows(t)[1] == "n|15|16|1|0.06666666666666667||||||")
  }

  /// `win_rate()` over the fixture's deals: core wins 2 of 3 decided, addon 1 of 1.
  @Test func compareRateMetric() throws {
    let t = try F.table(#"deals | compare product "core" vs "addon" on win_rate()"#)
    #expect(Self.close(t.column("statistic")?.value(at: 0).doubleValue, 0.6666666666666667))
    #expect(Self.close(t.column("p_value")?.value(at: 0).doubleValue, 0.5049850750938457))
    #expect(Self.close(t.column("ci_low")?.value(at: 0).doubleValue, -0.20010129737281224))
    #expect(Self.close(t.column("ci_high")?.value(at: 0).doubleValue, 0.866767964039479))
    #expect(t.column("ci_low")?.hint == .points)
    #expect(t.column("significant")?.value(at: 0) == .bool(false))
  }

  /// Only counts and sums compared: no test columns at all.
  @Test func countsAreNotTested() throws {
    let t = try F.table(#"deals | compare product "core" vs "addon" on n = count(), revenue = sum(amount)"#)
    #expect(t.names == ["metric", "core", "addon", "change", "change_pct"])
  }

  /// A side with no rows: the rate has no trials there, so no p-value (and no crash).
  @Test func emptySide() throws {
    let t = try F.table(#"deals | compare product "core" vs "none" on win_rate(), avg_deal_size()"#)
    #expect(
      F.rows(t).map { $0.split(separator: "|", omittingEmptySubsequences: false).suffix(6).joined() } == ["", ""])
  }

  @Test func notesSayWhichTest() throws {
    let prepared = try Engine.prepare(
      try F.statement(#"deals | compare product "core" vs "addon" on win_rate(), avg(amount), n = count()"#),
      in: F.catalog())
    let notes = prepared.plan.notes
    #expect(notes.contains { $0.hasPrefix("win_rate: two-proportion z-test") })
    #expect(notes.contains { $0.hasPrefix("avg_amount: Welch's t-test") })
    #expect(notes.contains("n: no test (a count)"))
  }
}
