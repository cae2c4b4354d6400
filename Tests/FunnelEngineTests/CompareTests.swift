import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

@Suite struct CompareTests {
  typealias F = EngineFixture

  @Test func compareQuartersByProduct() throws {
    let t = try F.table(
      #"deals | compare quarter(closed_at) "2026-Q1" vs "2026-Q2" on revenue = sum(amount), n = count() by product"#)
    #expect(t.names == ["product", "metric", "2026-Q1", "2026-Q2", "change", "change_pct"])
    #expect(
      F.rows(t) == [
        "addon|revenue||250.5||", "addon|n|0|1|1|",
        "core|revenue|1500|100|-1400|-0.9333333333333333", "core|n|2|1|-1|-0.5",
      ])
    #expect(t.column("change_pct")?.hint == .rate)
  }

  /// A side with no rows gives each aggregate its value over no rows: null
  /// for a sum (so no change), 0 for a count.
  @Test func compareWithoutKeysAndAMissingSide() throws {
    let t = try F.table(#"deals | compare owner "ann" vs "zed" on total = sum(amount), n = count()"#)
    #expect(t.names == ["metric", "ann", "zed", "change", "change_pct"])
    #expect(F.rows(t) == ["total|1500|||", "n|2|0|-2|-1"])
    let one = try F.table(#"deals | compare owner "ann" vs "zed" on total = sum(amount)"#)
    #expect(F.rows(one) == ["total|1500.00|||"])
    #expect(one.column("ann")?.type == .decimal(scale: 2))
  }

  @Test func changePctIsNullWhenTheBaseIsZero() throws {
    let t = try F.table(#"deals | compare owner "zed" vs "ann" on n = count()"#)
    #expect(F.rows(t) == ["n|0|2|2|"])
  }

  /// Dates, texts and other types are shown as they are; a date's change is
  /// in days, a text's change null, and mixed types share a text column.
  @Test func compareShowsValuesOfAnyType() throws {
    let dates = try F.table(#"deals | compare product "core" vs "addon" on first = min(created_at)"#)
    #expect(dates.column("core")?.type == .date)
    #expect(F.rows(dates) == ["first|2026-01-05|2026-01-10|5|"])
    let mixed = try F.table(
      #"deals | compare product "core" vs "addon" on last = max(closed_at), who = min(owner), n = count()"#)
    #expect(mixed.column("core")?.type == .string)
    #expect(F.rows(mixed) == ["last|2026-05-20|2026-04-02|-48|", "who|ann|bob||", "n|4|2|-2|-0.5"])
    let missing = try F.table(#"deals | compare product "core" vs "none" on first = min(created_at), who = max(owner)"#)
    #expect(F.rows(missing) == ["first|2026-01-05|||", "who|cy|||"])
  }

  /// A whole number against a year is that year, as in `year(x) == 2026`.
  @Test func compareYearsWithWholeNumbers() throws {
    let t = try F.table(#"deals | compare year(created_at) 2025 vs 2026 on n = count()"#)
    #expect(t.names == ["metric", "2025", "2026", "change", "change_pct"])
    #expect(F.rows(t) == ["n|0|6|6|"])
  }
}
