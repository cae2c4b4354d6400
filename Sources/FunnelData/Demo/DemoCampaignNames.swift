/// Builds campaign names the way marketing teams write them: the quarter the
/// campaign started, the channel, a theme, and the region when it targets one
/// ("Q3 2025 Webinar — Pipeline Hygiene", "Q1 2026 Paid Search — Brand (EMEA)").
enum DemoCampaignNames {
  typealias Words = DemoVocabulary

  /// A name for a campaign of `channel` starting on day offset `start`;
  /// `region` is an index into `DemoVocabulary.regions`, or -1 for global.
  static func make(channel: DemoChannel, start: Int, region: Int, rng: inout DemoRandom) -> String {
    let quarter = DemoCalendar.quarterLabel(start)
    let suffix = region >= 0 ? " (" + Words.regionLabels[region] + ")" : ""
    switch channel {
    case .paidSearch:
      return quarter + " Paid Search — " + pick(Words.searchThemes, &rng) + suffix
    case .social:
      return quarter + " " + pick(Words.socialNetworks, &rng) + " — " + pick(Words.topics, &rng) + suffix
    case .email:
      return quarter + " " + pick(Words.emailPrograms, &rng) + " — " + pick(Words.topics, &rng) + suffix
    case .events:
      // Events happen somewhere: a city of the region (any region when global).
      let r = region >= 0 ? region : Words.regionShare.pick(&rng)
      return quarter + " " + pick(Words.eventNames, &rng) + " — " + pick(Words.citiesByRegion[r], &rng)
    case .webinar:
      return quarter + " Webinar — " + pick(Words.topics, &rng) + suffix
    case .contentSEO:
      return quarter + " " + pick(Words.contentFormats, &rng) + " — " + pick(Words.topics, &rng)
    case .referral:
      return quarter + " Referral — Customer Advocates" + suffix
    case .outbound:
      let industry = Words.industryLabels[Words.industryShare.pick(&rng)]
      return quarter + " Outbound — " + industry + " " + pick(Words.segments, &rng) + suffix
    case .display:
      return quarter + " Display — " + pick(Words.displayThemes, &rng) + suffix
    case .partner:
      return quarter + " Partner — " + pick(Words.partners, &rng) + " Co-marketing" + suffix
    }
  }

  /// The programs that run through both years, so that every day has a
  /// campaign to bring leads whatever the draw of the others.
  static let alwaysOn: [(channel: DemoChannel, name: String)] = [
    (.paidSearch, "Paid Search — Brand (Global)"),
    (.contentSEO, "Organic — Blog & Guides"),
    (.referral, "Customer Referral Program"),
  ]

  private static func pick(_ words: [String], _ rng: inout DemoRandom) -> String {
    words[rng.below(words.count)]
  }
}
