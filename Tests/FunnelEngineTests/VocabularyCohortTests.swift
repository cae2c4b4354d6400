import FunnelData
import Testing

@testable import FunnelEngine

/// `cohort` on the fixture's leads: January (leads 1-4) and February (5, 6).
@Suite struct VocabularyCohortTests {
  typealias F = VocabularyFixture

  var months: Column {
    let created = F.leads.column("created_at") ?? Column.empty(.date, count: 0, allNull: true)
    return Column.make(
      .period(.month),
      (0..<created.count).map { row -> Value in
        guard case .date(let d) = created.value(at: row) else { return .null }
        return .period(Periods.bucket(day: d, unit: .month), .month)
      })
  }

  @Test func stageSharesPerCohort() throws {
    let t = try CohortVerb.run(leads: F.leads, cohort: months, cohortName: "month", keys: [], byMonths: false)
    #expect(t.names == ["month", "leads", "mql", "sql", "opportunity", "won"])
    #expect(F.texts(t.column("month")) == ["2026-01", "2026-02"])
    #expect(F.texts(t.column("leads")) == ["4", "2"])
    #expect(F.closeAll(F.doubles(t.column("mql")), [1, 0.5]))
    #expect(F.closeAll(F.doubles(t.column("sql")), [0.75, 0]))
    #expect(F.closeAll(F.doubles(t.column("opportunity")), [0.5, 0]))
    #expect(F.closeAll(F.doubles(t.column("won")), [0.25, 0]))
    #expect(t.column("won")?.hint == .rate)
  }

  @Test func wonByMonthsSinceTheCohortStart() throws {
    let t = try CohortVerb.run(leads: F.leads, cohort: months, cohortName: "month", keys: [], byMonths: true)
    // Lead 1 (January) won on 02-20: one whole month after 01-01.
    #expect(t.names == ["month", "leads"] + (0...12).map { "m\($0)" })
    #expect(F.closeAll(F.doubles(t.column("m0")), [0, 0]))
    // The fixture's last date is in February: February's month 1 and both
    // cohorts' month 12 had not begun, so they are null.
    #expect(F.closeAll(F.doubles(t.column("m1")), [0.25, nil]))
    #expect(F.closeAll(F.doubles(t.column("m12")), [nil, nil]))
  }

  @Test func keysFollowTheCohort() throws {
    let t = try CohortVerb.run(
      leads: F.leads, cohort: months, cohortName: "month",
      keys: [("channel", F.leads.column("channel")!)], byMonths: false)
    #expect(t.names.prefix(3) == ["month", "channel", "leads"])
    #expect(F.texts(t.column("channel")) == ["search", "social", "search"])
    #expect(F.texts(t.column("leads")) == ["2", "2", "2"])
  }

  @Test func calendarMonths() {
    let d = F.day
    #expect(CohortVerb.monthsBetween(d("2026-01-31"), d("2026-02-28")) == 0)
    #expect(CohortVerb.monthsBetween(d("2026-01-31"), d("2026-03-01")) == 1)
    #expect(CohortVerb.monthsBetween(d("2026-01-01"), d("2026-01-31")) == 0)
    #expect(CohortVerb.monthsBetween(d("2025-12-15"), d("2026-12-15")) == 12)
  }
}
