import FunnelData
import Testing

@testable import FunnelEngine

/// `leads | stage_durations` over leads worked out by hand (today 2026-07-01):
/// each stage date is a change, and a visit lasts until the lead's next one.
@Suite struct VocabularyLeadStageDurationsTests {
  typealias F = VocabularyFixture

  /// One lead a row: created_at, mql_at, sql_at, opportunity_at, won_at, lost_at.
  static func leads(_ rows: [[String?]], channels: [String?]? = nil) -> Table {
    var columns: [(String, DataType, [Value])] = LeadStageDurations.dateColumns.enumerated().map { i, name in
      (name, .date, rows.map { F.date($0[i]) })
    }
    if let channels { columns.insert(("channel", .string, channels.map { F.text($0) }), at: 0) }
    return F.table(columns)
  }

  /// L1: same-day mql (lead 0), sql 10 days later, lost 21 after. L2: sql with
  /// no mql (lead 4, mql skipped), still in sql since 01-05 (177 days). L3: the
  /// whole path, won. L4: still a lead since 06-01 (30). L5: no created_at (no
  /// lead visit), mql 10 days, lost. L6: lead, opportunity and won on one day.
  /// L7: mql_at before created_at: mql 7 days, then open in lead since 04-01
  /// (91). L8: won 05-04 and lost 05-06: lead 3 days. L9: only created_at, open
  /// since 05-01 (61).
  static let messy = leads(
    [
      ["2026-01-01", "2026-01-01", "2026-01-11", nil, nil, "2026-02-01"],
      ["2026-01-01", nil, "2026-01-05", nil, nil, nil],
      ["2026-03-01", "2026-03-11", "2026-03-21", "2026-04-01", "2026-05-01", nil],
      ["2026-06-01", nil, nil, nil, nil, nil],
      [nil, "2026-02-01", nil, nil, nil, "2026-02-11"],
      ["2026-02-01", nil, nil, "2026-02-01", "2026-02-01", nil],
      ["2026-04-01", "2026-03-25", nil, nil, nil, nil],
      ["2026-05-01", nil, nil, nil, "2026-05-04", "2026-05-06"],
      ["2026-05-01", nil, nil, nil, nil, nil],
    ], channels: ["email", "email", "paid", "paid", "email", nil, "paid", "paid", "email"])

  @Test func visitsOfEachStage() throws {
    let t = try StageDurationsVerb.run(deals: Self.messy, keys: [], changes: nil, today: F.today)
    #expect(t.names == ["stage", "entered", "exited", "mean_days", "median_days", "open", "open_median_age_days"])
    #expect(F.texts(t.column("stage")) == ["lead", "mql", "sql", "opportunity"])
    #expect(F.texts(t.column("entered")) == ["8", "4", "3", "2"])
    #expect(F.texts(t.column("exited")) == ["5", "4", "2", "2"])
    #expect(F.closeAll(F.doubles(t.column("mean_days")), [3.4, 9.25, 16, 15]))
    #expect(F.closeAll(F.doubles(t.column("median_days")), [3, 10, 16, 15]))
    #expect(F.texts(t.column("open")) == ["3", "0", "1", "0"])
    #expect(F.closeAll(F.doubles(t.column("open_median_age_days")), [61, nil, 177, nil]))
  }

  @Test func byKeyEveryGroupHasFourRows() throws {
    let channel = try #require(Self.messy.column("channel"))
    let t = try StageDurationsVerb.run(
      deals: Self.messy, keys: [("channel", channel)], changes: nil, today: F.today)
    let names = try #require(t.column("channel"))
    #expect(F.texts(names).prefix(8) == ["email", "email", "email", "email", "paid", "paid", "paid", "paid"])
    #expect((8..<12).allSatisfy { names.isNull($0) })
    #expect(F.texts(t.column("entered")) == ["3", "2", "2", "0", "4", "2", "1", "1", "1", "0", "0", "1"])
    #expect(
      F.closeAll(
        F.doubles(t.column("mean_days")), [2, 10, 21, nil, 6.5, 8.5, 11, 30, 0, nil, nil, 0]))
    #expect(
      F.closeAll(
        F.doubles(t.column("open_median_age_days")), [61, nil, 177, nil, 60.5, nil, nil, nil, nil, nil, nil, nil]))
  }

  /// A skipped stage is not visited: the stage before lasts until the next date.
  @Test func aSkippedStageIsNotVisited() throws {
    let t = try StageDurationsVerb.run(
      deals: Self.leads([["2026-01-01", nil, nil, "2026-01-31", nil, "2026-02-10"]]), keys: [], changes: nil,
      today: F.today)
    #expect(F.texts(t.column("entered")) == ["1", "0", "0", "1"])
    #expect(F.closeAll(F.doubles(t.column("median_days")), [30, nil, nil, 10]))
    #expect(F.texts(t.column("open")) == ["0", "0", "0", "0"])
  }

  /// Won and lost end the path: the stage the lead was in is exited; a lead with
  /// neither and no later date is open, whatever its stage column says.
  @Test func wonAndLostEndThePath() throws {
    let t = try StageDurationsVerb.run(
      deals: Self.leads([
        ["2026-06-01", "2026-06-11", nil, nil, nil, "2026-06-21"],
        ["2026-06-01", "2026-06-11", nil, nil, nil, nil],
      ]), keys: [], changes: nil, today: F.today)
    #expect(F.texts(t.column("entered")) == ["2", "2", "0", "0"])
    #expect(F.texts(t.column("exited")) == ["2", "1", "0", "0"])
    #expect(F.closeAll(F.doubles(t.column("median_days")), [10, 10, nil, nil]))
    #expect(F.closeAll(F.doubles(t.column("open_median_age_days")), [nil, 20, nil, nil]))
  }

  /// A timestamp counts by its day; steps on one day make visits of 0 days.
  @Test func timestampsCountByTheirDay() throws {
    var columns: [(String, DataType, [Value])] = LeadStageDurations.dateColumns.map { ($0, .date, [F.date(nil)]) }
    columns[0] = ("created_at", .timestamp, [F.time("2026-06-01", 23)])
    columns[1] = ("mql_at", .timestamp, [F.time("2026-06-02", 1)])
    columns[2] = ("sql_at", .timestamp, [F.time("2026-06-02", 9)])
    let t = try StageDurationsVerb.run(deals: F.table(columns), keys: [], changes: nil, today: F.today)
    #expect(F.closeAll(F.doubles(t.column("median_days")), [1, 0, nil, nil]))
    #expect(F.closeAll(F.doubles(t.column("open_median_age_days")), [nil, nil, 29, nil]))
  }

  /// entered = exited + open, whatever the order of the rows.
  @Test func everyVisitEndsOrIsOpen() throws {
    let reversed = Self.messy.gather(Array((0..<Int32(Self.messy.rowCount)).reversed()))
    let a = try StageDurationsVerb.run(deals: Self.messy, keys: [], changes: nil, today: F.today)
    let b = try StageDurationsVerb.run(deals: reversed, keys: [], changes: nil, today: F.today)
    for c in a.names { #expect(F.texts(a.column(c)) == F.texts(b.column(c)), "\(c)") }
    let entered = F.doubles(a.column("entered")), exited = F.doubles(a.column("exited"))
    let open = F.doubles(a.column("open"))
    for i in entered.indices { #expect(entered[i] == (exited[i] ?? 0) + (open[i] ?? 0)) }
  }

  @Test func overNoLeadsFourEmptyRows() throws {
    let t = try StageDurationsVerb.run(deals: Self.messy.gather([]), keys: [], changes: nil, today: F.today)
    #expect(F.texts(t.column("entered")) == ["0", "0", "0", "0"])
    #expect(F.doubles(t.column("median_days")) == [nil, nil, nil, nil])
  }

  /// Rows are deals when they have a deal_id and no mql_at, as `funnel` reads them.
  @Test func leadsAndDealsAreToldApart() {
    #expect(StageDurationsVerb.overLeads(columns: ["lead_id", "created_at", "mql_at"]))
    #expect(StageDurationsVerb.overLeads(columns: ["deal_id", "lead_id", "mql_at"]))
    #expect(!StageDurationsVerb.overLeads(columns: ["deal_id", "lead_id", "stage"]))
    #expect(
      StageDurationsVerb.check(columns: ["campaign_id"], changes: nil)?.message
        .hasPrefix("stage_durations needs deal_id") == true)
    #expect(
      StageDurationsVerb.check(columns: ["created_at", "mql_at", "sql_at"], changes: nil)?.message
        == "stage_durations needs opportunity_at: the rows are leads and have no column opportunity_at")
    #expect(
      StageDurationsVerb.checkLeadTypes([.date, .timestamp, .string])?.message
        == "sql_at must be a date or a timestamp, not text")
  }
}
