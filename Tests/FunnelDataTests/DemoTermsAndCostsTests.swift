import FunnelData
import Testing

/// The deals' contract terms and lost stages, and the costs dataset: what the
/// definitions of ACV, the deal funnel and a fully loaded CAC read.
@Suite struct DemoTermsAndCostsTests {
  static let demo = DemoDataTests.demo

  @Test func lostStageIsSetExactlyForLostDeals() {
    let stages = strings(Self.demo.deals, "stage"), lost = strings(Self.demo.deals, "lost_stage")
    let open: Set<String> = ["prospecting", "qualification", "proposal", "negotiation"]
    for (stage, at) in zip(stages, lost) {
      if stage == "closed_lost" {
        #expect(at.map(open.contains) == true, "a lost deal lost at \(at ?? "null")")
      } else {
        #expect(at == nil, "a \(stage ?? "null") deal has a lost_stage")
      }
    }
  }

  @Test func mostLossesAreAtQualificationAndProposal() {
    var count: [String: Int] = [:]
    for case let s? in strings(Self.demo.deals, "lost_stage") { count[s, default: 0] += 1 }
    let total = count.values.reduce(0, +)
    let middle = (count["qualification"] ?? 0) + (count["proposal"] ?? 0)
    #expect(total > 0 && middle * 2 > total, "\(count)")
    #expect((count["negotiation"] ?? 0) < (count["qualification"] ?? 0), "\(count)")
    #expect((count["prospecting"] ?? 0) < (count["negotiation"] ?? 0), "\(count)")
  }

  @Test func termsAreOneTwoOrThreeYearsAndLongerForEnterprise() {
    let terms = ints(Self.demo.deals, "term_months"), products = strings(Self.demo.deals, "product")
    #expect(terms.allSatisfy { $0 == 12 || $0 == 24 || $0 == 36 })
    let share = { (t: Int64) in Double(terms.filter { $0 == t }.count) / Double(terms.count) }
    #expect(abs(share(12) - 0.60) < 0.05 && abs(share(24) - 0.28) < 0.05 && abs(share(36) - 0.12) < 0.04)
    func meanTerm(_ product: String) -> Double {
      let mine = zip(terms, products).filter { $0.1 == product }.compactMap(\.0)
      return Double(mine.reduce(0, +)) / Double(max(mine.count, 1))
    }
    #expect(meanTerm("Enterprise") > meanTerm("Pro") && meanTerm("Pro") > meanTerm("Starter"))
  }

  @Test(arguments: [0, 1, 3_000, 20_000])
  func costsCoverEveryMonthOfEachTeamsCategories(leads: Int) {
    let costs = leads == DemoData.defaultLeads ? Self.demo.costs : DemoData.generate(leads: leads, seed: 3).costs
    let months = dates(costs, "month"), teams = strings(costs, "team"), categories = strings(costs, "category")
    let amounts = cents(costs, "amount")
    #expect(costs.rowCount == 24 * 7)
    #expect(amounts.allSatisfy { $0 != nil && $0! >= 0 })
    let first = CivilDate(year: 2024, month: 7, day: 1).daysSinceEpoch
    let last = CivilDate(year: 2026, month: 6, day: 1).daysSinceEpoch
    let expectedMonths = Set(months.compactMap { $0 }.filter { CivilDate(daysSinceEpoch: $0).day == 1 })
    #expect(expectedMonths.count == 24 && expectedMonths.min() == first && expectedMonths.max() == last)
    #expect(months.allSatisfy { $0 != nil && expectedMonths.contains($0!) })
    let kinds = Set(zip(teams, categories).map { "\($0.0 ?? "null") \($0.1 ?? "null")" })
    #expect(
      kinds == [
        "marketing salaries", "marketing tools", "marketing agency", "marketing content", "sales salaries",
        "sales commissions", "sales tools",
      ])
  }

  @Test func commissionsAreEightToTwelvePercentOfTheMonthsWonRevenue() {
    let deals = Self.demo.deals, costs = Self.demo.costs
    var won: [Int32: Int64] = [:]
    for (i, stage) in strings(deals, "stage").enumerated() where stage == "closed_won" {
      guard let closed = dates(deals, "closed_at")[i], let amount = cents(deals, "amount")[i] else { continue }
      let c = CivilDate(daysSinceEpoch: closed)
      won[CivilDate(year: c.year, month: c.month, day: 1).daysSinceEpoch, default: 0] += amount
    }
    let months = dates(costs, "month"), categories = strings(costs, "category"), amounts = cents(costs, "amount")
    for i in 0..<costs.rowCount where categories[i] == "commissions" {
      let revenue = won[months[i] ?? 0] ?? 0, paid = amounts[i] ?? -1
      #expect(paid * 100 >= revenue * 8 - 100 && paid * 100 <= revenue * 12 + 100, "\(paid) on \(revenue)")
    }
  }

  /// Monthly costs of the size a company of the demo's revenue has: sales
  /// costs more than marketing's people and tools, and campaign spend is not
  /// in costs at all.
  @Test func costsAreOfTheDemoCompanysSize() {
    let costs = Self.demo.costs
    var byTeam: [String: Int64] = [:]
    for (team, amount) in zip(strings(costs, "team"), cents(costs, "amount")) {
      byTeam[team ?? "", default: 0] += amount ?? 0
    }
    let marketing = Double(byTeam["marketing"] ?? 0) / 100, sales = Double(byTeam["sales"] ?? 0) / 100
    #expect(marketing > 1_500_000 && marketing < 2_600_000, "marketing \(marketing)")
    #expect(sales > 4_000_000 && sales < 7_000_000, "sales \(sales)")
  }
}
