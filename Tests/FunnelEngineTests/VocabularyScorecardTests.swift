import FunnelData
import Testing

@testable import FunnelEngine

/// `scorecard` on the fixture: search (campaigns 1, 3) and social (campaign 2).
@Suite struct VocabularyScorecardTests {
  typealias F = VocabularyFixture

  @Test func byChannel() throws {
    let t = try ScorecardVerb.run(keys: [], context: F.context(nil))
    #expect(
      t.names == [
        "channel", "spend", "leads", "cpl", "mql_rate", "ctr", "roas", "mql_to_sql_rate",
        "opportunities", "win_rate", "avg_deal_size", "sales_cycle_days", "pipeline_value", "revenue",
      ])
    #expect(F.texts(t.column("channel")) == ["search", "social"])
    #expect(F.closeAll(F.doubles(t.column("spend")), [1250.25, 500.50]))
    #expect(F.texts(t.column("leads")) == ["3", "2"])
    #expect(F.closeAll(F.doubles(t.column("cpl")), [416.75, 250.25]))
    #expect(F.closeAll(F.doubles(t.column("mql_rate")), [2.0 / 3, 1]))
    #expect(F.closeAll(F.doubles(t.column("ctr")), [0.02, 0.005]))
    #expect(F.closeAll(F.doubles(t.column("roas")), [12000 / 1250.25, 3000.25 / 500.50]))
    #expect(F.closeAll(F.doubles(t.column("mql_to_sql_rate")), [1, 0.5]))
    #expect(F.texts(t.column("opportunities")) == ["2", "2"])
    #expect(F.closeAll(F.doubles(t.column("win_rate")), [0.5, 1]))
    #expect(F.closeAll(F.doubles(t.column("avg_deal_size")), [12000, 3000.25]))
    #expect(F.closeAll(F.doubles(t.column("sales_cycle_days")), [36, 24]))
    #expect(F.closeAll(F.doubles(t.column("pipeline_value")), [0, 8000.50]))
    #expect(F.closeAll(F.doubles(t.column("revenue")), [12000, 3000.25]))
    #expect(t.column("spend")?.hint == .money)
  }

  @Test func byName() throws {
    let t = try ScorecardVerb.run(keys: ["name"], context: F.context(nil))
    #expect(F.texts(t.column("name")) == ["Alpha", "Beta", "Gamma"])
    #expect(F.texts(t.column("leads")) == ["2", "2", "1"])
  }

  @Test func problems() {
    let p = ScorecardVerb.check(context: F.context(nil), keys: ["chanel"])
    #expect(p?.message == "scorecard by chanel: campaigns has no column chanel")
    #expect(p?.hints.first == "did you mean 'channel'?")
    let none = F.context(nil) { $0 == "campaigns" ? nil : F.datasets($0) }
    #expect(ScorecardVerb.check(context: none, keys: []) != nil)
    let noDeals = F.context(nil) { $0 == "deals" ? nil : F.datasets($0) }
    #expect(ScorecardVerb.check(context: noDeals, keys: [])?.message.contains("no deals dataset") == true)
  }
}
