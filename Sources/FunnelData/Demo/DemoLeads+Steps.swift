/// Where a lead comes from, and how likely and how long each step of the lead funnel is.
extension DemoLeads {
  /// The campaign that brought a lead created on day offset `day`: first the
  /// channel, by the channel mix, then a campaign of it running that day or
  /// ended not long before (when campaigns are few, a channel can have
  /// none running that day); then any campaign running will do.
  @inline(__always)
  static func sourceCampaign(day: Int, active: DemoActiveCampaigns, _ rng: inout DemoRandom) -> Int32? {
    let channel = DemoChannel.leadShare.pick(&rng)
    return active.pickRecent(day: day, channel: channel, maxGap: 60, &rng) ?? active.pickAny(day: day, &rng)
  }

  /// How much the lead score moves a step's chance, in thousandths: strongly
  /// for the marketing steps (the score is built to predict them), mildly
  /// once sales has the lead.
  @inline(__always)
  static func scoreFactor(step: Int, score: Int) -> Int {
    switch step {
    case 0: return 300 + score * 14
    case 1: return 500 + score * 10
    case 2: return 800 + score * 4
    default: return 900 + score * 2
    }
  }

  /// Days from one stage to the next (step 0 is lead → mql). Marketing
  /// qualifies in days to weeks, often at once; sales takes weeks; closing
  /// takes months, and longer for larger companies.
  @inline(__always)
  static func stepDelay(step: Int, size: Int, _ rng: inout DemoRandom) -> Int {
    switch step {
    case 0: return rng.chance(3_000) ? rng.below(2) : rng.hump(2, 30)
    case 1: return rng.hump(2, 40)
    case 2: return rng.hump(3, 45)
    default: return rng.hump(20, 120) * cycleFactor[size] / 1_000
    }
  }

  /// Days from the last stage reached to the day the lead is marked lost.
  @inline(__always)
  static func lossDelay(stage: Int, size: Int, _ rng: inout DemoRandom) -> Int {
    switch stage {
    case 0: return rng.hump(7, 90)
    case 1: return rng.hump(10, 75)
    case 2: return rng.hump(7, 45)
    default: return rng.hump(15, 110) * cycleFactor[size] / 1_000
    }
  }
}
