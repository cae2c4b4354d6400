/// The leads, drawn one by one in `created_at` order, with their whole
/// history: the campaign that brought them, who they are, and how far down
/// the funnel they got by 2026-06-30.
///
/// Dates are day offsets from 2024-07-01 while drawing (`DemoColumns.noDate`
/// when a stage was not reached); missing codes are -1. Column tables come
/// from `table()`.
struct DemoLeads {
  private(set) var created: [Int32] = []
  /// Index into the campaign plan, or -1 for a lead without a campaign.
  private(set) var campaign: [Int32] = []
  /// Code in `DemoChannel.leadDictionary`, or -1.
  private(set) var channel: [Int32] = []
  private(set) var region: [Int32] = []
  private(set) var industry: [Int32] = []
  private(set) var size: [Int32] = []
  /// 0...100, or -1 when missing.
  private(set) var score: [Int64] = []
  /// 0 lead, 1 mql, 2 sql, 3 opportunity, 4 won, 5 lost.
  private(set) var stage: [Int32] = []
  /// Day of reaching mql, sql, opportunity and won, in that order.
  private(set) var reached: [[Int32]] = [[], [], [], []]
  private(set) var lost: [Int32] = []
  /// Index into `DemoVocabulary.reps`, or -1 before sql.
  private(set) var owner: [Int32] = []

  var count: Int { created.count }

  /// Leads without a campaign, per 10,000.
  private static let directShare = 100
  /// Chance (per 10,000) that a lead which does not take a step is marked lost
  /// rather than left where it is, by the stage it stopped at.
  private static let lossShare = [2_500, 4_000, 6_500, 8_500]
  /// Score bonus by company size class: larger accounts fit the product better.
  private static let sizeScore = [-5, -2, 1, 3, 4]
  /// Step chance multipliers (thousandths) by company size class, step by step:
  /// marketing qualifies big accounts more easily, sales wins them less often.
  private static let sizeFactor = [
    [900, 1_000, 1_050, 1_100, 1_150],
    [800, 950, 1_050, 1_100, 1_100],
    [1_000, 1_000, 1_000, 950, 900],
    [1_250, 1_120, 1_000, 780, 620],
  ]
  /// Step chance multipliers (thousandths) by region for the sales steps.
  private static let regionFactor = [1_050, 1_000, 880, 800]
  /// How much longer deals take to close by company size class (thousandths).
  static let cycleFactor = [650, 800, 1_000, 1_300, 1_700]

  init(
    count: Int, calendar: DemoCalendar, plan: DemoCampaignPlan, active: DemoActiveCampaigns,
    rng: inout DemoRandom, cancellation: Cancellation? = nil
  ) {
    for a in [\DemoLeads.created, \.campaign, \.channel, \.region, \.industry, \.size, \.stage, \.lost, \.owner] {
      self[keyPath: a].reserveCapacity(count)
    }
    score.reserveCapacity(count)
    for s in 0..<4 { reached[s].reserveCapacity(count) }

    let last = Int32(DemoCalendar.dayCount - 1)
    let rates = DemoChannel.ratesByChannel
    let scoreOffsets = DemoChannel.allCases.map(\.scoreOffset)
    let enterprise = DemoChannel.allCases.map(\.skewsEnterprise)
    var days = DemoLeadDays(calendar: calendar, count: count)
    var dates: [Int32] = [0, 0, 0, 0]

    for i in 0..<count {
      // Ctrl-C: stop between leads, leaving every array the same length.
      if i & 0x1FFF == 0x1FFF, cancellation?.isCancelled == true { break }
      let day = days.nextDay(&rng)
      var ch = -1
      var camp: Int32 = -1
      if !rng.chance(DemoLeads.directShare), let c = DemoLeads.sourceCampaign(day: day, active: active, &rng) {
        camp = c
        ch = Int(plan.channel[Int(c)])
      }
      created.append(Int32(day))
      campaign.append(camp)
      // A few leads without a campaign lost their source on the way: null, not "direct".
      channel.append(ch >= 0 ? Int32(ch) : (rng.chance(8_500) ? DemoChannel.directCode : -1))

      let focus = camp >= 0 ? Int(plan.region[Int(camp)]) : -1
      let reg = focus >= 0 && rng.chance(8_500) ? focus : DemoVocabulary.regionShare.pick(&rng)
      region.append(rng.chance(30) ? -1 : Int32(reg))
      let ind = DemoVocabulary.industryShare.pick(&rng)
      industry.append(rng.chance(50) ? -1 : Int32(ind))
      let sz = (ch >= 0 && enterprise[ch] ? DemoVocabulary.enterpriseSizeShare : DemoVocabulary.sizeShare).pick(&rng)
      size.append(Int32(sz))
      let points = max(0, min(100, rng.hump(0, 100) + (ch >= 0 ? scoreOffsets[ch] : 4) + DemoLeads.sizeScore[sz]))
      score.append(rng.chance(20) ? -1 : Int64(points))

      // Walk down the funnel until a step fails or would fall after 2026-06-30.
      let steps = ch >= 0 ? rates[ch] : DemoChannel.directStepRates
      var at = Int32(day)
      var taken = 0
      var lostAt = DemoColumns.noDate
      var rep: Int32 = -1
      for s in 0..<4 {
        var p = steps[s] * DemoLeads.scoreFactor(step: s, score: points) / 1_000
        p = p * DemoLeads.sizeFactor[s][sz] / 1_000
        if s >= 2 { p = p * DemoLeads.regionFactor[reg] / 1_000 }
        if s == 3, rep >= 0 { p = p * DemoVocabulary.repWinFactor[Int(rep)] / 1_000 }
        if rng.chance(min(p, 9_500)) {
          let next = at + Int32(DemoLeads.stepDelay(step: s, size: sz, &rng))
          if next > last { break }
          at = next
          dates[s] = next
          taken = s + 1
          if s == 1 {
            // A sales rep of the lead's region takes it over at sql.
            let team = DemoVocabulary.repsByRegion[reg]
            rep = team[rng.below(team.count)]
          }
        } else {
          if rng.chance(DemoLeads.lossShare[s]) {
            let when = at + Int32(DemoLeads.lossDelay(stage: s, size: sz, &rng))
            if when <= last { lostAt = when }
          }
          break
        }
      }
      stage.append(lostAt == DemoColumns.noDate ? Int32(taken) : 5)
      lost.append(lostAt)
      owner.append(rep)
      // A lost lead keeps the dates of the stages it reached before.
      for s in 0..<4 { reached[s].append(s < taken ? dates[s] : DemoColumns.noDate) }
    }
  }
}
