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
}
