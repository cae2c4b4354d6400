/// What a deal says about the forecast: its probability and its expected
/// close date. Drawn from a stream of its own after the deals, so every other
/// column keeps the values it had.
///
/// An open deal's probability is its stage's default (`stageProbability`,
/// as a CRM fills it in from the stage), except about one in eight whose rep
/// set a number of their own, 0.10 or 0.20 above or below it. A won deal's
/// is 1 and a lost one's 0. An open deal's expected close is its opening day
/// plus a sales cycle that grows with the product, but no nearer than its
/// stage leaves likely (45–240 days ahead of the demo's last day in
/// prospecting, down to 5–60 in negotiation); about one in four of those whose
/// cycle has already passed still shows that day (the deal has slipped). A closed
/// deal's expected close is its close date, as a CRM sets it on closing.
struct DemoForecast {
  /// Probability in hundredths, one per deal.
  private(set) var probability: [Int] = []
  /// Day offset from 2024-07-01, one per deal; `DemoColumns.noDate` never.
  private(set) var expectedClose: [Int32] = []

  /// The default probability of prospecting, qualification, proposal and
  /// negotiation, in hundredths (docs/metrics.md, Forecast).
  static let stageProbability = [10, 20, 50, 80]
  /// Days of a typical sales cycle by product (as `DemoVocabulary.products`).
  private static let cycleDays = [30, 45, 60, 110, 35]
  /// Days ahead of today a moved-out close lands, by open stage: (low, high).
  private static let aheadDays = [(45, 240), (30, 180), (15, 120), (5, 60)]

  init(deals: DemoDeals, leads: DemoLeads, rng: inout DemoRandom) {
    let n = deals.count
    let last = Int32(DemoCalendar.dayCount - 1)
    probability.reserveCapacity(n)
    expectedClose.reserveCapacity(n)
    for k in 0..<n {
      let s = Int(deals.stage[k])
      if s >= 4 {
        probability.append(s == 4 ? 100 : 0)
        expectedClose.append(deals.closed[k])
        continue
      }
      var p = DemoForecast.stageProbability[s]
      if rng.chance(1_250) {
        let step = rng.chance(5_000) ? 10 : 20
        p = min(95, max(5, rng.chance(5_000) ? p + step : p - step))
      }
      probability.append(p)
      let opened = leads.reached[2][Int(deals.lead[k])]
      let product = Int(deals.product[k])
      let cycle = opened + Int32(DemoForecast.cycleDays[product] * rng.hump(60, 160) / 100)
      let (low, high) = DemoForecast.aheadDays[s]
      let ahead = last + Int32(rng.hump(low, high))
      // A close already past stays there for about one deal in four.
      let day = cycle <= last && rng.chance(2_500) ? cycle : max(cycle, ahead)
      expectedClose.append(day)
    }
  }

  /// The probability column: fractions, shown as percentages.
  func probabilityColumn() -> Column {
    Column(.double(probability.map { Double($0) / 100 }), hint: .rate)
  }
}
