import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// `weighted_pipeline()`, `quota_attainment(quota)` and `pipeline_coverage(quota)`
/// on `VocabularyForecastTests`' deals, worked out by hand.
@Suite struct ForecastMetricTests {
  typealias F = VocabularyFixture

  static func catalog() -> Catalog { VocabularyForecastTests.catalog() }

  /// Ann: 50,000 at 0.8 and 30,000 in " Qualification" with no probability
  /// (0.2): 46,000. Bob: 10,000 on_hold (0) and 5,000 at 0.5: 2,500. Lost and
  /// won deals add nothing.
  @Test func weightedPipelineByOwner() throws {
    let t = try EngineFixture.table("deals | agg w = weighted_pipeline() by owner", in: Self.catalog())
    #expect(F.closeAll(F.doubles(t.column("w")), [46_000, 2_500]))
    let defaults = try EngineFixture.table("deals | drop probability | agg w = weighted_pipeline()", in: Self.catalog())
    // Without the column: 0.8 × 50,000 + 0.2 × 30,000 + 0 + 0.5 × 5,000.
    #expect(F.closeAll(F.doubles(defaults.column("w")), [48_500]))
    let none = try EngineFixture.table(
      "deals | where stage == \"closed_won\" | agg w = weighted_pipeline()", in: Self.catalog())
    #expect(F.closeAll(F.doubles(none.column("w")), [0]))
  }

  /// Ann won 40,000 with 80,000 open; Bob won 120,000, beyond a 100,000 quota.
  @Test func quotaMetricsByOwner() throws {
    let t = try EngineFixture.table(
      "deals | agg a = quota_attainment(100000), c = pipeline_coverage(quota = 100000) by owner", in: Self.catalog())
    #expect(F.closeAll(F.doubles(t.column("a")), [0.4, 1.2]))
    #expect(F.closeAll(F.doubles(t.column("c")), [80_000.0 / 60_000, nil]))
    #expect(t.column("a")?.hint == .rate)
  }

  @Test(arguments: [
    ("deals | agg 1️⃣quota_attainment()", "quota_attainment() measures against a quota"),
    ("deals | agg 1️⃣pipeline_coverage()", "pipeline_coverage() measures against a quota"),
    ("deals | agg pipeline_coverage(1️⃣0)", "the quota of pipeline_coverage() is an amount above 0"),
    ("deals | agg quota_attainment(1️⃣\"big\")", "the quota of quota_attainment() is an amount above 0"),
    ("deals | agg quota_attainment(1, 1️⃣2)", "quota_attainment() takes one quota"),
  ])
  func quotaDiagnostics(_ marked: String, _ message: String) throws {
    let (d, line, column) = EngineFixture.diagnostic(marked, in: Self.catalog())
    let found = try #require(d)
    #expect(found.message.hasPrefix(message))
    #expect(found.span?.line == line && found.span?.column == column)
  }

  /// The hint of a missing quota points at forecast.
  @Test func missingQuotaPointsAtForecast() throws {
    let (d, _, _) = EngineFixture.diagnostic("deals | agg 1️⃣quota_attainment()", in: Self.catalog())
    #expect(d?.hints.contains { $0.contains("forecast") } == true)
  }
}
