import FunnelData
import Testing

/// The stage history agrees with the deals: each deal's path starts at
/// prospecting on its created_at, ends where the deal is, and its changes
/// are in an order that (day, stage rank) reads back unambiguously.
@Suite struct DemoStageChangesTests {
  static let demo = DemoDataTests.demo
  static let order = ["prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost"]

  /// Each deal's changes as (stage, day), in table order.
  static func paths() -> [Int64: [(String, Int32)]] {
    let changes = demo.stageChanges
    var out: [Int64: [(String, Int32)]] = [:]
    for (id, (stage, day)) in zip(
      ints(changes, "deal_id"), zip(strings(changes, "stage"), dates(changes, "changed_at")))
    {
      guard let id, let stage, let day else { continue }
      out[id, default: []].append((stage, day))
    }
    return out
  }

  @Test func everyDealHasAPathThatEndsWhereTheDealIs() {
    let deals = Self.demo.deals
    let paths = Self.paths()
    let ids = ints(deals, "deal_id"), stages = strings(deals, "stage"), lost = strings(deals, "lost_stage")
    let created = dates(deals, "created_at"), closed = dates(deals, "closed_at")
    #expect(paths.count == deals.rowCount)
    for r in 0..<deals.rowCount {
      guard let id = ids[r], let path = paths[id], let stage = stages[r] else {
        Issue.record("deal \(ids[r] ?? -1) has no path")
        continue
      }
      #expect(path.first?.0 == "prospecting" && path.first?.1 == created[r])
      #expect(path.last?.0 == stage, "deal \(id) ends at \(path.last?.0 ?? "") but is \(stage)")
      if stage.hasPrefix("closed_") {
        #expect(path.last?.1 == closed[r])
        let before = path.count >= 2 ? path[path.count - 2].0 : nil
        #expect(before == (stage == "closed_won" ? "negotiation" : lost[r]), "deal \(id)")
      }
      // Days never go back; a same-day pair moves forward, so (day, rank) reads the path back.
      for (a, b) in zip(path, path.dropFirst()) {
        #expect(a.1 <= b.1, "deal \(id)")
        if a.1 == b.1 {
          #expect((Self.order.firstIndex(of: a.0) ?? 0) < (Self.order.firstIndex(of: b.0) ?? 0), "deal \(id)")
        }
      }
      #expect((path.last?.1 ?? 0) <= CivilDate(year: 2026, month: 6, day: 30).daysSinceEpoch)
    }
  }

  @Test func somePathsSkipAStageAndSomeMoveBack() {
    var skipped = 0, back = 0
    for path in Self.paths().values {
      let ranks = path.map { Self.order.firstIndex(of: $0.0) ?? 0 }.filter { $0 < 4 }
      if zip(ranks, ranks.dropFirst()).contains(where: { $1 > $0 + 1 }) { skipped += 1 }
      if zip(ranks, ranks.dropFirst()).contains(where: { $1 < $0 }) { back += 1 }
    }
    let n = Self.demo.deals.rowCount
    #expect(skipped * 20 > n && skipped * 2 < n, "\(skipped) of \(n) skip")
    #expect(back * 50 > n && back * 5 < n, "\(back) of \(n) move back")
  }

  /// Enterprise deals spend longer in negotiation than Starter deals.
  @Test func biggerProductsNegotiateLonger() {
    let deals = Self.demo.deals
    let paths = Self.paths()
    var days: [String: [Int32]] = [:]
    for (id, product) in zip(ints(deals, "deal_id"), strings(deals, "product")) {
      guard let id, let product, let path = paths[id] else { continue }
      for (a, b) in zip(path, path.dropFirst()) where a.0 == "negotiation" {
        days[product, default: []].append(b.1 - a.1)
      }
    }
    func mean(_ p: String) -> Double {
      let d = days[p] ?? []
      return Double(d.reduce(0, +)) / Double(max(d.count, 1))
    }
    #expect(mean("Enterprise") > mean("Starter"), "\(mean("Enterprise")) vs \(mean("Starter"))")
  }
}
