extension DemoCampaignPlan {
  /// The `campaigns` table, once the leads are known: spend follows the
  /// leads a campaign brought at its channel's cost per lead (so cost per
  /// lead differs by channel as it does in real books), the budget sits a
  /// little above spend (below it for the overspenders, well above it for
  /// campaigns still running), and clicks and impressions follow the leads
  /// at the channel's clicks per lead and click-through rate.
  func table(leadCounts: [Int], rng: inout DemoRandom) -> Table {
    let n = count
    var budget = [Int64](), spend = [Int64](), impressions = [Int64](), clicks = [Int64]()
    budget.reserveCapacity(n)
    spend.reserveCapacity(n)
    impressions.reserveCapacity(n)
    clicks.reserveCapacity(n)
    var tracked = Bitmap(count: n, value: true)
    let last = Int32(DemoCalendar.dayCount - 1)
    for c in 0..<n {
      let ch = DemoChannel(rawValue: Int(channel[c])) ?? .email
      let leads = leadCounts[c]
      let days = Int(end[c] - start[c]) + 1
      // Cost per lead in cents, ±40% around the channel's typical figure.
      let perLead = ch.costPerLead * rng.between(600, 1_450) / 10
      var cents = leads * perLead + rng.below(100)
      if ch == .events { cents += rng.between(3_000, 18_000) * 100 }  // booth and travel
      if ch == .webinar { cents += rng.between(400, 1_500) * 100 }  // platform and speakers
      if leads == 0 && ch != .referral { cents += days * rng.between(15, 120) * 100 }  // money spent for nothing
      spend.append(Int64(cents))

      let dollars = cents / 100
      let step = dollars < 10_000 ? 500 : 1_000
      var planned: Int
      if end[c] == last {
        planned = roundUp(dollars * rng.between(1_300, 2_200) / 1_000, step)
      } else if rng.chance(1_200) {
        planned = max(step, dollars * rng.between(820, 985) / 1_000 / step * step)
      } else {
        planned = roundUp(dollars * rng.between(1_000, 1_300) / 1_000, step)
      }
      budget.append(Int64(max(planned, step)) * 100)

      if let perLeadClicks = ch.clicksPerLead {
        let k = leads > 0 ? leads * rng.draw(perLeadClicks) + rng.below(leads + 1) : days * rng.between(2, 25)
        let ctr = rng.draw(ch.clickThrough)  // hundredths of a percent
        clicks.append(Int64(k))
        impressions.append(Int64(k * 10_000 / ctr + rng.below(100)))
      } else {
        // Events and referrals have no ad server counting impressions.
        tracked[c] = false
        clicks.append(0)
        impressions.append(0)
      }
    }
    return Table(
      names: ["campaign_id", "name", "channel", "start_date", "end_date", "budget", "spend", "impressions", "clicks"],
      columns: [
        Column(.int((0..<n).map { Int64($0) + 1 })),
        DemoColumns.text(names),
        Column(.string(codes: channel, dictionary: DemoChannel.dictionary)),
        Column(.date(start.map { $0 + DemoCalendar.firstDay })),
        Column(.date(end.map { $0 + DemoCalendar.firstDay })),
        DemoColumns.money(cents: budget),
        DemoColumns.money(cents: spend),
        Column(.int(impressions), validity: tracked),
        Column(.int(clicks), validity: tracked),
      ])
  }

  private func roundUp(_ value: Int, _ step: Int) -> Int { (value + step - 1) / step * step }
}
