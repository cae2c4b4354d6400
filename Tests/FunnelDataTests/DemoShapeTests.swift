import Foundation
import FunnelData
import Testing

/// What an analyst would check first in the demo data: campaign economics by
/// channel, seasonality and growth, a few messy values; and the speed.
@Suite struct DemoShapeTests {
  static let demo = DemoDataTests.demo

  /// Spend, leads, impressions and clicks by channel.
  static func byChannel() -> [String: (spend: Int64, leads: Int, impressions: Int64, clicks: Int64)] {
    let c = demo.campaigns
    let ids = ints(c, "campaign_id"), channel = strings(c, "channel"), spend = cents(c, "spend")
    let impressions = ints(c, "impressions"), clicks = ints(c, "clicks")
    var channelOf = [Int64: String]()
    var out = [String: (spend: Int64, leads: Int, impressions: Int64, clicks: Int64)]()
    for k in 0..<c.rowCount {
      guard let id = ids[k], let ch = channel[k] else { continue }
      channelOf[id] = ch
      var e = out[ch] ?? (0, 0, 0, 0)
      e.spend += spend[k] ?? 0
      e.impressions += impressions[k] ?? 0
      e.clicks += clicks[k] ?? 0
      out[ch] = e
    }
    for id in ints(demo.leads, "campaign_id") {
      if let id, let ch = channelOf[id] { out[ch]?.leads += 1 }
    }
    return out
  }

  @Test func costPerLeadAndClickThroughDifferByChannel() throws {
    let channels = Self.byChannel()
    #expect(
      channels.keys.sorted() == [
        "content_seo", "display", "email", "events", "outbound", "paid_search", "partner", "referral", "social",
        "webinar",
      ])
    func cpl(_ ch: String) -> Double {
      guard let e = channels[ch], e.leads > 0 else { return .nan }
      return Double(e.spend) / 100 / Double(e.leads)
    }
    func ctr(_ ch: String) -> Double {
      guard let e = channels[ch], e.impressions > 0 else { return .nan }
      return Double(e.clicks) / Double(e.impressions)
    }
    #expect(cpl("events") > 5 * cpl("email"))
    #expect(cpl("paid_search") > 3 * cpl("content_seo"))
    #expect(cpl("referral") < cpl("email"))
    #expect(ctr("display") * 10 < ctr("email"))
    #expect(ctr("social") < ctr("paid_search"))
    // No ad server counts event or referral impressions.
    #expect(channels["events"]?.impressions == 0)
  }

  @Test func campaignsSpendMostlyWithinBudgetAndRunInTheWindow() {
    let c = Self.demo.campaigns
    let budget = cents(c, "budget"), spend = cents(c, "spend")
    let start = dates(c, "start_date"), end = dates(c, "end_date")
    let first = CivilDate(year: 2024, month: 7, day: 1).daysSinceEpoch
    var over = 0
    for k in 0..<c.rowCount {
      if let b = budget[k], let s = spend[k], s > b { over += 1 }
      if let s = start[k], let e = end[k] {
        #expect(first <= s && s <= e && e <= DemoDataTests.asOf)
      } else {
        Issue.record("campaign \(k + 1) without dates")
      }
    }
    #expect(over > 0 && over * 4 < c.rowCount, "\(over) of \(c.rowCount) over budget")
    #expect(strings(c, "name").allSatisfy { ($0 ?? "").contains(" — ") || ($0 ?? "").hasPrefix("Customer") })
  }

  @Test func leadVolumeIsSeasonalAndGrows() {
    var perMonth = [String: Int]()
    for day in dates(Self.demo.leads, "created_at") {
      guard let day else { continue }
      perMonth[Periods.format(Periods.bucket(day: day, unit: .month), unit: .month), default: 0] += 1
    }
    let count = { (month: String) in perMonth[month] ?? 0 }
    #expect(count("2025-08") < count("2025-07"))
    #expect(count("2025-10") > count("2025-08") * 3 / 2)
    #expect(count("2025-11") > count("2025-12"))
    #expect(count("2025-10") > count("2024-10"))
    #expect(perMonth.count == 24)
  }

  @Test func aFewValuesAreMissing() {
    let l = Self.demo.leads
    for name in ["region", "industry", "score"] {
      let missing = l.column(name)?.nullCount ?? 0
      #expect(missing > 0 && missing * 50 < l.rowCount, "\(name): \(missing) missing")
    }
    #expect(l.column("created_at")?.nullCount == 0)
    #expect(l.column("stage")?.nullCount == 0)
    let scores = ints(l, "score").compactMap { $0 }
    #expect(scores.allSatisfy { (0...100).contains($0) })
  }

  /// `FUNNEL_DEMO_TIMING=1 swift test -c release --filter Demo` measures the
  /// generator; debug builds are far slower, so it runs only when asked.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["FUNNEL_DEMO_TIMING"] != nil))
  func generatesAMillionLeadsInSeconds() {
    let clock = ContinuousClock()
    _ = DemoData.generate()
    let small = clock.measure { _ = DemoData.generate() }
    var big = DemoDatasets(
      campaigns: .empty, leads: .empty, touches: .empty, deals: .empty, costs: .empty, stageChanges: .empty,
      quotas: .empty)
    let large = clock.measure { big = DemoData.generate(leads: 1_000_000) }
    print("demo data: 20,000 leads in \(small), 1,000,000 leads (\(big.touches.rowCount) touches) in \(large)")
    #expect(small < .milliseconds(100))
    #expect(large < .seconds(5))
    #expect(big.leads.rowCount == 1_000_000)
  }
}
