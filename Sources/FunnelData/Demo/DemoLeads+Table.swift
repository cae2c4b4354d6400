extension DemoLeads {
  /// The `leads` table.
  func table() -> Table {
    let n = count
    var leadIDs = [Int64](repeating: 0, count: n)
    var campaignIDs = [Int64](repeating: -1, count: n)
    for i in 0..<n {
      leadIDs[i] = Int64(i) + 1
      // Campaign ids are plan indices + 1 (the plan is in id order).
      if campaign[i] >= 0 { campaignIDs[i] = Int64(campaign[i]) + 1 }
    }
    return Table(
      names: [
        "lead_id", "created_at", "campaign_id", "channel", "region", "industry", "company_size", "score", "stage",
        "mql_at", "sql_at", "opportunity_at", "won_at", "lost_at", "owner",
      ],
      columns: [
        Column(.int(leadIDs)),
        DemoColumns.dates(offsets: created),
        DemoColumns.ints(campaignIDs),
        DemoColumns.text(codes: channel, dictionary: DemoChannel.leadDictionary),
        DemoColumns.text(codes: region, dictionary: DemoVocabulary.regionDictionary),
        DemoColumns.text(codes: industry, dictionary: DemoVocabulary.industryDictionary),
        DemoColumns.text(codes: size, dictionary: DemoVocabulary.sizeDictionary),
        DemoColumns.ints(score),
        DemoColumns.text(codes: stage, dictionary: DemoVocabulary.leadStageDictionary),
        DemoColumns.dates(offsets: reached[0]),
        DemoColumns.dates(offsets: reached[1]),
        DemoColumns.dates(offsets: reached[2]),
        DemoColumns.dates(offsets: reached[3]),
        DemoColumns.dates(offsets: lost),
        DemoColumns.text(codes: owner, dictionary: DemoVocabulary.repDictionary),
      ])
  }

  /// Leads each campaign brought, by plan index.
  func countsByCampaign(campaigns: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: campaigns)
    for c in campaign where c >= 0 { counts[Int(c)] += 1 }
    return counts
  }

  /// The last day (offset) anything happened to lead `i`: its latest stage date.
  @inline(__always)
  func lastDay(_ i: Int) -> Int32 {
    var d = created[i]
    for s in 0..<4 where reached[s][i] != DemoColumns.noDate { d = max(d, reached[s][i]) }
    if lost[i] != DemoColumns.noDate { d = max(d, lost[i]) }
    return d
  }
}
