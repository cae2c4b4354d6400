import FunnelData
import Testing

@testable import FunnelEngine

/// The day each deal's lead was created, which the lead-creation touch of
/// the u-shaped, w-shaped and full-path models hangs on, is found the same
/// way whatever the ids are: ints kept 32 bits wide, ints that need 64, or
/// text (which goes through `Column.linkKeys`). The leads hold an id twice
/// (its first row counts, as a join would find it first), a null id, and
/// deals whose lead is null or missing.
@Suite struct AttributionLeadDaysTests {
  typealias F = VocabularyFixture

  /// The fixture's datasets with the extra rows, their `lead_id`s made by `id`.
  static func datasets(_ id: (Int64?) -> Value, _ type: DataType) -> (String) -> Table? {
    let leads = F.table([
      ("lead_id", type, [1, 2, 3, 4, 1, nil, 4].map(id)),
      (
        "created_at", .date,
        ["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-10", "2026-01-11", "2026-01-01", "2025-12-01"]
          .map { F.date($0) }
      ),
    ])
    let deals = F.table([
      ("deal_id", .int, [10, 11, 12, 13, 14, 15].map { F.int($0) }),
      ("lead_id", type, [1, 4, 2, 3, nil, 99].map(id)),
      ("campaign_id", .int, [1, 2, 1, 2, 1, 2].map { F.int($0) }),
      (
        "created_at", .date,
        ["2026-01-15", "2026-02-01", "2026-01-20", "2026-01-06", "2026-01-09", "2026-01-09"].map { F.date($0) }
      ),
      (
        "closed_at", .date,
        ["2026-02-20", nil, "2026-03-01", "2026-01-30", "2026-02-01", "2026-02-01"].map { F.date($0) }
      ),
      ("amount", .decimal(scale: 2), [1_200_000, 800_050, 500_000, 300_025, 100, 200].map { F.money($0) }),
    ])
    let base = F.touches
    let touches = Table(
      names: base.names,
      columns: zip(base.names, base.columns).map { name, c in
        guard name == "lead_id" else { return c }
        return Column.make(
          type,
          (0..<c.count).map { r in
            guard case .int(let v) = c.value(at: r) else { return id(nil) }
            return id(v)
          })
      })
    return { name in
      switch name {
      case "leads": return stored(leads)
      case "deals": return stored(deals)
      case "touches": return stored(touches)
      default: return F.datasets(name)
      }
    }
  }

  /// `table` with its int `lead_id` kept as a load keeps it: 32 bits wide
  /// when every id fits.
  static func stored(_ table: Table) -> Table {
    Table(
      names: table.names,
      columns: zip(table.names, table.columns).map { name, c in
        guard name == "lead_id", case .int(let v) = c.data else { return c }
        return Column.ints(v, validity: c.validity, hint: c.hint)
      })
  }

  static var narrow: (String) -> Table? { datasets({ F.int($0) }, .int) }
  /// Ids past 32 bits, so the columns are kept 64 bits wide.
  static var wide: (String) -> Table? { datasets({ $0.map { .int($0 + 5_000_000_000) } ?? .null }, .int) }
  static var text: (String) -> Table? { datasets({ $0.map { .string("L\($0)") } ?? .null }, .string) }

  static func run(_ model: AttributionModel, _ basis: AttributionBasis, _ data: @escaping (String) -> Table?)
    throws -> (names: [String], keys: [String], values: [[Double?]])
  {
    let deals = try #require(data("deals"))
    let t = try AttributionVerb.run(
      rows: deals, model: model, basis: basis, keys: ["channel"], context: F.context("deals", datasets: data))
    return (t.names, F.texts(t.column("channel")), t.names.dropFirst().map { F.doubles(t.column($0)) })
  }

  @Test(arguments: [AttributionModel.uShaped, .wShaped, .fullPath])
  func sameWhateverTheIds(model: AttributionModel) throws {
    for basis in [AttributionBasis.closed, .pipeline] {
      let narrow = try Self.run(model, basis, Self.narrow)
      for other in [Self.wide, Self.text] {
        let result = try Self.run(model, basis, other)
        #expect(result.names == narrow.names)
        #expect(result.keys == narrow.keys)
        for (a, b) in zip(result.values, narrow.values) { #expect(F.closeAll(a, b)) }
      }
    }
    #expect(Self.narrow("leads")?.column("lead_id")?.narrowInts != nil)
    #expect(Self.wide("leads")?.column("lead_id")?.narrowInts == nil)
  }

  /// Deal 10's lead was created on 01-01 (its first row), not 01-11: under
  /// u-shaped its first touch (01-01, search) is also the lead's creation,
  /// so it takes 80%, and the other three share 20%.
  @Test func theFirstRowOfALeadCounts() throws {
    for data in [Self.narrow, Self.wide, Self.text] {
      let deals = try #require(data("deals"))
      let one = Table(
        names: deals.names, columns: deals.columns.map { $0.gather([0]) })
      let t = try AttributionVerb.run(
        rows: one, model: .uShaped, basis: .closed, keys: ["channel"], context: F.context("deals", datasets: data))
      #expect(F.texts(t.column("channel")) == ["search", "social"])
      #expect(F.closeAll(F.doubles(t.column("deals")), [0.8 + 0.4 / 3, 0.2 / 3]))
    }
  }
}
