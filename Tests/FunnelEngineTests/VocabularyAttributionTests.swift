import Foundation
import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// `attribute` on the fixture's four deals, worked out by hand. Deal 10 (lead 1,
/// closed 02-20) has touches 100 (search), 101 (social), 102 (search), 103
/// (search; touch 104 came after the close); open deal 11 (lead 4) has 105
/// (social) and 106 (search); deal 12 (lead 2) has 107 (search); deal 13 (lead 3)
/// has none.
@Suite struct VocabularyAttributionTests {
  typealias F = VocabularyFixture

  func attribute(_ model: AttributionModel, on basis: AttributionBasis = .closed, by keys: [String]) throws -> Table {
    basis == .leads
      ? try AttributionVerb.run(rows: F.leads, model: model, basis: .leads, keys: keys, context: F.context("leads"))
      : try AttributionVerb.run(rows: F.deals, model: model, basis: basis, keys: keys, context: F.context("deals"))
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
    // Deal 10: touch 100 is first and the lead's creation (01-01): 80%, the
    // three others 20/3% each (two search, one social). Deal 11: touch 105 is
    // first and creation (social, 80%), 106 the rest (search, 20%).
    let deals: [Double] = [0.8 + 0.4 / 3 + 0.2 + 1, 0.2 / 3 + 0.8, 1]
    #expect(F.closeAll(F.doubles(t.column("deals")), deals))
    #expect(F.closeAll(F.doubles(t.column("revenue")), [17800.10, 7200.40, 3000.25]))
  }

  @Test func pipelineCountsTouchesUpToTheDealsCreation() throws {
    let t = try attribute(.linear, on: .pipeline, by: ["channel"])
    #expect(t.names == ["channel", "deals", "pipeline"])
    // Deal 10 (created 01-15): 100, 101, 102; deal 11: 105, 106; deal 12: 107; deal 13: none.
    #expect(F.texts(t.column("channel")) == ["search", "social", "(no touch)"])
    let deals: [Double] = [2.0 / 3 + 0.5 + 1, 1.0 / 3 + 0.5, 1]
    #expect(F.closeAll(F.doubles(t.column("deals")), deals))
    #expect(F.closeAll(F.doubles(t.column("pipeline")), [17000.25, 8000.25, 3000.25]))
    // W-shaped on pipeline: deal 10's opportunity touch is its last counted (102).
    let w = try attribute(.wShaped, on: .pipeline, by: ["kind"])
    // Deal 10: 100 first+creation 60%, 101 free 10%, 102 opportunity 30%; deal 11:
    // 105 60% / 0.9, 106 30% / 0.9; deal 12: 107 all.
    #expect(F.texts(w.column("kind")) == ["ad", "email", "webinar", "(no touch)"])
    let ad: Double = 7200 + 8000.50 * 2 / 3 + 5000
    let email: Double = 1200 + 8000.50 / 3
    #expect(F.closeAll(F.doubles(w.column("pipeline")), [ad, email, 3600, 3000.25]))
  }

  @Test func leadsCountOnceOverTheirTouchesUpToCreation() throws {
    let t = try attribute(.firstTouch, on: .leads, by: ["channel"])
    #expect(t.names == ["channel", "leads"])
    // Leads 1 (100) and 2 (107) by search, 4 (105) by social; 3, 5, 6 untouched by then.
    #expect(F.texts(t.column("channel")) == ["(no touch)", "search", "social"])
    #expect(F.closeAll(F.doubles(t.column("leads")), [3, 2, 1]))
    let c = try attribute(.compare, on: .leads, by: ["channel"])
    #expect(c.names == ["channel"] + AttributionModel.compared.map(\.name))
    #expect(F.closeAll(F.doubles(c.column("full_path")), [2, 1, 3]))
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
    #expect(F.texts(t.column("kind")) == ["ad", "email", "(no touch)", "sales_call", "webinar"])
    #expect(F.closeAll(F.doubles(t.column("revenue")), [12000.25, 7000.25, 3000.25, 3000, 3000]))
  }

  @Test func compareModels() throws {
    let t = try attribute(.compare, by: ["channel"])
    #expect(
      t.names == [
        "channel", "first_touch", "last_touch", "linear", "time_decay", "u_shaped", "w_shaped", "full_path",
        "j_shaped", "inverse_j",
      ])
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

  /// The shares of n touches, lead creation at `l` and opportunity creation at `o`.
  func shares(_ m: AttributionModel, _ n: Int, l: Int = 0, o: Int = 0, ages: [Int32] = []) -> [Double] {
    var w: [Double] = []
    m.weights(
      &w, count: n, positions: AttributionPositions(leadCreation: l, opportunity: o),
      ages: ages.isEmpty ? Array(repeating: 0, count: n) : ages)
    return Array(w.prefix(n))
  }

  /// (model, touches, lead-creation index, opportunity index, the shares worked out by hand).
  static let positionCases: [(AttributionModel, Int, Int, Int, [Double])] = [
    // u_shaped: 40 first, 40 lead creation, 20 to the touches at no position.
    (AttributionModel.uShaped, 1, 0, 0, [1.0]),
    (.uShaped, 2, 1, 1, [0.5, 0.5]),
    (.uShaped, 2, 0, 0, [0.8, 0.2]),  // the first touch also created the lead
    (.uShaped, 3, 1, 1, [0.4, 0.4, 0.2]),
    (.uShaped, 4, 2, 2, [0.4, 0.1, 0.4, 0.1]),
    (.uShaped, 6, 3, 3, [0.4, 0.05, 0.05, 0.4, 0.05, 0.05]),
    // w_shaped: 30 first, 30 lead creation, 30 opportunity creation, 10 the rest.
    (.wShaped, 1, 0, 0, [1.0]),
    (.wShaped, 2, 0, 1, [2.0 / 3, 1.0 / 3]),  // 60 and 30, scaled up to 100
    (.wShaped, 3, 1, 2, [1.0 / 3, 1.0 / 3, 1.0 / 3]),
    (.wShaped, 4, 1, 2, [0.3, 0.3, 0.3, 0.1]),
    (.wShaped, 6, 2, 4, [0.3, 0.1 / 3, 0.3, 0.1 / 3, 0.3, 0.1 / 3]),
    (.wShaped, 6, 3, 3, [0.3, 0.025, 0.025, 0.6, 0.025, 0.025]),  // lead and opportunity at one touch
    // full_path: 22.5 each to first, lead creation, opportunity creation, close; 10 the rest.
    (.fullPath, 1, 0, 0, [1.0]),
    (.fullPath, 2, 0, 1, [0.5, 0.5]),
    (.fullPath, 3, 1, 1, [0.25, 0.5, 0.25]),
    (.fullPath, 4, 1, 2, [0.25, 0.25, 0.25, 0.25]),
    (.fullPath, 6, 1, 3, [0.225, 0.225, 0.05, 0.225, 0.05, 0.225]),
    // j_shaped: 20 first, 60 last; inverse_j: 60 first, 20 last.
    (.jShaped, 1, 0, 0, [1.0]),
    (.jShaped, 2, 0, 0, [0.25, 0.75]),
    (.jShaped, 3, 0, 0, [0.2, 0.2, 0.6]),
    (.jShaped, 4, 0, 0, [0.2, 0.1, 0.1, 0.6]),
    (.jShaped, 6, 0, 0, [0.2, 0.05, 0.05, 0.05, 0.05, 0.6]),
    (.inverseJ, 2, 0, 0, [0.75, 0.25]),
    (.inverseJ, 3, 0, 0, [0.6, 0.2, 0.2]),
    (.inverseJ, 4, 0, 0, [0.6, 0.1, 0.1, 0.2]),
    (.inverseJ, 6, 0, 0, [0.6, 0.05, 0.05, 0.05, 0.05, 0.2]),
    // Custom shares summing under 100: the rest grows.
    (.positional(.uShaped, shares: [30, 30]), 1, 0, 0, [1.0]),
    (.positional(.uShaped, shares: [30, 30]), 2, 1, 1, [0.5, 0.5]),
    (.positional(.uShaped, shares: [30, 30]), 4, 2, 2, [0.3, 0.2, 0.3, 0.2]),
    (.positional(.fullPath, shares: [10, 20, 30, 10]), 6, 1, 3, [0.1, 0.2, 0.15, 0.3, 0.15, 0.1]),
    (.positional(.fullPath, shares: [10, 20, 30, 10]), 3, 1, 1, [1.0 / 7, 5.0 / 7, 1.0 / 7]),
    (.positional(.wShaped, shares: [0, 0, 0]), 3, 1, 2, [1.0 / 3, 1.0 / 3, 1.0 / 3]),
    (.positional(.jShaped, shares: [10, 10]), 4, 0, 0, [0.1, 0.4, 0.4, 0.1]),
  ]

  @Test(arguments: positionCases)
  func positionShares(model: AttributionModel, n: Int, l: Int, o: Int, expected: [Double]) {
    let got = shares(model, n, l: l, o: o)
    #expect(F.closeAll(got, expected), "\(model.written) n=\(n): \(got)")
    #expect(abs(got.reduce(0, +) - 1) < 1e-12)
  }

  @Test(arguments: [1, 2, 3, 4, 6])
  func simpleModels(n: Int) {
    #expect(shares(.firstTouch, n) == [1] + Array(repeating: 0, count: n - 1))
    #expect(shares(.lastTouch, n) == Array(repeating: 0, count: n - 1) + [1])
    #expect(F.closeAll(shares(.linear, n), Array(repeating: 1 / Double(n), count: n)))
  }

  @Test func timeDecay() {
    let third: Double = 1.0 / 3.0
    #expect(F.closeAll(shares(.timeDecay(halfLifeDays: 7), 2, ages: [7, 0]), [third, 2 * third]))
    // Ages far beyond the half-life still share the deal.
    #expect(F.closeAll(shares(.timeDecay(halfLifeDays: 1), 2, ages: [20_000, 20_000]), [0.5, 0.5]))
  }

  @Test func modelNames() {
    #expect(AttributionModel.named("time_decay") == .timeDecay(halfLifeDays: 7))
    #expect(AttributionModel.named("u_shaped") == .positional(.uShaped, shares: [40, 40]))
    #expect(AttributionModel.named("full_path")?.written == "full_path(22.5, 22.5, 22.5, 22.5)")
    #expect(AttributionModel.named("u_shape") == nil)
    #expect(AttributionModel.names.allSatisfy { AttributionModel.named($0) != nil })
    #expect(AttributionModel.rules.map(\.name) == AttributionModel.names)
    #expect(AttributionModel.compared.map(\.name) + ["compare"] == AttributionModel.names)
    // The parser's hint (which cannot see the engine) names the same models.
    #expect(Keywords.attributionModels == AttributionModel.names)
  }

  @Test func problems() {
    let p = AttributionVerb.check(
      rows: F.deals.names, basis: .closed, context: F.context("deals"), keys: ["chanel"])
    #expect(p?.message == "attribute by chanel: no such column in campaigns or touches")
    #expect(p?.hints.first == "did you mean 'channel'?")
    #expect(
      AttributionVerb.check(
        rows: ["deal_id", "lead_id", "closed_at"], basis: .closed, context: F.context("deals"), keys: [])?
        .message == "attribute needs amount: the rows are deals and have no column amount")
    let noTouches = F.context("deals") { $0 == "touches" ? nil : F.datasets($0) }
    #expect(AttributionVerb.check(rows: F.deals.names, basis: .closed, context: noTouches, keys: []) != nil)
  }
}
