/// The marketing channels of the demo data and what tells them apart: how
/// many leads each brings, what a lead costs, how often people click, how
/// well its leads convert. The numbers follow the usual shape of B2B
/// funnels: referrals and events convert best, display and social worst;
/// events and paid search cost the most per lead, email and content the least.
enum DemoChannel: Int, CaseIterable {
  case paidSearch, social, email, events, webinar, contentSEO, referral, outbound, display, partner

  /// The snake_case name stored in `channel` columns.
  var name: String {
    switch self {
    case .paidSearch: return "paid_search"
    case .social: return "social"
    case .email: return "email"
    case .events: return "events"
    case .webinar: return "webinar"
    case .contentSEO: return "content_seo"
    case .referral: return "referral"
    case .outbound: return "outbound"
    case .display: return "display"
    case .partner: return "partner"
    }
  }

  /// The dictionary of `campaigns.channel`, in raw-value order.
  static let dictionary = StringDictionary(allCases.map(\.name))

  /// The dictionary of `leads.channel`: the channels, then `direct` (code 10)
  /// for leads that came in without a campaign.
  static let leadDictionary = StringDictionary(allCases.map(\.name) + ["direct"])
  static let directCode = Int32(allCases.count)

  /// Share of all leads (parts of 100).
  static let leadShare = DemoWeights([18, 12, 14, 6, 10, 14, 4, 9, 7, 6])

  /// Share of campaigns (parts of 100): many small email sends, few referral programs.
  static let campaignShare = DemoWeights([14, 12, 20, 8, 12, 8, 2, 10, 8, 6])

  /// Channels that reach a known lead again later (the nurture mix), parts of 100.
  static let nurtureShare = DemoWeights([10, 8, 34, 5, 15, 15, 0, 0, 8, 5])

  /// Typical cost of one lead, in dollars.
  var costPerLead: Int { DemoChannel.costs[rawValue] }
  private static let costs = [185, 95, 22, 420, 115, 38, 20, 150, 70, 105]

  /// How long a campaign runs, in days.
  var duration: ClosedRange<Int> { DemoChannel.durations[rawValue] }
  private static let durations = [
    30...150, 21...90, 7...35, 14...42, 21...56, 60...240, 120...365, 30...90, 30...120, 45...150,
  ]

  /// Days after its end that a campaign still brings leads (recordings, search, follow-up).
  var tail: Int { DemoChannel.tails[rawValue] }
  private static let tails = [3, 3, 10, 21, 30, 60, 30, 14, 3, 14]

  /// Clicks for each lead, or nil where clicks are not tracked (events, referrals).
  var clicksPerLead: ClosedRange<Int>? { DemoChannel.clicks[rawValue] }
  private static let clicks: [ClosedRange<Int>?] = [
    12...25, 20...45, 5...12, nil, 3...7, 15...35, nil, 4...10, 30...70, 4...12,
  ]

  /// Click-through rate in hundredths of a percent: display and social show
  /// many impressions and few clicks, email and search the opposite.
  var clickThrough: ClosedRange<Int> { DemoChannel.clickThroughs[rawValue] }
  private static let clickThroughs = [
    250...600, 40...120, 250...700, 0...0, 150...400, 100...300, 0...0, 100...300, 5...25, 80...250,
  ]

  /// Chance (per 10,000) of each step: lead→mql, mql→sql, sql→opportunity, opportunity→won.
  var stepRates: [Int] {
    switch self {
    case .paidSearch: return [4_500, 4_400, 6_000, 2_700]
    case .social: return [3_000, 3_500, 5_000, 2_000]
    case .email: return [4_000, 3_700, 5_500, 2_500]
    case .events: return [6_000, 5_300, 7_000, 3_400]
    case .webinar: return [5_500, 4_600, 6_200, 3_000]
    case .contentSEO: return [4_000, 4_000, 5_800, 2_600]
    case .referral: return [6_500, 5_600, 7_000, 3_800]
    case .outbound: return [3_500, 4_800, 6_000, 2_400]
    case .display: return [2_500, 3_100, 4_800, 1_800]
    case .partner: return [5_000, 4_800, 6_500, 3_200]
    }
  }

  /// Step chances for leads without a campaign (they found the product themselves).
  static let directStepRates = [5_000, 4_400, 6_500, 3_000]

  /// Added to the lead score: warm introductions score higher than banner clicks.
  var scoreOffset: Int { DemoChannel.scoreOffsets[rawValue] }
  private static let scoreOffsets = [2, -8, 0, 8, 5, 0, 12, -2, -10, 6]

  /// True for channels that reach larger companies more than the mix does.
  var skewsEnterprise: Bool { self == .outbound || self == .events || self == .partner }

  /// The kinds of touch a campaign of this channel makes, with weights.
  var touchKinds: DemoWeightedKinds {
    switch self {
    case .paidSearch: return DemoWeightedKinds([(.adClick, 70), (.pageView, 30)])
    case .social: return DemoWeightedKinds([(.adClick, 75), (.pageView, 25)])
    case .email: return DemoWeightedKinds([(.emailOpen, 55), (.emailClick, 45)])
    case .events: return DemoWeightedKinds([(.event, 85), (.pageView, 15)])
    case .webinar: return DemoWeightedKinds([(.webinar, 75), (.emailClick, 15), (.contentDownload, 10)])
    case .contentSEO: return DemoWeightedKinds([(.contentDownload, 55), (.pageView, 45)])
    case .referral: return DemoWeightedKinds([(.pageView, 80), (.emailClick, 20)])
    case .outbound: return DemoWeightedKinds([(.emailOpen, 50), (.emailClick, 50)])
    case .display: return DemoWeightedKinds([(.adClick, 60), (.pageView, 40)])
    case .partner: return DemoWeightedKinds([(.webinar, 30), (.event, 20), (.contentDownload, 30), (.pageView, 20)])
    }
  }

  /// The same tables for every channel, built once (the switch above allocates).
  static let kindsByChannel = allCases.map(\.touchKinds)
  static let ratesByChannel = allCases.map(\.stepRates)
}
