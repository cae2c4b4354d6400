import FunnelData
import Testing

/// The funnel history in the demo data: stage dates, touches and deals agree
/// with each other and with 2026-06-30, and rates differ as analysts expect.
@Suite struct DemoFunnelTests {
  static let demo = DemoDataTests.demo
  static let asOf = DemoDataTests.asOf
  static let stageOrder = ["lead", "mql", "sql", "opportunity", "won"]

  @Test func stageDatesAreInOrderAndNotAfterAsOf() {
    let l = Self.demo.leads
    let created = dates(l, "created_at"), stage = strings(l, "stage"), owner = strings(l, "owner")
    let steps = ["mql_at", "sql_at", "opportunity_at", "won_at"].map { dates(l, $0) }
    let lost = dates(l, "lost_at")
    var problems = [String]()
    for i in 0..<l.rowCount {
      guard let c = created[i], let s = stage[i] else {
        problems.append("lead \(i + 1): no created_at or stage")
        continue
      }
      var previous = c
      var reached = 0
      for (k, step) in steps.enumerated() {
        guard let d = step[i] else { break }
        if d < previous { problems.append("lead \(i + 1): step \(k) before the one before") }
        previous = d
        reached = k + 1
      }
      // Stages are reached in order: no date after a missing one.
      if steps[reached...].contains(where: { reached < 4 && $0[i] != nil }) { problems.append("lead \(i + 1): gap") }
      if previous > Self.asOf { problems.append("lead \(i + 1): stage after 2026-06-30") }
      if let lostAt = lost[i] {
        if s != "lost" || lostAt <= previous || lostAt > Self.asOf || reached == 4 {
          problems.append("lead \(i + 1): lost_at \(lostAt) with stage \(s)")
        }
      } else if s != Self.stageOrder[reached] {
        problems.append("lead \(i + 1): stage \(s) but \(reached) steps dated")
      }
      if (owner[i] != nil) != (reached >= 2) { problems.append("lead \(i + 1): owner without sql or the reverse") }
    }
    #expect(problems.isEmpty, "\(problems.prefix(5))")
  }

  @Test func recentLeadsAreLessConverted() {
    let l = Self.demo.leads
    let created = dates(l, "created_at"), won = dates(l, "won_at")
    let cutoff = CivilDate(year: 2026, month: 5, day: 1).daysSinceEpoch
    let early = CivilDate(year: 2025, month: 7, day: 1).daysSinceEpoch
    var old = (0, 0), recent = (0, 0)
    for i in 0..<l.rowCount {
      guard let c = created[i] else { continue }
      if c < early { old.0 += 1; old.1 += won[i] == nil ? 0 : 1 }
      if c >= cutoff { recent.0 += 1; recent.1 += won[i] == nil ? 0 : 1 }
    }
    #expect(recent.1 * old.0 * 3 < old.1 * recent.0, "won shares \(old) vs \(recent)")
  }

  @Test func wonShareDiffersByChannel() {
    let l = Self.demo.leads
    var share = [String: (leads: Int, won: Int)]()
    for (ch, won) in zip(strings(l, "channel"), dates(l, "won_at")) {
      guard let ch else { continue }
      share[ch, default: (0, 0)].leads += 1
      if won != nil { share[ch, default: (0, 0)].won += 1 }
    }
    let rates = share.filter { $0.value.leads >= 300 }.mapValues { Double($0.won) / Double($0.leads) }
    #expect(rates.count >= 8)
    let best = rates.values.max() ?? 0, worst = rates.values.min() ?? 0
    #expect(best >= 2 * worst, "\(rates)")
    #expect((rates["referral"] ?? 0) > 2 * (rates["display"] ?? 1))
    #expect((rates["events"] ?? 0) > (rates["social"] ?? 1))
  }

  @Test func scoreAndCompanySizeMoveConversion() {
    let d = Self.demo
    let l = d.leads
    let score = ints(l, "score"), won = dates(l, "won_at"), size = strings(l, "company_size")
    let opportunity = dates(l, "opportunity_at")
    var high = (0, 0), low = (0, 0)
    var winsBySize = [String: (opportunities: Int, won: Int)]()
    for i in 0..<l.rowCount {
      if let s = score[i], s >= 70 { high.0 += 1; high.1 += won[i] == nil ? 0 : 1 }
      if let s = score[i], s < 40 { low.0 += 1; low.1 += won[i] == nil ? 0 : 1 }
      if let z = size[i], opportunity[i] != nil {
        winsBySize[z, default: (0, 0)].opportunities += 1
        if won[i] != nil { winsBySize[z, default: (0, 0)].won += 1 }
      }
    }
    #expect(high.1 * low.0 > 2 * low.1 * high.0, "won among high scores \(high), low scores \(low)")
    let small = winsBySize["1-10"] ?? (1, 0), large = winsBySize["1000+"] ?? (1, 0)
    #expect(large.won * small.opportunities < small.won * large.opportunities, "\(winsBySize)")
    // Larger companies buy larger deals.
    var amounts = [String: [Int64]]()
    let leadSize = Dictionary(uniqueKeysWithValues: zip(ints(l, "lead_id").map { $0 ?? 0 }, size))
    for (lead, amount) in zip(ints(d.deals, "lead_id"), cents(d.deals, "amount")) {
      if let lead, let amount, let z = leadSize[lead] ?? nil { amounts[z, default: []].append(amount) }
    }
    let average = { (z: String) in (amounts[z] ?? []).reduce(0, +) / Int64(max(1, amounts[z]?.count ?? 0)) }
    #expect(average("1000+") > 3 * average("1-10"))
  }

  @Test func touchesBelongToTheirLeadsLifetime() {
    let d = Self.demo
    let l = d.leads, t = d.touches
    let created = dates(l, "created_at"), sqlAt = dates(l, "sql_at"), leadCampaign = ints(l, "campaign_id")
    let stepDates = ["mql_at", "sql_at", "opportunity_at", "won_at", "lost_at"].map { dates(l, $0) }
    let lead = ints(t, "lead_id"), time = timestamps(t, "touched_at"), kind = strings(t, "kind")
    let campaign = ints(t, "campaign_id")
    var perLead = [Int](repeating: 0, count: l.rowCount)
    var firstTime = [Int64?](repeating: nil, count: l.rowCount)
    var firstCampaign = [Int64?](repeating: nil, count: l.rowCount)
    // The lead-creation touch: the last on or before the day the lead was created.
    var creationTime = [Int64?](repeating: nil, count: l.rowCount)
    var creationCampaign = [Int64?](repeating: nil, count: l.rowCount)
    // Sales touches before sql: the first answer to a new lead, at most one.
    var answers = [Int](repeating: 0, count: l.rowCount)
    let lostAt = dates(l, "lost_at")
    var problems = [String]()
    for k in 0..<t.rowCount {
      guard let id = lead[k], let at = time[k], let kd = kind[k], let c = created[Int(id) - 1] else {
        problems.append("touch \(k + 1): missing lead, time or kind")
        continue
      }
      let i = Int(id) - 1
      let day = Timestamps.day(of: at)
      let lastDay = stepDates.compactMap { $0[i] }.max() ?? c
      // Anonymous touches come up to 45 days before the form fill, itself up to 7 before creation.
      let isSales = kd == "sales_call" || kd == "sales_email" || kd == "demo"
      if isSales, sqlAt[i] == nil || day < sqlAt[i]! {
        // The first answer: an email or call within 11 days, before the lead is lost.
        answers[i] += 1
        if kd == "demo" || answers[i] > 1 || day > c + 11 || (lostAt[i] != nil && day > lostAt[i]!) {
          problems.append("touch \(k + 1): \(kd) before sql")
        }
      } else if day < c - 52 || day > lastDay {
        problems.append("touch \(k + 1) outside its lead's days")
      }
      perLead[i] += 1
      if firstTime[i] == nil || at < firstTime[i]! {
        firstTime[i] = at
        firstCampaign[i] = campaign[k]
      }
      if day <= c, !isSales, creationTime[i] == nil || at >= creationTime[i]! {
        creationTime[i] = at
        creationCampaign[i] = campaign[k]
      }
    }
    #expect(problems.isEmpty, "\(problems.prefix(5))")
    #expect(perLead.allSatisfy { (1...14).contains($0) })
    // Most leads have one to five touches.
    #expect(perLead.filter { $0 <= 5 }.count * 10 > perLead.count * 6)
    // Most leads hear from sales before it accepts them, not all.
    let answered = answers.filter { $0 > 0 }.count
    #expect(answered * 10 > l.rowCount * 5 && answered * 10 < l.rowCount * 8, "answered: \(answered)")
    #expect(
      zip(creationCampaign, leadCampaign).allSatisfy { $0 == $1 }, "the lead-creation touch is the lead's campaign")
    // Anonymous touches before the form fill: the first touch is another campaign for a real share of leads.
    let differ = zip(firstCampaign, leadCampaign).filter { $0 != $1 }.count
    #expect(differ * 10 > l.rowCount * 3 && differ * 10 < l.rowCount * 7, "first touch elsewhere: \(differ)")
  }

  @Test func dealsFollowTheirOpportunities() {
    let d = Self.demo
    let l = d.leads, deals = d.deals
    let opportunityAt = dates(l, "opportunity_at"), wonAt = dates(l, "won_at"), lostAt = dates(l, "lost_at")
    let leadOwner = strings(l, "owner"), leadCampaign = ints(l, "campaign_id")
    #expect(opportunityAt.filter { $0 != nil }.count == deals.rowCount)
    let lead = ints(deals, "lead_id"), created = dates(deals, "created_at"), closed = dates(deals, "closed_at")
    let stage = strings(deals, "stage"), amount = cents(deals, "amount"), owner = strings(deals, "owner")
    let campaign = ints(deals, "campaign_id"), product = strings(deals, "product")
    var problems = [String]()
    for k in 0..<deals.rowCount {
      guard let id = lead[k], let s = stage[k], let a = amount[k] else { continue }
      let i = Int(id) - 1
      if created[k] != opportunityAt[i] || owner[k] != leadOwner[i] || campaign[k] != leadCampaign[i] {
        problems.append("deal \(k + 1) disagrees with lead \(id)")
      }
      switch s {
      case "closed_won": if closed[k] == nil || closed[k] != wonAt[i] { problems.append("deal \(k + 1) won") }
      case "closed_lost": if closed[k] == nil || closed[k] != lostAt[i] { problems.append("deal \(k + 1) lost") }
      case "prospecting", "qualification", "proposal", "negotiation":
        if closed[k] != nil || wonAt[i] != nil || lostAt[i] != nil { problems.append("deal \(k + 1) open") }
      default: problems.append("deal \(k + 1): stage \(s)")
      }
      if a <= 0 || product[k] == nil { problems.append("deal \(k + 1): amount or product") }
    }
    #expect(problems.isEmpty, "\(problems.prefix(5))")
    let sorted = amount.compactMap { $0 }.sorted()
    let median = sorted[sorted.count / 2]
    #expect(median >= 5_000_00 && median <= 40_000_00, "median amount \(median)")
    #expect(sorted.filter { $0 >= 100_000_00 }.count * 50 > sorted.count, "some deals of 100k and more")
  }

  @Test func bothQuartersOf2026HaveClosedWonDeals() {
    let deals = Self.demo.deals
    var won = [String: Int]()
    for (s, c) in zip(strings(deals, "stage"), dates(deals, "closed_at")) where s == "closed_won" {
      if let c { won[quarter(c), default: 0] += 1 }
    }
    #expect((won["2026-Q1"] ?? 0) > 20)
    #expect((won["2026-Q2"] ?? 0) > 20)
  }
}
