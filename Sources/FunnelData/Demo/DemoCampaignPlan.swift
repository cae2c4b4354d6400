/// The campaigns before their money: channel, dates, target region, size and
/// name, sorted by start date (campaign ids follow it, as a CRM numbers
/// records). Budget, spend, impressions and clicks come later, from the leads
/// each campaign brought (`table(leadCounts:rng:)`).
struct DemoCampaignPlan {
  /// `DemoChannel` raw values.
  private(set) var channel: [Int32] = []
  /// Day offsets from 2024-07-01, inclusive.
  private(set) var start: [Int32] = []
  private(set) var end: [Int32] = []
  /// Index into `DemoVocabulary.regions`, or -1 for a global campaign.
  private(set) var region: [Int32] = []
  /// 1 (small) ... 4 (large): how many leads the campaign draws beside
  /// others of its channel running on the same day.
  private(set) var weight: [Int32] = []
  private(set) var names: [String] = []

  var count: Int { channel.count }

  private struct Draft {
    var channel: DemoChannel
    var start: Int
    var end: Int
    var region: Int
    var weight: Int
    var name: String
    var order: Int
  }

  private static let weightShare = DemoWeights([35, 35, 20, 10])
  /// Share of campaigns (per 10,000) aimed at the whole world rather than one region.
  private static let globalShare = 4_500

  /// With `cancellation` set part way, the plan has fewer campaigns; the
  /// caller throws it away.
  init(count: Int, calendar: DemoCalendar, rng: inout DemoRandom, cancellation: Cancellation? = nil) {
    let last = DemoCalendar.dayCount - 1
    var drafts = [Draft]()
    drafts.reserveCapacity(count)
    for (channel, name) in DemoCampaignNames.alwaysOn where drafts.count < count {
      drafts.append(
        Draft(channel: channel, start: 0, end: last, region: -1, weight: 2, name: name, order: drafts.count))
    }
    while drafts.count < count {
      if drafts.count & 0x3FF == 0x3FF, cancellation?.isCancelled == true { break }
      let channel = DemoChannel(rawValue: DemoChannel.campaignShare.pick(&rng)) ?? .email
      // Campaigns start when the team is busy (the lead calendar) and never in the last week.
      let start = min(calendar.randomDay(&rng), last - 7)
      let end = min(start + rng.draw(channel.duration) - 1, last)
      let global = channel != .events && rng.chance(DemoCampaignPlan.globalShare)
      let region = global ? -1 : DemoVocabulary.regionShare.pick(&rng)
      let weight = DemoCampaignPlan.weightShare.pick(&rng) + 1
      let name = DemoCampaignNames.make(channel: channel, start: start, region: region, rng: &rng)
      drafts.append(
        Draft(
          channel: channel, start: start, end: end, region: region, weight: weight, name: name,
          order: drafts.count))
    }
    // Ties broken by draw order: a sort that cannot depend on the platform.
    drafts.sort { ($0.start, $0.order) < ($1.start, $1.order) }
    channel.reserveCapacity(count)
    start.reserveCapacity(count)
    end.reserveCapacity(count)
    region.reserveCapacity(count)
    weight.reserveCapacity(count)
    names.reserveCapacity(count)
    for d in drafts {
      channel.append(Int32(d.channel.rawValue))
      start.append(Int32(d.start))
      end.append(Int32(d.end))
      region.append(Int32(d.region))
      weight.append(Int32(d.weight))
      names.append(d.name)
    }
  }

  /// The last day offset on which campaign `c` still brings leads: its end
  /// plus its channel's tail (recordings, search results, follow-ups).
  func lastActiveDay(_ c: Int) -> Int {
    let tail = DemoChannel(rawValue: Int(channel[c])).map(\.tail) ?? 0
    return min(Int(end[c]) + tail, DemoCalendar.dayCount - 1)
  }
}
