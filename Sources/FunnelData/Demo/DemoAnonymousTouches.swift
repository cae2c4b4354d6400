/// The touches a person leaves before they fill in a form: ad clicks, page
/// views and content downloads, recorded against the person once the lead
/// exists (as marketing automation does when it stitches an anonymous visitor
/// to the new contact).
///
/// How many a lead has depends on how it arrived: paid search, social and
/// display leads often clicked ads days or weeks before; content and SEO leads
/// read pages and downloaded things; events, outbound, referral and partner
/// leads mostly arrive with none. About one per lead on average, with many
/// leads having none. Each comes from a campaign of a plausible channel that
/// was running on its day, so a lead's first touch and its lead-creation touch
/// (the form fill, of the lead's own campaign) often differ. They are drawn
/// from a stream of their own, so every other column keeps its values.
enum DemoAnonymousTouches {
  /// Weights for 0, 1, 2 ... anonymous touches, by the lead's channel
  /// (`DemoChannel` order), then for leads with no campaign (direct).
  private static let countsByChannel = [
    DemoWeights([25, 30, 22, 13, 7, 3]),  // paid_search
    DemoWeights([25, 30, 22, 13, 7, 3]),  // social
    DemoWeights([45, 30, 15, 7, 3]),  // email
    DemoWeights([70, 22, 8]),  // events
    DemoWeights([40, 30, 18, 8, 4]),  // webinar
    DemoWeights([20, 28, 25, 15, 8, 4]),  // content_seo
    DemoWeights([60, 25, 10, 5]),  // referral
    DemoWeights([80, 15, 5]),  // outbound
    DemoWeights([30, 30, 20, 12, 8]),  // display
    DemoWeights([65, 25, 10]),  // partner
    DemoWeights([35, 30, 20, 10, 5]),  // direct
  ]
  /// The channel of an anonymous touch's campaign: ads and content (order of `DemoChannel`).
  private static let channelShare = DemoWeights([26, 20, 0, 0, 6, 33, 0, 0, 15, 0])
  /// Chance (per 10,000) that one comes from the lead's own channel instead.
  private static let ownChannelShare = 3_000
  /// What an anonymous touch of each channel is.
  private static let kinds: [DemoWeightedKinds] = DemoChannel.allCases.map { channel in
    switch channel {
    case .paidSearch, .social, .display: return DemoWeightedKinds([(.adClick, 80), (.pageView, 20)])
    case .contentSEO: return DemoWeightedKinds([(.pageView, 60), (.contentDownload, 40)])
    case .webinar, .events: return DemoWeightedKinds([(.pageView, 70), (.contentDownload, 30)])
    default: return DemoWeightedKinds([(.pageView, 100)])
    }
  }
  /// The most days before the form fill one may come.
  private static let maxDaysBefore = 45

  /// Appends the anonymous touches of a lead of `channel` (-1: direct) whose
  /// form fill is at `first` (microseconds) on `firstDay`, to `buffer` as
  /// (time, campaign, kind); all come on days before `firstDay`.
  static func draw(
    channel: Int, firstDay: Int, base: Int64, plan: DemoCampaignPlan, active: DemoActiveCampaigns,
    rng: inout DemoRandom,
    into buffer: inout [(Int64, Int32, Int32)], time: (inout DemoRandom) -> Int64
  ) {
    let count = countsByChannel[channel >= 0 ? channel : countsByChannel.count - 1].pick(&rng)
    for _ in 0..<count {
      let day = firstDay - rng.between(1, maxDaysBefore)
      let wanted = channel >= 0 && rng.chance(ownChannelShare) ? channel : channelShare.pick(&rng)
      if day < 0 { continue }
      guard let campaign = active.pick(day: day, channel: wanted, &rng) ?? active.pickAny(day: day, &rng) else {
        continue
      }
      let kind = kinds[Int(plan.channel[Int(campaign)])].pick(&rng)
      buffer.append((base + Int64(day) * Timestamps.microsPerDay + time(&rng), campaign, kind.rawValue))
    }
  }
}
