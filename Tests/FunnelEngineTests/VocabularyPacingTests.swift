import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// `pacing` over campaigns worked out by hand (today 2026-07-01; today
/// counts as elapsed).
@Suite struct VocabularyPacingTests {
  typealias E = EngineFixture

  /// 1: 10 of 20 days, 600 of 1,000 spent (pace 1.2, over). 2: 10 of 20 days,
  /// 500 of 1,000 (on pace). 3: 10 of 20 days, 400 of 1,000 (pace 0.8, under).
  /// 4: starts tomorrow. 5: ended, 950 of 1,000 (on pace). 6: a budget of 0.
  /// 7: no end date.
  static func catalog() -> Catalog {
    let c = E.catalog()
    let starts = ["2026-06-22", "2026-06-22", "2026-06-22", "2026-07-02", "2026-05-01", "2026-06-01", "2026-06-01"]
    let ends = ["2026-07-11", "2026-07-11", "2026-07-11", "2026-07-31", "2026-05-31", "2026-06-30", nil]
    c.setDataset(
      "campaigns",
      E.table([
        ("campaign_id", .int, (1...7).map { .int($0) }),
        ("name", .string, ["a", "b", "c", "d", "e", "f", "g"].map(E.text)),
        ("channel", .string, ["x", "x", "y", "y", "z", "z", "z"].map(E.text)),
        ("start_date", .date, starts.map(E.day)),
        ("end_date", .date, ends.map { $0.map(E.day) ?? .null }),
        ("budget", .decimal(scale: 2), ["1000", "1000", "1000", "2000", "1000", "0", "300"].map(E.money)),
        ("spend", .decimal(scale: 2), ["600", "500", "400", "0", "950", "50", "30"].map(E.money)),
      ]))
    return c
  }

  @Test func eachCampaign() throws {
    let t = try E.table("campaigns | pacing", in: Self.catalog())
    #expect(t.names == ["campaign_id", "name", "budget", "spend", "elapsed_share", "spent_share", "pace", "flag"])
    // A budget of 0 weighs nothing, so campaign 6 has no elapsed share.
    #expect(E.texts(t, "elapsed_share") == ["0.5", "0.5", "0.5", "0", "1", "", ""])
    #expect(E.texts(t, "spent_share") == ["0.6", "0.5", "0.4", "0", "0.95", "", "0.1"])
    #expect(E.texts(t, "pace") == ["1.2", "1", "0.8", "", "0.95", "", ""])
    #expect(E.texts(t, "flag") == ["over", "on pace", "under", "not started", "on pace", "no budget", ""])
  }

  /// A group's elapsed share is weighted by budget, over the campaigns with both dates.
  @Test func byChannel() throws {
    let t = try E.table("campaigns | pacing by channel", in: Self.catalog())
    #expect(E.texts(t, "channel") == ["x", "y", "z"])
    #expect(E.texts(t, "budget") == ["2000.00", "3000.00", "1300.00"])
    // y: (1,000 × 0.5 + 2,000 × 0) / 3,000; z: (1,000 × 1 + 0 × 1) / 1,000 (g has no
    // end date); z's pace: 1,030 / 1,300 spent ÷ 1.
    let elapsed = E.texts(t, "elapsed_share").map { Double($0) }
    #expect(elapsed[0] == 0.5 && abs((elapsed[1] ?? 0) - 1.0 / 6) < 1e-12 && elapsed[2] == 1)
    let pace = E.texts(t, "pace").compactMap { Double($0) }
    #expect(pace.count == 3 && zip(pace, [1.1, 0.8, 1030.0 / 1300]).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(E.texts(t, "flag") == ["on pace", "under", "under"])
  }

  @Test func chartIsABulletOfSpendAgainstBudget() throws {
    guard case .table(_, let chart) = try E.run("campaigns | pacing by channel | chart", in: Self.catalog()) else {
      Issue.record("not a table")
      return
    }
    #expect(
      chart == ChartRequest(kind: .bullet, label: "channel", value: "spend", target: "budget", mark: "elapsed_share"))
    guard case .table(_, let named) = try E.run("campaigns | pacing | chart", in: Self.catalog()) else { return }
    #expect(named?.label == "name")
    guard case .table(_, let bar) = try E.run("campaigns | pacing | chart bar name, pace", in: Self.catalog()) else {
      return
    }
    #expect(bar?.kind == .bar)
  }

  /// An overflow in the verb's own sums points at the verb; one in a key at the key.
  @Test(arguments: [
    ("campaigns | derive budget = 5000000000000000000 | 1️⃣pacing by channel", "overflow in `sum(budget)`"),
    ("campaigns | pacing by k = 1️⃣campaign_id * 9223372036854775807", "overflow in `campaign_id * 9223372036854775807`"),
  ])
  func overflowsPointAtTheirCause(_ marked: String, _ message: String) {
    let column = marked.components(separatedBy: "1️⃣").first.map { $0.unicodeScalars.count + 1 } ?? 0
    do {
      _ = try E.run(marked.replacingOccurrences(of: "1️⃣", with: ""), in: Self.catalog())
      Issue.record("\(marked) ran")
    } catch let d as Diagnostic {
      #expect(d.message.hasPrefix(message), "\(d.message)")
      #expect(d.span?.line == 1 && d.span?.column == column)
    } catch {
      Issue.record("\(error)")
    }
  }

  @Test(arguments: [
    ("deals | 1️⃣pacing", "pacing needs budget: the rows have no column budget"),
    ("campaigns | select campaign_id, budget, spend | 1️⃣pacing", "pacing needs start_date"),
    ("campaigns | derive budget = \"x\" | 1️⃣pacing", "pacing needs budget to be a number, not text"),
    ("campaigns | derive start_date = 1 | 1️⃣pacing", "pacing needs start_date to be a date, not int"),
    ("campaigns | 1️⃣pacing by spend", "pacing gives a column spend of its own"),
    ("campaigns | pacing by 1️⃣chanel", "unknown column 'chanel'"),
  ])
  func problems(_ marked: String, _ message: String) {
    let (d, line, column) = E.diagnostic(marked, in: Self.catalog())
    #expect(d?.message.hasPrefix(message) == true, "\(d?.message ?? "none")")
    #expect(d?.span?.line == line && d?.span?.column == column)
  }
}
