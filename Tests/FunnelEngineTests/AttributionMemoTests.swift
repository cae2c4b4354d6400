import FunnelData
import Testing

@testable import FunnelEngine

/// An `attribute` that reuses the session's last attribution input gives what
/// a session reading afresh gives: over the same rows with other models, and
/// never over rows, touches or a basis the input was not read from.
@Suite struct AttributionMemoTests {
  typealias F = EngineFixture

  static let demo = DemoData.generate(leads: 3_000, seed: 7)

  /// `text`'s rows in a session of its own, which has kept nothing.
  static func fresh(_ text: String) throws -> [String] {
    F.rows(try F.table(text, in: F.catalog(demo)))
  }

  @Test func otherModelsOverTheSameDealsMatchAFreshSession() throws {
    let session = F.catalog(Self.demo)
    #expect(session.attributionMemo.isEmpty)
    for model in ["linear", "time_decay", "u_shaped", "first_touch", "last_touch", "w_shaped"] {
      let text = "deals | attribute \(model) by channel"
      #expect(F.rows(try F.table(text, in: session)) == (try Self.fresh(text)), "\(model)")
      #expect(!session.attributionMemo.isEmpty)
    }
  }

  @Test func otherRowsAndBasesAreReadAfresh() throws {
    let session = F.catalog(Self.demo)
    for text in [
      "deals | attribute linear by channel",
      "deals | where amount > 20000 | attribute linear by channel",
      "deals | attribute linear on pipeline by channel",
      "deals | attribute linear by channel",
      // As many rows as before, but not the same columns.
      "deals | derive amount = amount * 2 | attribute linear by channel",
      "deals | derive closed_at = closed_at - 30 | attribute linear by channel",
      "deals | sort amount desc | attribute linear by channel",
      "leads | attribute linear by channel",
      "leads | where score > 50 | attribute linear by channel",
    ] {
      #expect(F.rows(try F.table(text, in: session)) == (try Self.fresh(text)), "\(text)")
    }
  }

  @Test func aChangedDatasetEmptiesTheMemo() throws {
    let session = F.catalog(Self.demo)
    let text = "deals | attribute linear by channel"
    let before = F.rows(try F.table(text, in: session))
    #expect(!session.attributionMemo.isEmpty)
    let touches = try #require(session.dataset("touches"))
    let kept = Array(stride(from: 0, to: touches.rowCount, by: 2)).map { Int32($0) }
    session.setDataset("touches", touches.gather(kept))
    #expect(session.attributionMemo.isEmpty)
    let after = F.rows(try F.table(text, in: session))
    #expect(after != before, "half the touches must credit otherwise")
    let other = F.catalog(Self.demo)
    other.setDataset("touches", touches.gather(kept))
    #expect(after == F.rows(try F.table(text, in: other)))
  }

  /// Touches whose lead, time and id columns are the same columns but whose
  /// campaigns differ: the kept index serves, and the keys are read from the
  /// touches of now.
  @Test func theKeysAreReadFromTheTouchesOfNow() throws {
    let tables = Self.demo.all.reduce(into: [String: Table]()) { $0[$1.0] = $1.1 }
    let touches = try #require(tables["touches"])
    let campaign = try #require(touches.column("campaign_id"))
    let moved = campaign.gather((0..<Int32(touches.rowCount)).map { ($0 + 1) % Int32(touches.rowCount) })
    let other = Table(
      names: touches.names, columns: zip(touches.names, touches.columns).map { $0 == "campaign_id" ? moved : $1 })
    let memo = AttributionMemo()
    let today = Periods.parse("2026-07-01", unit: .day) ?? 0
    func run(_ touches: Table, memo: AttributionMemo?) throws -> [String] {
      let data: (String) -> Table? = { $0 == "touches" ? touches : tables[$0] }
      let context = MetricContext(origin: "deals", dataset: data, today: today, attributionMemo: memo)
      let deals = try #require(tables["deals"])
      return F.rows(try AttributionVerb.run(rows: deals, model: .linear, keys: ["channel"], context: context))
    }
    let first = try run(touches, memo: memo)
    #expect(first == (try run(touches, memo: nil)))
    let moved2 = try run(other, memo: memo)
    #expect(moved2 == (try run(other, memo: nil)))
    #expect(moved2 != first)
  }

  @Test func storageIsSharedByCopiesNotByEqualValues() {
    let a = Column.make(.int, [.int(1), .null, .int(3)])
    let copy = a
    #expect(a.sharesStorage(with: copy))
    #expect(!a.sharesStorage(with: Column.make(.int, [.int(1), .null, .int(3)])))
    #expect(!a.sharesStorage(with: a.gather([0, 1, 2])))
    var shown = a
    shown.hint = .money
    #expect(!a.sharesStorage(with: shown))
    let text = Column.make(.string, [.string("x"), .string("y")])
    #expect(text.sharesStorage(with: text))
    #expect(!text.sharesStorage(with: Column.make(.string, [.string("x"), .string("y")])))
    #expect(!a.sharesStorage(with: text))
  }
}
