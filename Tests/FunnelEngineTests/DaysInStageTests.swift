import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// `days_in_stage()` over a small history worked out by hand (today 2026-07-01).
@Suite struct DaysInStageTests {
  typealias F = VocabularyFixture

  /// 1 moved to proposal on 05-01, back to qualification on 05-20 and to
  /// " Proposal" again on 06-01: 30 days. 2 is in negotiation with no change
  /// into it: from its created_at (04-01), 91. 3 is won: null. 4 has a null
  /// stage (open) and no history: from 06-21, 10. Text ids match int ids.
  static let deals = F.table([
    ("deal_id", .int, [1, 2, 3, 4].map { F.int($0) }),
    ("stage", .string, [" Proposal", "negotiation", "closed_won", nil].map { F.text($0) }),
    ("created_at", .date, ["2026-03-01", "2026-04-01", "2026-02-01", "2026-06-21"].map { F.date($0) }),
  ])

  static let changes = F.table([
    ("deal_id", .string, ["1", "1", "1", "1", "2", "3", "3", nil].map { F.text($0) }),
    (
      "stage", .string,
      ["prospecting", "proposal", "qualification", "PROPOSAL ", "proposal", "prospecting", "closed_won", "proposal"]
        .map { F.text($0) }
    ),
    (
      "changed_at", .date,
      ["2026-03-01", "2026-05-01", "2026-05-20", "2026-06-01", "2026-04-10", "2026-02-01", "2026-03-01", "2026-06-30"]
        .map { F.date($0) }
    ),
  ])

  static func catalog(changes: Bool = true) -> Catalog {
    let c = Catalog()
    c.setDataset("deals", deals)
    if changes { c.setDataset("stage_changes", Self.changes) }
    c.today = F.today
    return c
  }

  @Test func daysSinceTheLatestChangeIntoTheStage() throws {
    let t = try EngineFixture.table("deals | select d = days_in_stage(), a = deal_age_days()", in: Self.catalog())
    #expect(EngineFixture.texts(t, "d") == ["30", "91", "", "10"])
    #expect(EngineFixture.texts(t, "a") == ["122", "91", "", "10"])
  }

  @Test func medianOverTheOpenDeals() throws {
    let t = try EngineFixture.table("deals | agg m = median(days_in_stage())", in: Self.catalog())
    #expect(EngineFixture.texts(t, "m") == ["30"])
  }

  @Test(arguments: [
    (false, "deals | select 1️⃣days_in_stage()", "days_in_stage() reads when each deal entered its stage"),
    (true, "deals | drop created_at | select 1️⃣days_in_stage()", "days_in_stage() needs a column 'created_at'"),
    (true, "deals | agg 1️⃣days_in_stage()", "days_in_stage() reads each deal's stage and history"),
  ])
  func diagnostics(_ changes: Bool, _ marked: String, _ message: String) throws {
    let (d, line, column) = EngineFixture.diagnostic(marked, in: Self.catalog(changes: changes))
    let found = try #require(d)
    #expect(found.message.hasPrefix(message))
    #expect(found.span?.line == line && found.span?.column == column)
  }
}
