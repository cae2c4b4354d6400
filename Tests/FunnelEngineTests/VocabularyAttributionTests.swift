import Foundation
import FunnelData
import Testing

@testable import FunnelEngine

/// `attribute` on the fixture's four deals, worked out by hand. Deal 10 (lead 1,
/// closed 02-20) has touches 100 (search), 101 (social), 102 (search), 103
/// (search; touch 104 came after the close); open deal 11 (lead 4) has 105
/// (social) and 106 (search); deal 12 (lead 2) has 107 (search); deal 13 (lead 3)
/// has none.
@Suite struct VocabularyAttributionTests {
  typealias F = VocabularyFixture

  func attribute(_ model: AttributionModel, by keys: [String]) throws -> Table {
    try AttributionVerb.run(deals: F.deals, model: model, keys: keys, context: F.context("deals"))
  }

  @Test func linearByChannel() throws {
    let t = try attribute(.linear, by: ["channel"])
    #expect(t.names == ["channel", "deals", "revenue"])
    #expect(F.texts(t.column("channel")) == ["search", "social", "(no touch)"])
    #expect(F.closeAll(F.doubles(t.column("deals")), [2.25, 0.75, 1]))
    #expect(F.closeAll(F.doubles(t.column("revenue")), [18000.25, 7000.25, 3000.25]))
    #expect(t.column("revenue")?.hint == .money)
  }

  @Test func firstAndLastTouch() throws {
    let first = try attribute(.firstTouch, by: ["channel"])
    #expect(F.texts(first.column("channel")) == ["search", "social", "(no touch)"])
    #expect(F.closeAll(F.doubles(first.column("revenue")), [17000, 8000.50, 3000.25]))
    // Social is never last: it gets no row.
    let last = try attribute(.lastTouch, by: ["channel"])
    #expect(F.texts(last.column("channel")) == ["search", "(no touch)"])
    #expect(F.closeAll(F.doubles(last.column("deals")), [3, 1]))
    #expect(F.closeAll(F.doubles(last.column("revenue")), [25000.50, 3000.25]))
  }

  @Test func uShapedByChannel() throws {
    let t = try attribute(.uShaped, by: ["channel"])
    // Deal 10: 0.4 + 0.1 + 0.4 to search, 0.1 to social; deal 11 halves.
    #expect(F.closeAll(F.doubles(t.column("deals")), [2.4, 0.6, 1]))
    #expect(F.closeAll(F.doubles(t.column("revenue")), [19800.25, 5200.25, 3000.25]))
  }

  @Test func defaultKeysAreTheCampaign() throws {
    let t = try attribute(.linear, by: [])
    #expect(t.names == ["campaign_id", "name", "deals", "revenue"])
    #expect(F.texts(t.column("campaign_id")) == ["1", "2", "", "3"])
    #expect(F.texts(t.column("name")) == ["Alpha", "Beta", "(no touch)", "Gamma"])
    #expect(F.closeAll(F.doubles(t.column("deals")), [2, 0.75, 1, 0.25]))
    #expect(F.closeAll(F.doubles(t.column("revenue")), [15000.25, 7000.25, 3000.25, 3000]))
  }

  @Test func keyFromTheTouch() throws {
    let t = try attribute(.linear, by: ["kind"])
    #expect(F.texts(t.column("kind")) == ["ad", "email", "(no touch)", "call", "webinar"])
    #expect(F.closeAll(F.doubles(t.column("revenue")), [12000.25, 7000.25, 3000.25, 3000, 3000]))
  }

  @Test func compareModels() throws {
    let t = try attribute(.compare, by: ["channel"])
    #expect(t.names == ["channel", "first_touch", "last_touch", "linear", "u_shaped", "w_shaped", "time_decay"])
    #expect(F.texts(t.column("channel")) == ["search", "social", "(no touch)"])
    #expect(F.closeAll(F.doubles(t.column("first_touch")), [17000, 8000.50, 3000.25]))
    #expect(F.closeAll(F.doubles(t.column("last_touch")), [25000.50, 0, 3000.25]))
    #expect(F.closeAll(F.doubles(t.column("linear")), [18000.25, 7000.25, 3000.25]))
  }

  @Test func timeDecayWeighsByAge() throws {
    let t = try attribute(.timeDecay(halfLifeDays: 7), by: ["channel"])
    // Deal 10 closes 02-20: touches 50, 41, 37 and 2 days before. Deal 11 is open
    // (closes today, 07-01): touches 172 and 162 days before.
    func w(_ d: Double) -> Double { pow(2, -d / 7) }
    let t10 = w(50) + w(41) + w(37) + w(2), t11 = w(172) + w(162)
    let search = (w(50) + w(37) + w(2)) / t10 * 12000 + w(162) / t11 * 8000.50 + 5000
    let social = w(41) / t10 * 12000 + w(172) / t11 * 8000.50
    // Social (2404.97) falls below the untouched deal (3000.25).
    #expect(F.texts(t.column("channel")) == ["search", "(no touch)", "social"])
    #expect(F.closeAll(F.doubles(t.column("revenue")), [search, 3000.25, social]))
  }

  @Test func weights() {
    func shares(_ m: AttributionModel, _ n: Int, opportunity: Int? = nil, ages: [Int32] = []) -> [Double] {
      var w: [Double] = []
      m.weights(&w, count: n, opportunity: opportunity, ages: ages.isEmpty ? Array(repeating: 0, count: n) : ages)
      return Array(w.prefix(n))
    }
    let third: Double = 1.0 / 3.0
    #expect(shares(.uShaped, 1) == [1])
    #expect(shares(.uShaped, 2) == [0.5, 0.5])
    #expect(F.closeAll(shares(.uShaped, 4), [0.4, 0.1, 0.1, 0.4]))
    #expect(F.closeAll(shares(.wShaped, 5, opportunity: 1), [0.3, 0.3, 0.05, 0.05, 0.3]))
    #expect(F.closeAll(shares(.wShaped, 5, opportunity: nil), [0.3, 0.05, 0.3, 0.05, 0.3]))
    #expect(F.closeAll(shares(.wShaped, 5, opportunity: 4), [0.3, 0.05, 0.3, 0.05, 0.3]))
    #expect(F.closeAll(shares(.wShaped, 3, opportunity: 1), [third, third, third]))
    #expect(F.closeAll(shares(.wShaped, 2), [0.5, 0.5]))
    #expect(F.closeAll(shares(.timeDecay(halfLifeDays: 7), 2, ages: [7, 0]), [third, 2 * third]))
    // Ages far beyond the half-life still share the deal.
    #expect(F.closeAll(shares(.timeDecay(halfLifeDays: 1), 2, ages: [20_000, 20_000]), [0.5, 0.5]))
  }

  @Test func modelNames() {
    #expect(AttributionModel.named("time_decay", argument: nil) == .timeDecay(halfLifeDays: 7))
    #expect(
      AttributionModel.named("time_decay", argument: .init(amount: 2, unit: .weeks)) == .timeDecay(halfLifeDays: 14))
    #expect(AttributionModel.named("linear", argument: .init(amount: 2, unit: .days)) == nil)
    #expect(AttributionModel.named("u_shape", argument: nil) == nil)
    #expect(AttributionModel.names.allSatisfy { AttributionModel.named($0, argument: nil) != nil })
    #expect(AttributionModel.rules.map(\.name) == AttributionModel.names)
  }

  @Test func problems() {
    let p = AttributionVerb.check(deals: F.deals.names, context: F.context("deals"), keys: ["chanel"])
    #expect(p?.message == "attribute by chanel: no such column in campaigns or touches")
    #expect(p?.hints.first == "did you mean 'channel'?")
    #expect(
      AttributionVerb.check(deals: ["deal_id", "lead_id", "closed_at"], context: F.context("deals"), keys: [])?
        .message == "attribute needs amount: the rows are deals and have no column amount")
    let noTouches = F.context("deals") { $0 == "touches" ? nil : F.datasets($0) }
    #expect(AttributionVerb.check(deals: F.deals.names, context: noTouches, keys: []) != nil)
  }
}
