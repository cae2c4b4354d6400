import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// `lead_velocity_rate()`: MQLs of each month against the previous calendar
/// month's, by hand over nine leads.
///
///     lead  stage  mql_at      channel  created_at
///     1     mql    2026-01-05  email    2026-01-03
///     2     sql    2026-01-20  email    2026-01-04
///     3     lead   null        email    2026-02-07
///     4     mql    2026-02-03  paid     2026-02-01
///     5     won    2026-02-10  email    2026-02-02
///     6     mql    2026-02-15  email    2026-02-05
///     7     mql    2026-04-01  email    2026-03-09
///     8     sql    null        paid     2026-03-10
///     9     mql    2026-05-02  paid     2026-05-01
///
/// By month(mql_at): 2026-01 has 2 MQLs, 02 has 3, 03 none (no row), 04 has
/// 1, 05 has 1; the null month holds leads 3 and 8 (8 reached mql by its stage).
@Suite struct LeadVelocityTests {
  typealias F = EngineFixture

  static func catalog() -> Catalog {
    let c = F.catalog()
    c.setDataset(
      "leads",
      F.table([
        ("lead_id", .int, (1...9).map { .int($0) }),
        ("stage", .string, ["mql", "sql", "lead", "mql", "won", "mql", "mql", "sql", "mql"].map(F.text)),
        (
          "mql_at", .date,
          ["2026-01-05", "2026-01-20", nil, "2026-02-03", "2026-02-10", "2026-02-15", "2026-04-01", nil, "2026-05-02"]
            .map { $0.map(F.day) ?? .null }
        ),
        (
          "channel", .string,
          ["email", "email", "email", "paid", "email", "email", "email", "paid", "paid"].map(F.text)
        ),
        (
          "created_at", .date,
          [
            "2026-01-03", "2026-01-04", "2026-02-07", "2026-02-01", "2026-02-02", "2026-02-05", "2026-03-09",
            "2026-03-10", "2026-05-01",
          ].map(F.day)
        ),
      ]))
    return c
  }

  @Test func eachMonthAgainstThePreviousCalendarMonth() throws {
    let t = try F.table(
      "leads | agg mqls = count_if(reached(\"mql\")), lvr = lead_velocity_rate() by m = month(mql_at)",
      in: Self.catalog())
    #expect(t.names == ["m", "mqls", "lvr"])
    // January is first; April follows February, not March: no growth to tell; the null month has none.
    #expect(F.rows(t) == ["2026-01|2|", "2026-02|3|0.5", "2026-04|1|", "2026-05|1|0", "|1|"])
    #expect(t.column("lvr")?.hint == .rate && t.column("lvr")?.type == .double)
  }

  @Test func otherKeysSplitTheSeries() throws {
    let t = try F.table("leads | agg lvr = lead_velocity_rate() by channel, m = month(mql_at)", in: Self.catalog())
    #expect(
      F.rows(t) == [
        "email|2026-01|", "email|2026-02|0", "email|2026-04|", "email||", "paid|2026-02|", "paid|2026-05|",
        "paid||",
      ])
  }

  @Test func aMonthWithoutMQLsHasNoGrowthAfterIt() throws {
    // Without leads 4, 5 and 6, by month(created_at): January 2 MQLs, February none (lead 3), March 2, May 1.
    let t = try F.table(
      "leads | where lead_id != 5 and lead_id != 6 and lead_id != 4 | agg n = count(), "
        + "lvr = lead_velocity_rate() by m = month(created_at)", in: Self.catalog())
    // February: only lead 3, which never reached mql: 0 MQLs, a fall of 100%; March grows from 0: null.
    #expect(F.rows(t) == ["2026-01|2|", "2026-02|1|-1", "2026-03|2|", "2026-05|1|"])
  }

  @Test func itComposesWithOtherOutputs() throws {
    let t = try F.table(
      "leads | agg pct = lead_velocity_rate() * 100, n = count() by m = month(mql_at) | where m != null",
      in: Self.catalog())
    #expect(F.rows(t) == ["2026-01||2", "2026-02|50|3", "2026-04||1", "2026-05|0|1"])
  }

  @Test func thePlanComparesAfterTheAggregation() throws {
    let prepared = try Engine.prepare(
      try F.statement("leads | agg lvr = lead_velocity_rate() by channel, m = month(mql_at)"), in: Self.catalog())
    let text = prepared.plan.explain()
    #expect(text.contains("compute window functions lead_velocity_rate() over (by channel sort m)"))
    #expect(text.hasSuffix("keep columns channel, m, lvr"))
  }
}
