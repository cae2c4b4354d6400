import FunnelData
import Testing

@testable import FunnelEngine

/// Metric values on the fixture, worked out by hand.
@Suite struct MetricTests {
  typealias F = VocabularyFixture

  func whole(_ name: String, _ origin: String, _ arguments: [Value] = []) throws -> Double? {
    guard let input = F.datasets(origin) else { return nil }
    let column = try MetricEvaluator.evaluate(
      name, arguments: arguments, input: input, grouping: .single(rows: input.rowCount), context: F.context(origin))
    return column.value(at: 0).doubleValue
  }

  /// (metric, rows, expected value over the whole fixture).
  static let wholeDataCases: [(String, String, Double)] = [
    // Deals: won 10 and 13, lost 12, open 11.
    ("win_rate", "deals", 2.0 / 3.0),
    ("avg_deal_size", "deals", 7500.125),
    ("acv", "deals", (12_000 + 3_000.25 / 3) / 2),  // a year of 12,000 and a third of 3,000.25 (36 months)
    ("sales_cycle_days", "deals", 30),  // 36 and 24 days
    ("pipeline_value", "deals", 8000.50),
    ("pipeline_velocity", "deals", 1 * (2.0 / 3.0) * 7500.125 / 30),
    ("avg_touches_to_close", "deals", 2),  // four touches for deal 10, none for 13
    // Campaigns: spend 1750.75, leads 1-5 (lead 6 has no campaign), all four deals.
    ("cpl", "campaigns", 350.15),
    ("marketing_cac", "campaigns", 875.375),
    // 1,750.75 ÷ 2 won deals, plus costs of 3,502.00 ÷ the 2 won deals of all deals.
    ("cac", "campaigns", 875.375 + 1751),
    // cac ÷ the mean monthly revenue of won deals 10 (12,000 over 12 months) and 13 (3,000.25 over 36).
    ("cac_payback_months", "campaigns", (875.375 + 1751) / ((1000 + 3000.25 / 36) / 2)),
    ("roi", "campaigns", (15000.25 - 1750.75) / 1750.75),
    ("roas", "campaigns", 15000.25 / 1750.75),
    ("ctr", "campaigns", 0.01),
    ("cost_per_opportunity", "campaigns", 437.6875),
    ("win_rate", "campaigns", 2.0 / 3.0),
    // Leads: mql reached by 1-4 (dates) and 6 (stage); sql by 1, 2, 4; won by 1.
    ("mql_rate", "leads", 5.0 / 6),
    ("mql_to_sql_rate", "leads", 0.6),
    // Lead 6 has no campaign: five leads bought with the spend.
    ("cpl", "leads", 1750.75 / 5),
    ("marketing_cac", "leads", 875.375),
    ("cac", "leads", 875.375 + 1751),
    ("cac_payback_months", "leads", (875.375 + 1751) / ((1000 + 3000.25 / 36) / 2)),
    ("roas", "leads", 15000.25 / 1750.75),
    ("spend", "leads", 1750.75),
    ("win_rate", "leads", 2.0 / 3.0),
    // Speed to lead: lead 1 was created by touch 100 (01-01 09:00) and first called by touch 103
    // (02-18 10:00), 48 days and an hour later; leads 2 and 4 have creation touches and no sales touch.
    ("speed_to_lead_hours", "leads", 48 * 24 + 1),
    ("speed_to_lead_1h_share", "leads", 0),
    ("speed_to_lead_24h_share", "leads", 0),
  ]

  @Test(arguments: wholeDataCases)
  func wholeData(name: String, origin: String, expected: Double) throws {
    let got = try whole(name, origin)
    #expect(F.close(got, expected), "\(name) over \(origin): \(String(describing: got)) vs \(expected)")
  }

  @Test func conversionBetweenStages() throws {
    #expect(F.close(try whole("conversion", "leads", [.string("mql"), .string("won")]), 0.2))
    #expect(F.close(try whole("conversion", "leads", [.string("lead"), .string("sql")]), 0.5))
    #expect(throws: MetricProblem.self) { try whole("conversion", "leads", [.string("mql"), .string("closed")]) }
  }

  @Test func groupedByChannelOverCampaigns() throws {
    let campaigns = F.campaigns
    // Campaigns 1 and 3 are search (group 0), 2 is social (group 1).
    let grouping = Grouping(groupOfRow: [0, 1, 0], groupCount: 2)
    func metric(_ name: String) throws -> [Double?] {
      F.doubles(
        try MetricEvaluator.evaluate(
          name, arguments: [], input: campaigns, grouping: grouping,
          context: F.context("campaigns")))
    }
    #expect(F.closeAll(try metric("cpl"), [1250.25 / 3, 500.50 / 2]))
    #expect(F.closeAll(try metric("win_rate"), [0.5, 1]))
    #expect(F.closeAll(try metric("roas"), [12000 / 1250.25, 3000.25 / 500.50]))
    #expect(F.closeAll(try metric("pipeline_value"), [0, 8000.50]))
    #expect(F.closeAll(try metric("ctr"), [0.02, 0.005]))
    #expect(F.closeAll(try metric("sales_cycle_days"), [36, 24]))
  }

  @Test func spendIsSharedAmongGroupsOfLeads() throws {
    // Leads 1, 3, 5 and 2, 4, 6: campaigns 1 and 2 each have a lead on both sides.
    let grouping = Grouping(groupOfRow: [0, 1, 0, 1, 0, 1], groupCount: 2)
    func metric(_ call: MetricCall) throws -> [Double?] {
      F.doubles(try MetricEvaluator.evaluate(call, input: F.leads, grouping: grouping, context: F.context("leads")))
    }
    // Campaign 1 (1,000.00) half each, campaign 2 (500.50) half each, campaign 3 (250.25) to lead 5.
    #expect(F.closeAll(try metric(MetricCall(name: "spend")), [1000.50, 750.25]))
    #expect(F.closeAll(try metric(MetricCall(name: "cpl")), [1000.50 / 3, 750.25 / 2]))
    // Won deals 10 (lead 1, 12,000.00) and 13 (lead 3, 3,000.25) are both on the first side.
    #expect(F.closeAll(try metric(MetricCall(name: "roas")), [15000.25 / 1000.50, 0]))
    var byTouches = MetricCall(name: "spend")
    byTouches.shareBy = .touches
    // Touches: campaign 1 has 4 (2 of lead 1, 1 of lead 4, 1 of lead 2), campaign 2 has 3
    // (2 of lead 1, 1 of lead 4), campaign 3 one (lead 1).
    #expect(
      F.closeAll(try metric(byTouches), [1000 * 2 / 4 + 500.50 * 2 / 3 + 250.25, 1000 * 2 / 4 + 500.50 / 3]))
    var margin = MetricCall(name: "roi")
    margin.margin = 0.5
    #expect(F.closeAll(try metric(margin), [(7500.125 - 1000.50) / 1000.50, -1]))
  }

  @Test func cacNeedsSalesCosts() throws {
    let marketingOnly = F.table([
      ("team", .string, [F.text("marketing")]), ("amount", .decimal(scale: 2), [F.money(100)]),
    ])
    let noCosts = F.context("campaigns") { $0 == "costs" ? nil : F.datasets($0) }
    let p = MetricEvaluator.check(MetricCall(name: "cac"), columns: F.campaigns.names, context: noCosts)
    #expect(p?.message.contains("no costs dataset is loaded") == true, "\(String(describing: p))")
    #expect(p?.hints.first?.hasPrefix("marketing_cac()") == true)
    // Rows are read when the metric runs.
    let marketing = F.context("campaigns") { $0 == "costs" ? marketingOnly : F.datasets($0) }
    do {
      _ = try MetricEvaluator.evaluate(
        MetricCall(name: "cac"), input: F.campaigns, grouping: .single(rows: 3), context: marketing)
      Issue.record("cac() ran without sales costs")
    } catch let p as MetricProblem {
      #expect(p.message.contains("costs has no row with team"), "\(p.message)")
    }
  }

  @Test func divisionByZeroIsNull() throws {
    // Campaign 3 alone: no impressions, no deals.
    let input = F.campaigns.gather([2])
    let grouping = Grouping.single(rows: 1)
    for name in ["ctr", "win_rate", "cac", "avg_deal_size", "sales_cycle_days"] {
      let c = try MetricEvaluator.evaluate(
        name, arguments: [], input: input, grouping: grouping,
        context: F.context("campaigns"))
      #expect(c.isNull(0), "\(name)")
    }
  }

  @Test func leadsWithNoCampaignHaveUnknownSpend() throws {
    let input = F.leads.gather([5])  // lead 6, no campaign
    let c = try MetricEvaluator.evaluate(
      "cpl", arguments: [], input: input, grouping: .single(rows: 1),
      context: F.context("leads"))
    #expect(c.isNull(0))
  }

  @Test func problemsNameWhatIsMissing() {
    let noCampaigns = F.context("leads") { $0 == "campaigns" ? nil : F.datasets($0) }
    let p = MetricEvaluator.check("cpl", argumentCount: 0, columns: F.leads.names, context: noCampaigns)
    #expect(p?.message == "cpl() needs spend: the rows are leads and no campaigns dataset is loaded")
    let noAmount = MetricEvaluator.check(
      "avg_deal_size", argumentCount: 0, columns: ["deal_id", "stage"],
      context: F.context("deals"))
    #expect(noAmount?.message == "avg_deal_size() needs amount: the rows are deals and have no column amount")
    #expect(noAmount?.hints.first == "map it when loading: .load deals FILE map amount = <your column>")
    // Costs have an amount, but their team and category say they are not deals.
    let costs = MetricEvaluator.check(
      "acv", argumentCount: 0, columns: ["month", "team", "category", "amount"], context: F.context(nil))
    #expect(costs?.message == "acv() needs deals, which costs do not reach")
    let noTerm = MetricEvaluator.check(
      "acv", argumentCount: 0, columns: ["deal_id", "stage", "amount"], context: F.context("deals"))
    #expect(noTerm?.message == "acv() needs term_months: the rows are deals and have no column term_months")
    let noStage = MetricEvaluator.check(
      "win_rate", argumentCount: 0, columns: ["deal_id", "amount"], context: F.context("deals"))
    #expect(noStage?.hints.last == "deals' stage reads closed_won and closed_lost; any other value is an open deal")
    #expect(
      MetricEvaluator.check("win_rte", argumentCount: 0, columns: [], context: F.context("deals"))?.hints
        == ["did you mean 'win_rate'?"])
    #expect(
      MetricEvaluator.check("conversion", argumentCount: 1, columns: F.leads.names, context: F.context("leads")) != nil)
    #expect(MetricEvaluator.check("win_rate", argumentCount: 0, columns: ["x"], context: F.context(nil)) != nil)
    #expect(MetricEvaluator.check("win_rate", argumentCount: 0, columns: F.deals.names, context: F.context(nil)) == nil)
  }

  @Test func textIdsLinkAcrossDatasets() throws {
    // The same deals and leads with text ids reach each other by text.
    func retext(_ t: Table, _ column: String) -> Table {
      var out = Table(rowCount: t.rowCount)
      for (i, name) in t.names.enumerated() {
        let c = t.columns[i]
        out.append(
          column: name == column
            ? Column.make(.string, (0..<c.count).map { .string("L\(c.value(at: $0).rawText)") }) : c,
          named: name)
      }
      return out
    }
    let leads = retext(F.leads, "lead_id"), deals = retext(F.deals, "lead_id")
    let context = F.context("leads") { $0 == "deals" ? deals : $0 == "leads" ? leads : F.datasets($0) }
    let c = try MetricEvaluator.evaluate(
      "win_rate", arguments: [], input: leads, grouping: .single(rows: 6),
      context: context)
    #expect(F.close(c.value(at: 0).doubleValue, 2.0 / 3))
  }
}
