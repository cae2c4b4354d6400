/// The touches: every recorded contact with a lead, from the ad click or
/// form fill that created it to the calls and demos of the sales team.
///
/// A lead's form fill is a touch of its own campaign, on the day it was
/// created or a few days before (the ad click before the sign-up); before it
/// come the lead's anonymous touches (`DemoAnonymousTouches`, drawn from
/// `anonymous`, a stream of their own). Later marketing touches fall after the
/// day of creation, up to the lead's last stage date, and mostly come from
/// other campaigns running then (the nurture mix); sales calls and demos come
/// only from sql on. Most leads also get a first answer from sales, a sales
/// email or call after the form fill (`DemoFirstResponse`, a stream of its
/// own, like the anonymous touches). One lead's touches are in time order; across leads the
/// ids follow the leads, as an export of several systems would.
struct DemoTouches {
  private(set) var lead: [Int64] = []
  /// Index into the campaign plan, or -1.
  private(set) var campaign: [Int32] = []
  private(set) var time: [Int64] = []
  private(set) var kind: [Int32] = []

  var count: Int { lead.count }

  /// How many marketing touches after the first, by how far the lead got
  /// (lead, mql, sql or later), weights for 0, 1, 2 ... extra touches.
  private static let extraTouches = [
    DemoWeights([40, 29, 15, 8, 5, 3]),
    DemoWeights([14, 26, 27, 16, 10, 7]),
    DemoWeights([14, 30, 28, 16, 12]),
  ]
  /// Sales touches (1, 2 or 3) for a lead that reached sql.
  private static let salesTouches = DemoWeights([40, 38, 22])
  /// When people touch things, by hour of the day (office hours dominate).
  private static let hours = DemoWeights([
    1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 16, 14, 12, 14, 15, 14, 12, 9, 6, 5, 4, 3, 2, 1,
  ])
  /// Chance (per 10,000) that a later marketing touch comes from the lead's own campaign.
  private static let ownCampaignShare = 3_000
  private static let maxTouches = 8

  init(
    leads: DemoLeads, plan: DemoCampaignPlan, active: DemoActiveCampaigns, rng: inout DemoRandom,
    anonymous: inout DemoRandom, responses: inout DemoRandom, cancellation: Cancellation? = nil
  ) {
    let expected = leads.count * 5
    lead.reserveCapacity(expected)
    campaign.reserveCapacity(expected)
    time.reserveCapacity(expected)
    kind.reserveCapacity(expected)
    let kinds = DemoChannel.kindsByChannel
    let day = Timestamps.microsPerDay
    let base = Int64(DemoCalendar.firstDay) * day
    // One lead's touches, sorted before they are written: (time, campaign, kind).
    var buffer: [(Int64, Int32, Int32)] = []
    buffer.reserveCapacity(DemoTouches.maxTouches + 8)

    for i in 0..<leads.count {
      if i & 0x1FFF == 0x1FFF, cancellation?.isCancelled == true { break }
      buffer.removeAll(keepingCapacity: true)
      let created = Int(leads.created[i])
      let end = Int(leads.lastDay(i))
      let endOfWindow = base + Int64(end + 1) * day - 1
      let own = leads.campaign[i]
      let ownChannel = own >= 0 ? Int(plan.channel[Int(own)]) : -1
      let sqlDay = leads.reached[1][i]
      let oppDay = leads.reached[2][i]
      let furthest = sqlDay != DemoColumns.noDate ? 2 : (leads.reached[0][i] != DemoColumns.noDate ? 1 : 0)

      var firstDay = created
      if own >= 0 && rng.chance(2_000) { firstDay = max(created - rng.between(1, 7), Int(plan.start[Int(own)]), 0) }
      let first = base + Int64(firstDay) * day + DemoTouches.secondOfDay(&rng)
      let firstKind = ownChannel >= 0 ? kinds[ownChannel].pick(&rng) : .pageView
      buffer.append((first, own, firstKind.rawValue))
      DemoAnonymousTouches.draw(
        channel: ownChannel, firstDay: firstDay, base: base, plan: plan, active: active, rng: &anonymous,
        into: &buffer, time: DemoTouches.secondOfDay)

      // The answer comes before the lead is accepted by sales or lost.
      var latest: Int64? = nil
      for stop in [sqlDay, leads.lost[i]] where stop != DemoColumns.noDate {
        latest = min(latest ?? .max, base + Int64(Int(stop) + 1) * day - 1)
      }
      if let (t, k) = DemoFirstResponse.draw(created: first, furthest: furthest, latest: latest, rng: &responses) {
        buffer.append((t, own, k.rawValue))
      }

      let sales = furthest == 2 ? DemoTouches.salesTouches.pick(&rng) + 1 : 0
      let extra = min(DemoTouches.extraTouches[furthest].pick(&rng), DemoTouches.maxTouches - 1 - sales)
      // After the day of creation, so that the form fill is the last touch on or
      // before it; a lead with no later day in its life has none.
      for _ in 0..<(end > created ? extra : 0) {
        let d = rng.between(created + 1, end)
        var c = own
        if own < 0 || !rng.chance(DemoTouches.ownCampaignShare) {
          let channel = DemoChannel.nurtureShare.pick(&rng)
          c = active.pick(day: d, channel: channel, &rng) ?? active.pickAny(day: d, &rng) ?? own
        }
        let k = c >= 0 ? kinds[Int(plan.channel[Int(c)])].pick(&rng) : .pageView
        // Nothing after the first touch comes before it, even on the same day.
        var t = base + Int64(d) * day + DemoTouches.secondOfDay(&rng)
        if t <= first { t = min(first + Int64(rng.between(60, 7_200)) * Timestamps.microsPerSecond, endOfWindow) }
        buffer.append((t, c, k.rawValue))
      }
      for _ in 0..<sales {
        let d = rng.between(Int(sqlDay), end)
        let isDemo = oppDay != DemoColumns.noDate && d >= Int(oppDay) ? rng.chance(5_000) : rng.chance(2_500)
        let t = base + Int64(d) * day + DemoTouches.secondOfDay(&rng)
        buffer.append((t, own, isDemo ? DemoTouchKind.demo.rawValue : DemoTouchKind.salesCall.rawValue))
      }

      // Insertion sort: a dozen entries at most; ties keep the order drawn.
      for a in 1..<buffer.count {
        let item = buffer[a]
        var b = a
        while b > 0 && buffer[b - 1].0 > item.0 {
          buffer[b] = buffer[b - 1]
          b -= 1
        }
        buffer[b] = item
      }
      let leadID = Int64(i) + 1
      for (t, c, k) in buffer {
        lead.append(leadID)
        campaign.append(c)
        time.append(t)
        kind.append(k)
      }
    }
  }

  /// A time of day in microseconds, mostly in office hours.
  @inline(__always)
  private static func secondOfDay(_ rng: inout DemoRandom) -> Int64 {
    Int64(hours.pick(&rng) * 3_600 + rng.below(3_600)) * Timestamps.microsPerSecond
  }

  /// The `touches` table.
  func table() -> Table {
    let n = count
    var campaignIDs = [Int64](repeating: -1, count: n)
    for i in 0..<n where campaign[i] >= 0 { campaignIDs[i] = Int64(campaign[i]) + 1 }
    return Table(
      names: ["touch_id", "lead_id", "campaign_id", "touched_at", "kind"],
      columns: [
        Column(.int((0..<n).map { Int64($0) + 1 })),
        Column(.int(lead)),
        DemoColumns.ints(campaignIDs),
        Column(.timestamp(time)),
        Column(.string(codes: kind, dictionary: DemoTouchKind.dictionary)),
      ])
  }
}
