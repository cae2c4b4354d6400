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
        "addon|revenue|0|250.5|250.5|", "addon|n|0|1|1|",
        "core|revenue|1500|100|-1400|-0.9333333333333333", "core|n|2|1|-1|-0.5",
      ])
    #expect(t.column("change_pct")?.hint == .rate)
  }

  @Test func compareWithoutKeysAndAMissingSide() throws {
    let t = try F.table(#"deals | compare owner "ann" vs "zed" on total = sum(amount)"#)
    #expect(t.names == ["metric", "ann", "zed", "change", "change_pct"])
    #expect(F.rows(t) == ["total|1500.00|0.00|-1500.00|-1"])
    #expect(t.column("ann")?.type == .decimal(scale: 2))
  }

  @Test func changePctIsNullWhenTheBaseIsZero() throws {
    let t = try F.table(#"deals | compare owner "zed" vs "ann" on n = count()"#)
    #expect(F.rows(t) == ["n|0|2|2|"])
  }
}
