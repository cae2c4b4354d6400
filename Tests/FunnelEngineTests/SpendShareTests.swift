import FunnelData
import FunnelLanguage
import PropertyBased
import Testing

@testable import FunnelEngine

/// Spend is shared among groups of leads, never multiplied: the invariants of
/// `CampaignShares` for every spend metric, grouped by every column of the
/// demo's leads, on random data (shrinking), and the refusal on deals.
@Suite struct SpendShareTests {
  static let demo = DemoData.generate(leads: 3000, seed: 7)

  static func demoCatalog() -> Catalog { EngineFixture.catalog(demo) }

  static let spendMetrics = ["spend", "cpl", "marketing_cac", "roi", "roas", "cost_per_opportunity"]

  /// Doubles of a column, nil where null.
  static func doubles(_ t: Table, _ name: String) -> [Double?] {
    guard let c = t.column(name) else { return [] }
    return (0..<c.count).map { c.value(at: $0).doubleValue }
  }

  static func scalar(_ text: String, _ catalog: Catalog) throws -> Double {
    let t = try EngineFixture.table(text, in: catalog)
    return try #require(doubles(t, t.names.last ?? "").first ?? nil)
  }

  /// Whether two sums agree to a billionth of their size.
  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

  /// The spend of the campaigns that have at least one lead, computed here from the tables.
  static func spendOfCampaignsWithLeads(_ catalog: Catalog, by unit: String = "leads") -> Double {
    guard let campaigns = catalog.dataset("campaigns"), let units = catalog.dataset(unit),
      let ids = campaigns.column("campaign_id"), let spend = campaigns.column("spend"),
      let used = units.column("campaign_id")
    else { return .nan }
    let usedIds = Set((0..<used.count).compactMap { used.value(at: $0).doubleValue.map { Int64($0) } })
    return (0..<campaigns.rowCount).reduce(0.0) { sum, r in
      guard let id = ids.value(at: r).doubleValue.map { Int64($0) }, usedIds.contains(id) else { return sum }
      return sum + (spend.value(at: r).doubleValue ?? 0)
    }
  }

  @Test func demoLeadsHaveOnlyKnownCampaigns() throws {
    // The invariants below count a group's credited leads as those with a campaign_id.
    let catalog = Self.demoCatalog()
    let known = try Self.scalar("campaigns | agg n = count_distinct(campaign_id)", catalog)
    let used = try Self.scalar("leads | agg n = count_distinct(campaign_id)", catalog)
    #expect(used <= known)
  }

  @Test(arguments: demo.all.first { $0.0 == "leads" }!.1.names)
  func spendAddsUpGroupedBy(_ column: String) throws {
    let catalog = Self.demoCatalog()
    let key = column
    let t = try EngineFixture.table(
      "leads | agg l = count_if(campaign_id != null), cpl(), roas(), roi(), marketing_cac(), "
        + "cost_per_opportunity(), spend(), t = spend(share = \"touches\") by \(key)", in: catalog)
    let leads = Self.doubles(t, "l"), cpl = Self.doubles(t, "cpl"), roas = Self.doubles(t, "roas")
    let roi = Self.doubles(t, "roi"), cac = Self.doubles(t, "marketing_cac")
    let cpo = Self.doubles(t, "cost_per_opportunity"), byTouches = Self.doubles(t, "t")
    let spends = Self.doubles(t, "spend")
    var spend = 0.0, revenue = 0.0, revenueFromRoi = 0.0, won = 0.0, deals = 0.0, touchSpend = 0.0
    for g in 0..<t.rowCount {
      let s = spends[g] ?? 0
      spend += s
      touchSpend += byTouches[g] ?? 0
      #expect(cpl[g] == nil || Self.close((cpl[g] ?? 0) * (leads[g] ?? 0), s))
      revenue += (roas[g] ?? 0) * s
      revenueFromRoi += roi[g].map { ($0 + 1) * s } ?? 0
      won += cac[g].map { s / $0 } ?? 0
      deals += cpo[g].map { s / $0 } ?? 0
    }
    // The groups' spend is the spend of the campaigns with leads, never more.
    #expect(Self.close(spend, Self.spendOfCampaignsWithLeads(catalog)), "\(key): \(spend)")
    #expect(Self.close(touchSpend, Self.spendOfCampaignsWithLeads(catalog, by: "touches")), "\(key): \(touchSpend)")
    // What each metric divides or multiplies by adds up to the whole data's.
    let total = try Self.scalar("campaigns | agg s = sum(spend)", catalog)
    let totalRoas = try Self.scalar("campaigns | agg roas()", catalog)
    let totalCac = try Self.scalar("campaigns | agg marketing_cac()", catalog)
    let totalCpo = try Self.scalar("campaigns | agg cost_per_opportunity()", catalog)
    #expect(Self.close(revenue, totalRoas * total), "\(key): revenue \(revenue)")
    #expect(Self.close(revenueFromRoi, totalRoas * total), "\(key): revenue by roi \(revenueFromRoi)")
    #expect(Self.close(won, total / totalCac), "\(key): won \(won)")
    #expect(Self.close(deals, total / totalCpo), "\(key): deals \(deals)")
  }

  @Test(arguments: spendMetrics)
  func sameValueOnCampaignsAndLeads(_ metric: String) throws {
    let catalog = Self.demoCatalog()
    let a = try Self.scalar("campaigns | agg \(metric)()", catalog)
    let b = try Self.scalar("leads | agg \(metric)()", catalog)
    #expect(Self.close(a, b), "\(metric): \(a) on campaigns, \(b) on leads")
  }

  @Test(arguments: spendMetrics + ["ctr"])
  func refusedOnDealsAndTouches(_ metric: String) throws {
    let catalog = Self.demoCatalog()
    let deals = try #require(catalog.dataset("deals")).names
    for (dataset, column) in deals.map({ ("deals", $0) }) + [("touches", "kind"), ("deals", "")] {
      let by = column.isEmpty ? "" : " by \(column)"
      do {
        _ = try EngineFixture.table("\(dataset) | agg \(metric)()\(by)", in: catalog)
        Issue.record("\(dataset) | agg \(metric)()\(by) ran")
      } catch let list as DiagnosticList {
        let d = try #require(list.diagnostics.first)
        #expect(d.message.contains("runs on campaigns or leads"), "\(d.message)")
        #expect(d.span != nil)
      }
    }
  }

  @Test func aFilterGivesItsGroupsValue() throws {
    let catalog = Self.demoCatalog()
    let t = try EngineFixture.table("leads | agg cpl(), roas() by region", in: catalog)
    let regions = EngineFixture.texts(t, "region")
    for (g, region) in regions.enumerated() where !region.isEmpty {
      let f = try EngineFixture.table("leads | where region == \"\(region)\" | agg cpl(), roas()", in: catalog)
      #expect(Self.close(Self.doubles(f, "cpl")[0] ?? .nan, Self.doubles(t, "cpl")[g] ?? .nan))
      #expect(Self.close(Self.doubles(f, "roas")[0] ?? .nan, Self.doubles(t, "roas")[g] ?? .nan))
    }
  }

  /// Random campaigns and leads: some leads without a campaign or with an
  /// unknown one, campaigns without leads, a campaign id on two rows.
  static func randomCatalog(_ choices: inout ChoiceStream) -> Catalog {
    let campaignCount = choices.int(1...6)
    var ids: [Value] = (1...campaignCount).map { .int(Int64($0)) }
    if choices.chance(0.2) { ids.append(.int(1)) }
    let spend: [Value] = ids.map { _ in .decimal(choices.int64(0...500_000), scale: 2) }
    let leadCount = choices.int(0...40)
    var leadCampaigns: [Value] = []
    var groups: [Value] = []
    for _ in 0..<leadCount {
      let c = choices.int(0...campaignCount + 1)
      leadCampaigns.append(c == 0 ? .null : .int(Int64(c)))
      groups.append(.string(["a", "b", "c"][choices.int(0...2)]))
    }
    let c = Catalog()
    c.setDataset(
      "campaigns",
      EngineFixture.table([
        ("campaign_id", .int, ids), ("spend", .decimal(scale: 2), spend),
      ]))
    c.setDataset(
      "leads",
      EngineFixture.table([
        ("lead_id", .int, (0..<leadCount).map { .int(Int64($0 + 1)) }),
        ("campaign_id", .int, leadCampaigns), ("grp", .string, groups),
      ]))
    return c
  }

  @Test func randomDataSharesSpendExactlyOnce() async {
    await propertyCheck(count: 150, input: ChoiceStream.lists) { list in
      var choices = ChoiceStream(list)
      let catalog = Self.randomCatalog(&choices)
      let t = try EngineFixture.table(
        "leads | agg l = count_if(campaign_id != null), cpl() by grp", in: catalog)
      let leads = Self.doubles(t, "l"), cpl = Self.doubles(t, "cpl")
      // A lead whose campaign is unknown has none: count only leads of known campaigns.
      let known = try EngineFixture.table(
        "leads | join campaigns on campaign_id | agg l = count_distinct(lead_id) by grp", in: catalog)
      var byGroup: [String: Double] = [:]
      for (i, g) in EngineFixture.texts(known, "grp").enumerated() { byGroup[g] = Self.doubles(known, "l")[i] }
      var spend = 0.0
      for (g, name) in EngineFixture.texts(t, "grp").enumerated() {
        if cpl[g] == nil { continue }
        spend += (cpl[g] ?? 0) * (byGroup[name] ?? leads[g] ?? 0)
      }
      let expected = Self.spendOfCampaignsWithLeads(catalog)
      #expect(Self.close(spend, expected), "\(spend) vs \(expected)")
    }
  }
}
