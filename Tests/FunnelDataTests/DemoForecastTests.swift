import FunnelData
import Testing

/// Deals' probability and expected close, and the quotas, agree with the
/// deals and look like a sales team's.
@Suite struct DemoForecastTests {
  static let demo = DemoDataTests.demo
  static let lastDay = CivilDate(year: 2026, month: 6, day: 30).daysSinceEpoch
  static let defaults = ["prospecting": 0.1, "qualification": 0.2, "proposal": 0.5, "negotiation": 0.8]

  @Test func closedDealsAreCertainAndCloseOnTheirCloseDay() {
    let deals = Self.demo.deals
    let stages = strings(deals, "stage"), p = doubles(deals, "probability")
    let expected = dates(deals, "expected_close"), closed = dates(deals, "closed_at")
    #expect(p.count == deals.rowCount && expected.count == deals.rowCount)
    for r in 0..<deals.rowCount {
      guard let stage = stages[r], expected[r] != nil else {
        Issue.record("deal row \(r) has no stage or expected close")
        continue
      }
      if stage == "closed_won" || stage == "closed_lost" {
        #expect(p[r] == (stage == "closed_won" ? 1 : 0))
        #expect(expected[r] == closed[r])
      }
    }
  }

  /// Most open deals carry their stage's default; a few a rep's own number,
  /// 0.1 or 0.2 away from it (kept within 0.05...0.95). Some open deals have slipped, most close ahead.
  @Test func openDealsHaveStageProbabilitiesAndMostCloseAhead() {
    let deals = Self.demo.deals
    let stages = strings(deals, "stage"), p = doubles(deals, "probability"), expected = dates(deals, "expected_close")
    var open = 0, own = 0, slipped = 0
    for r in 0..<deals.rowCount {
      guard let stage = stages[r], let base = Self.defaults[stage], let pr = p[r], let day = expected[r] else {
        continue
      }
      open += 1
      if pr != base {
        own += 1
        let step = (abs(pr - base) * 100).rounded()
        #expect(step == 10 || step == 20 || pr == 0.05 || pr == 0.95, "\(pr) for \(stage)")
      }
      #expect(pr > 0 && pr < 1)
      if day <= Self.lastDay { slipped += 1 }
    }
    #expect(open > 100)
    #expect(own * 20 > open && own * 4 < open, "\(own) of \(open) own probabilities")
    #expect(slipped * 50 > open && slipped * 5 < open, "\(slipped) of \(open) slipped")
  }

  /// 16 reps × 11 quarters from 2024-Q3, whole $5,000s, rising over time.
  @Test func quotasAreEachRepsQuarters() {
    let quotas = Self.demo.quotas
    #expect(quotas.rowCount == 16 * 11)
    let owners = strings(quotas, "owner"), periods = dates(quotas, "period"), amounts = cents(quotas, "amount")
    #expect(Set(owners.compactMap { $0 }) == Set(strings(Self.demo.deals, "owner").compactMap { $0 }))
    var first = 0, last = 0
    for r in 0..<quotas.rowCount {
      guard let day = periods[r], let amount = amounts[r] else {
        Issue.record("quota row \(r) has a null")
        continue
      }
      let date = CivilDate(daysSinceEpoch: day)
      #expect(date.day == 1 && (date.month - 1) % 3 == 0)
      #expect(amount > 0 && amount % 500_000 == 0)
      if date.year == 2024 && date.month == 7 { first += Int(amount) }
      if date.year == 2027 { last += Int(amount) }
    }
    #expect(last > first)
  }
}
