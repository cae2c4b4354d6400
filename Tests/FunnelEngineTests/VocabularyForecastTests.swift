import FunnelData
import Testing

@testable import FunnelEngine

/// `forecast` over deals and quotas worked out by hand.
@Suite struct VocabularyForecastTests {
  typealias F = VocabularyFixture

  /// Ann: won 40,000 on 05-10 (expected in Q3: it counts in Q2), open 50,000 at
  /// 0.8 and 30,000 in qualification with no probability (0.2) in Q3, lost
  /// 90,000 (nowhere). Bob: won 120,000 in Q3; open 10,000 `on_hold` in Q4
  /// (probability 0); an open deal with no expected_close (nowhere).
  static let deals = F.table([
    ("owner", .string, ["Ann", "Ann", "Ann", "Ann", "Bob", "Bob", "Bob"].map { F.text($0) }),
    (
      "stage", .string,
      ["closed_won", "negotiation", " Qualification", "closed_lost", "closed_won", "on_hold", "proposal"].map {
        F.text($0)
      }
    ),
    ("amount", .int, [40_000, 50_000, 30_000, 90_000, 120_000, 10_000, 5_000].map { F.int($0) }),
    (
      "closed_at", .date,
      ["2026-05-10", nil, nil, "2026-08-02", "2026-08-15", nil, nil].map { F.date($0) }
    ),
    (
      "expected_close", .date,
      ["2026-07-15", "2026-08-01", "2026-09-30", "2026-08-02", "2026-08-15", "2026-10-05", nil].map { F.date($0) }
    ),
    ("probability", .double, [1, 0.8, nil, 0, 1, nil, 0.5].map { $0.map { Value.double($0) } ?? .null }),
  ])

  static let quotas = F.table([
    ("owner", .string, ["Ann", "Ann", "Bob", "Dan"].map { F.text($0) }),
    ("period", .date, ["2026-04-01", "2026-07-01", "2026-07-01", "2026-07-01"].map { F.date($0) }),
    ("amount", .decimal(scale: 2), [5_000_000, 10_000_000, 10_000_000, 7_000_000].map { F.money($0) }),
  ])

  static func catalog(quotas: Bool = true) -> Catalog {
    let c = Catalog()
    c.setDataset("deals", deals)
    if quotas { c.setDataset("quotas", Self.quotas) }
    c.today = F.today
    return c
  }

  @Test func byQuarterAndOwner() throws {
    let t = try EngineFixture.table("deals | forecast quarter(expected_close) by owner", in: Self.catalog())
    #expect(t.names == ["period", "owner"] + ForecastVerb.columns.map(\.name))
    #expect(EngineFixture.texts(t, "period") == ["2026-Q2", "2026-Q3", "2026-Q3", "2026-Q4"])
    #expect(EngineFixture.texts(t, "owner") == ["Ann", "Ann", "Bob", "Bob"])
    #expect(F.closeAll(F.doubles(t.column("won")), [40_000, 0, 120_000, 0]))
    #expect(F.closeAll(F.doubles(t.column("commit")), [0, 50_000, 0, 0]))
    #expect(F.closeAll(F.doubles(t.column("weighted")), [0, 46_000, 0, 0]))
    #expect(F.closeAll(F.doubles(t.column("best_case")), [0, 80_000, 0, 10_000]))
    #expect(F.closeAll(F.doubles(t.column("quota")), [50_000, 100_000, 100_000, nil]))
    #expect(F.closeAll(F.doubles(t.column("attainment")), [0.8, 0, 1.2, nil]))
    // Ann's Q2: nothing open against 10,000 to go; Bob's Q3: the quota is beaten.
    #expect(F.closeAll(F.doubles(t.column("coverage")), [0, 0.8, nil, nil]))
    #expect(F.closeAll(F.doubles(t.column("gap")), [10_000, 100_000, -20_000, nil]))
  }

  /// The team's quota adds Dan's, who has no deals.
  @Test func theTeamsQuarters() throws {
    let t = try EngineFixture.table("deals | forecast quarter(expected_close)", in: Self.catalog())
    #expect(EngineFixture.texts(t, "period") == ["2026-Q2", "2026-Q3", "2026-Q4"])
    #expect(F.closeAll(F.doubles(t.column("quota")), [50_000, 270_000, nil]))
    #expect(F.closeAll(F.doubles(t.column("coverage")), [0, 80_000.0 / 150_000, nil]))
  }

  /// Without quotas, or by a key quotas lacks, the quota columns are null.
  @Test(arguments: [
    (true, "deals | forecast quarter(expected_close) by stage"),
    (false, "deals | forecast quarter(expected_close) by owner"),
  ])
  func noQuota(_ quotas: Bool, _ text: String) throws {
    let t = try EngineFixture.table(text, in: Self.catalog(quotas: quotas))
    for c in ["quota", "attainment", "coverage", "gap"] {
      #expect(F.doubles(t.column(c)).allSatisfy { $0 == nil }, "\(c)")
    }
    #expect(F.close(F.doubles(t.column("best_case")).compactMap { $0 }.reduce(0, +), 90_000))
  }

  /// A derived probability replaces the column; without one the stage defaults apply.
  @Test func probabilityOverrides() throws {
    let c = Self.catalog()
    let own = try EngineFixture.table(
      "deals | derive probability = 0.7 | forecast quarter(expected_close) by owner", in: c)
    #expect(F.closeAll(F.doubles(own.column("commit")), [0, 80_000, 0, 10_000]))
    let defaults = try EngineFixture.table("deals | drop probability | forecast quarter(expected_close)", in: c)
    #expect(F.closeAll(F.doubles(defaults.column("weighted")), [0, 46_000, 0]))
  }

  /// `slipped()`: an open deal expected before today; never a closed one; null
  /// when an open deal has no expected close.
  @Test func slippedDeals() throws {
    let c = Self.catalog()
    let asIs = try EngineFixture.table("deals | select s = slipped()", in: c)
    #expect(EngineFixture.texts(asIs, "s") == ["false", "false", "false", "false", "false", "false", ""])
    let past = try EngineFixture.table("deals | derive expected_close = @2026-06-01 | select s = slipped()", in: c)
    #expect(EngineFixture.texts(past, "s") == ["false", "true", "true", "false", "false", "true", "true"])
  }
}
