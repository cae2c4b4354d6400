import FunnelData
import Testing

@testable import FunnelEngine

/// `funnel` on the fixture's six leads, worked out by hand.
@Suite struct VocabularyFunnelTests {
  typealias F = VocabularyFixture

  @Test func defaultStepsOverAllLeads() throws {
    let t = try FunnelVerb.run(leads: F.leads, steps: nil, keys: [], withinDays: nil)
    #expect(t.names == ["step", "count", "step_conversion", "overall_conversion", "drop_off", "median_days"])
    #expect(F.texts(t.column("step")) == ["lead", "mql", "sql", "opportunity", "won"])
    #expect(F.texts(t.column("count")) == ["6", "5", "3", "2", "1"])
    #expect(F.closeAll(F.doubles(t.column("step_conversion")), [1, 5.0 / 6, 0.6, 2.0 / 3, 0.5]))
    #expect(F.closeAll(F.doubles(t.column("overall_conversion")), [1, 5.0 / 6, 0.5, 1.0 / 3, 1.0 / 6]))
    #expect(F.texts(t.column("drop_off")) == ["0", "1", "2", "1", "1"])
    // mql: 2, 3, 1, 2 days (lead 6 has no mql_at); sql: 7, 15, 3; opportunity: 5, 17; won: 36.
    #expect(F.closeAll(F.doubles(t.column("median_days")), [nil, 2, 7, 11, 36]))
    #expect(t.column("step_conversion")?.hint == .rate)
  }

  @Test func windowFromTheFirstListedStep() throws {
    let t = try FunnelVerb.run(leads: F.leads, steps: ["mql", "sql", "won"], keys: [], withinDays: 30)
    // Lead 6 reached mql by its stage but has no date: out once there is a window.
    // Lead 1 won 48 days after its mql: outside 30 days.
    #expect(F.texts(t.column("count")) == ["4", "3", "0"])
    #expect(F.closeAll(F.doubles(t.column("step_conversion")), [1, 0.75, 0]))
    #expect(F.texts(t.column("drop_off")) == ["0", "1", "3"])
    #expect(F.closeAll(F.doubles(t.column("median_days")), [nil, 7, nil]))
    let wide = try FunnelVerb.run(leads: F.leads, steps: ["mql", "sql", "won"], keys: [], withinDays: 48)
    #expect(F.texts(wide.column("count")) == ["4", "3", "1"])
  }

  @Test func oneFunnelPerKeyInKeyOrder() throws {
    // Keys arrive evaluated; pass them unordered (social first) to see the sort.
    let channel = F.leads.column("channel")!
    let t = try FunnelVerb.run(leads: F.leads, steps: nil, keys: [("channel", channel)], withinDays: nil)
    #expect(t.names.first == "channel")
    #expect(F.texts(t.column("channel")) == Array(repeating: "search", count: 5) + Array(repeating: "social", count: 5))
    #expect(F.texts(t.column("count")) == ["4", "3", "2", "1", "1", "2", "2", "1", "1", "0"])
    #expect(F.closeAll(F.doubles(t.column("step_conversion")).suffix(5).map { $0 }, [1, 1, 0.5, 1, 0]))
  }

  @Test func nullKeysComeLast() throws {
    let key = Column.make(.string, [.null, .string("b"), .string("a"), .null, .string("a"), .string("b")])
    let t = try FunnelVerb.run(leads: F.leads, steps: ["lead"], keys: [("k", key)], withinDays: nil)
    #expect(F.texts(t.column("k")) == ["a", "b", ""])
    #expect(F.texts(t.column("count")) == ["2", "2", "2"])
  }

  @Test func problems() {
    let p = FunnelVerb.check(columns: F.leads.names, steps: ["mql", "closed"])
    #expect(p?.message == "funnel: 'closed' is not a lead stage")
    #expect(p?.hints.last == "the lead stages are lead, mql, sql, opportunity, won")
    #expect(FunnelVerb.check(columns: ["lead_id", "created_at"], steps: ["sql"]) != nil)
    #expect(FunnelVerb.check(columns: ["lead_id", "sql_at"], steps: ["lead", "sql"]) == nil)
    #expect(throws: MetricProblem.self) {
      try FunnelVerb.run(leads: F.leads.gather([0]), steps: ["won", "lost"], keys: [], withinDays: nil)
    }
  }

  /// Eight deals: won; open at proposal; lost at prospecting, qualification
  /// (two), proposal and negotiation; lost with no lost_stage.
  static let lostDeals = F.table([
    ("deal_id", .int, (1...8).map { F.int(Int64($0)) }),
    (
      "stage", .string,
      [
        "closed_won", "proposal", "closed_lost", "closed_lost", "closed_lost", "closed_lost", "closed_lost",
        "closed_lost",
      ].map { F.text($0) }
    ),
    (
      "lost_stage", .string,
      [nil, nil, "prospecting", "qualification", "Qualification", "proposal", "negotiation", nil].map { F.text($0) }
    ),
  ])

  static let withoutLostStage = Table(
    names: ["deal_id", "stage"], columns: ["deal_id", "stage"].compactMap { lostDeals.column($0) })

  @Test func aLostDealCountsUpToTheStageItWasLostIn() throws {
    let t = try FunnelVerb.run(leads: Self.lostDeals, steps: nil, keys: [], withinDays: nil)
    #expect(F.texts(t.column("step")) == ["prospecting", "qualification", "proposal", "negotiation", "closed_won"])
    // prospecting: all 8. qualification: all but deals 3 and 8 (lost at prospecting, or where unknown).
    // proposal: deals 1, 2, 6, 7. negotiation: 1 and 7. closed_won: 1.
    #expect(F.texts(t.column("count")) == ["8", "6", "4", "2", "1"])
    #expect(F.texts(t.column("drop_off")) == ["0", "2", "2", "2", "1"])
    #expect(DealFunnel.note(columns: Self.lostDeals.names, steps: nil) == nil)
  }

  @Test func withoutLostStageALostDealCountsAtProspectingOnlyAndANoteSaysSo() throws {
    let deals = Self.withoutLostStage
    let t = try FunnelVerb.run(leads: deals, steps: nil, keys: [], withinDays: nil)
    #expect(F.texts(t.column("count")) == ["8", "2", "2", "1", "1"])
    let note = DealFunnel.note(columns: deals.names, steps: nil)
    #expect(note?.contains("no lost_stage column") == true)
    let steps = try FunnelVerb.run(leads: deals, steps: ["qualification", "closed_won"], keys: [], withinDays: nil)
    #expect(F.texts(steps.column("count")) == ["2", "1"])
    #expect(DealFunnel.note(columns: F.leads.names, steps: nil) == nil)
  }

  @Test func lostStageOfNumbersIsAnError() throws {
    var deals = Self.withoutLostStage
    deals.append(column: Column(.int([Int64](repeating: 1, count: 8))), named: "lost_stage")
    #expect(throws: MetricProblem.self) { try FunnelVerb.run(leads: deals, steps: nil, keys: [], withinDays: nil) }
  }

  /// reached() over deals counts as the deal funnel does, lost_stage included.
  @Test func reachedAgreesWithTheDealFunnel() throws {
    for deals in [Self.lostDeals, Self.withoutLostStage] {
      let catalog = EngineFixture.catalog()
      catalog.setDataset("deals", deals)
      let counts = DealFunnel.stages.map { "count_if(reached(\"\($0)\"))" }.joined(separator: ", ")
      let t = try EngineFixture.table("deals | agg " + counts, in: catalog)
      let funnel = try FunnelVerb.run(leads: deals, steps: nil, keys: [], withinDays: nil)
      #expect(t.columns.map { $0.value(at: 0).rawText } == F.texts(funnel.column("count")))
    }
  }
}
