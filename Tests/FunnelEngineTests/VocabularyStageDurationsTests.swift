import FunnelData
import Testing

@testable import FunnelEngine

/// `stage_durations` over a small history worked out by hand (today 2026-07-01).
@Suite struct VocabularyStageDurationsTests {
  typealias F = VocabularyFixture

  static let deals = F.table([
    ("deal_id", .int, [1, 2, 3, 4].map { F.int($0) }),
    ("product", .string, ["Pro", "Pro", "Starter", "Starter"].map { F.text($0) }),
  ])

  /// Deal 1: prospecting 4 days, qualification 0 (proposal the same day ranks
  /// after it), proposal 27, negotiation 9, back to proposal 10, negotiation 9,
  /// won. Deal 2: prospecting 9, then `On Hold` (no stage) until qualification,
  /// where it still is (since 06-01: 30 days). Deal 3: prospecting, still
  /// there since 06-21 (10 days). Deal 4: no history. Deal 7: not a flowing deal.
  static let changes = F.table([
    ("deal_id", .int, [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 7].map { F.int($0) }),
    (
      "stage", .string,
      [
        "proposal", "prospecting", " Qualification", "negotiation", "proposal", "negotiation", "closed_won",
        "prospecting", "On Hold", "qualification", "prospecting", "prospecting",
      ].map { F.text($0) }
    ),
    (
      "changed_at", .date,
      [
        "2026-01-05", "2026-01-01", "2026-01-05", "2026-02-01", "2026-02-10", "2026-02-20", "2026-03-01",
        "2026-04-01", "2026-04-10", "2026-06-01", "2026-06-21", "2026-01-01",
      ].map { F.date($0) }
    ),
  ])

  @Test func visitsOfEachStage() throws {
    let t = try StageDurationsVerb.run(deals: Self.deals, keys: [], changes: Self.changes, today: F.today)
    #expect(t.names == ["stage", "entered", "exited", "mean_days", "median_days", "open", "open_median_age_days"])
    #expect(F.texts(t.column("stage")) == ["prospecting", "qualification", "proposal", "negotiation"])
    #expect(F.texts(t.column("entered")) == ["3", "2", "2", "2"])
    #expect(F.texts(t.column("exited")) == ["2", "1", "2", "2"])
    #expect(F.closeAll(F.doubles(t.column("mean_days")), [6.5, 0, 18.5, 9]))
    #expect(F.closeAll(F.doubles(t.column("median_days")), [6.5, 0, 18.5, 9]))
    #expect(F.texts(t.column("open")) == ["1", "1", "0", "0"])
    #expect(F.closeAll(F.doubles(t.column("open_median_age_days")), [10, 30, nil, nil]))
  }

  @Test func byKeyEveryGroupHasFourRows() throws {
    let product = try #require(Self.deals.column("product"))
    let t = try StageDurationsVerb.run(
      deals: Self.deals, keys: [("product", product)], changes: Self.changes, today: F.today)
    #expect(F.texts(t.column("product")) == ["Pro", "Pro", "Pro", "Pro", "Starter", "Starter", "Starter", "Starter"])
    #expect(F.texts(t.column("entered")) == ["2", "2", "2", "2", "1", "0", "0", "0"])
    #expect(F.closeAll(F.doubles(t.column("mean_days")), [6.5, 0, 18.5, 9, nil, nil, nil, nil]))
  }

  /// entered = exited + open for every row, whatever the order of the rows.
  @Test func everyVisitEndsOrIsOpen() throws {
    let reversed = Self.changes.gather(Array((0..<Int32(Self.changes.rowCount)).reversed()))
    let a = try StageDurationsVerb.run(deals: Self.deals, keys: [], changes: Self.changes, today: F.today)
    let b = try StageDurationsVerb.run(deals: Self.deals, keys: [], changes: reversed, today: F.today)
    for c in a.names { #expect(F.texts(a.column(c)) == F.texts(b.column(c)), "\(c)") }
    let entered = F.doubles(a.column("entered")), exited = F.doubles(a.column("exited"))
    let open = F.doubles(a.column("open"))
    for i in entered.indices { #expect(entered[i] == (exited[i] ?? 0) + (open[i] ?? 0)) }
  }

  @Test func overNoDealsFourEmptyRows() throws {
    let none = Self.deals.gather([])
    let t = try StageDurationsVerb.run(deals: none, keys: [], changes: Self.changes, today: F.today)
    #expect(F.texts(t.column("entered")) == ["0", "0", "0", "0"])
    #expect(F.doubles(t.column("median_days")) == [nil, nil, nil, nil])
  }

  @Test func problemsNameWhatIsMissing() {
    #expect(
      StageDurationsVerb.check(columns: ["lead_id"], changes: ["deal_id", "stage", "changed_at"])?.message
        .hasPrefix("stage_durations needs deal_id") == true)
    #expect(
      StageDurationsVerb.check(columns: ["deal_id"], changes: nil)?.message
        .hasPrefix("stage_durations needs the stage_changes dataset") == true)
    #expect(
      StageDurationsVerb.check(columns: ["deal_id"], changes: ["deal_id", "stage"])?.message
        == "stage_durations needs changed_at: the stage_changes dataset has no column changed_at")
    #expect(
      StageDurationsVerb.checkTypes(deal: .int, changeDeal: .int, stage: .string, changedAt: .int)?.message
        == "stage_changes.changed_at must be a date or a timestamp, not int")
  }
}
