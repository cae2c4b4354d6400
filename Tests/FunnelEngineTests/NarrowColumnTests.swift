import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Int columns loaded from files are kept 32 bits wide when their values fit
/// (`Column.narrowInts`), and text columns of at most 256 texts keep a byte a
/// code (`Column.narrowCodes`). Every statement must give the same table over
/// narrow columns as over the same values at full width: the kernels that
/// read them in place (grouping, count_distinct, comparisons, attribution's
/// links, batches) and everything that reads them widened.
@Suite struct NarrowColumnTests {
  static let demo = DemoData.generate(leads: 3000, seed: 11)

  /// The demo's datasets with every int and text column narrow where it
  /// fits, and some ids made null so that the null paths run too.
  static func catalogs() -> (wide: Catalog, narrow: Catalog) {
    let wide = Catalog(), narrow = Catalog()
    for (name, table) in demo.all {
      var wideColumns: [Column] = [], narrowColumns: [Column] = []
      for (column, columnName) in zip(table.columns, table.names) {
        if case .string(let codes, let dictionary) = column.data {
          wideColumns.append(column)
          narrowColumns.append(
            Column.texts(codes: codes, dictionary: dictionary, validity: column.validity, hint: column.hint))
          continue
        }
        guard case .int(let values) = column.data else {
          wideColumns.append(column)
          narrowColumns.append(column)
          continue
        }
        var validity = column.validity ?? Bitmap(count: values.count, value: true)
        if columnName == "lead_id" || columnName == "campaign_id" || columnName == "touch_id" {
          for r in stride(from: 5, to: values.count, by: 97) { validity[r] = false }
        }
        wideColumns.append(Column(.int(values), validity: validity, hint: column.hint))
        narrowColumns.append(Column.ints(values, validity: validity, hint: column.hint))
      }
      wide.setDataset(name, Table(names: table.names, columns: wideColumns))
      narrow.setDataset(name, Table(names: table.names, columns: narrowColumns))
    }
    let today = Periods.parse("2026-07-01", unit: .day) ?? 0
    wide.today = today
    narrow.today = today
    return (wide, narrow)
  }

  static func table(_ text: String, in catalog: Catalog) throws -> Table {
    let prepared = try Engine.prepare(try EngineFixture.statement(text), in: catalog)
    guard case .table(let t, _) = try Engine.run(prepared, in: catalog, cancellation: Cancellation()) else {
      throw DiagnosticList([Diagnostic(message: "not a table")])
    }
    return t
  }

  @Test func theDemoIdsAreNarrow() throws {
    let (_, narrow) = Self.catalogs()
    for (dataset, column) in [
      ("touches", "lead_id"), ("touches", "campaign_id"), ("touches", "touch_id"),
      ("leads", "lead_id"), ("deals", "lead_id"),
    ] {
      let c = try #require(narrow.dataset(dataset)?.column(column))
      #expect(c.narrowInts != nil, "\(dataset).\(column) should be narrow")
      #expect(c.type == .int)
    }
    for (dataset, column) in [("touches", "kind"), ("leads", "channel"), ("leads", "owner"), ("deals", "stage")] {
      let c = try #require(narrow.dataset(dataset)?.column(column))
      #expect(c.narrowCodes != nil, "\(dataset).\(column) should be narrow")
      #expect(c.type == .string)
    }
    #expect(narrow.dataset("leads")?.column("owner")?.validity != nil, "some owners should be null")
  }

  @Test(arguments: [
    "leads | count by stage",
    #"leads | where channel == "email" and score >= 50 | agg n = count(), s = avg(score) by region, company_size"#,
    "leads | where score < 20 or score > 90 | agg n = count(), lo = min(score), hi = max(score), t = sum(score) by channel",
    "touches | agg leads = count_distinct(lead_id) by campaign_id | top 5 by leads",
    "touches | agg n = count_distinct(campaign_id), t = count_distinct(touch_id) by kind",
    "touches | count by campaign_id | sort count desc, campaign_id | take 20",
    #"deals | where stage == "closed_won" | join campaigns on campaign_id | agg revenue = sum(amount) by channel"#,
    "deals | join leads on lead_id | agg n = count(), s = avg(score) by stage",
    "deals | sort lead_id desc | take 7",
    "touches | sort campaign_id, touch_id desc | take 9",
    "leads | derive twice = lead_id * 2, next = campaign_id + 1 | sort twice desc | take 5",
    "leads | where lead_id in [1, 2, 3, 2999] | select lead_id, campaign_id, score",
    "leads | where campaign_id == null | count",
    "leads | funnel by channel",
    "deals | attribute linear by channel",
    "deals | attribute time_decay by channel",
    "deals | attribute first_touch by campaign_id",
    "deals | attribute w_shaped by kind",
    "leads | cohort month(created_at)",
    "touches | agg first = min(touch_id), last = max(touch_id) by lead_id | sort lead_id | take 12",
    #"leads | where stage != "lost" and owner > "M" | count by owner, industry"#,
    #"leads | where owner == null | agg n = count(), c = count_distinct(channel) by region"#,
    "touches | count by kind",
    "touches | join campaigns on campaign_id | count by channel, kind",
    "leads | derive c = concat(upper(channel), \" / \", region) | count by c | sort count desc | take 6",
    "leads | sort owner desc, lead_id | take 15 | select lead_id, owner, stage",
    "leads | agg first = min(owner), last = max(owner), n = count_distinct(owner) by company_size",
    "leads | take 2000 | count by stage",
    "deals | stage_durations by owner",
    "scorecard by channel",
  ])
  func sameTableNarrowOrWide(_ text: String) throws {
    let (wide, narrow) = Self.catalogs()
    let a = try Self.table(text, in: wide), b = try Self.table(text, in: narrow)
    #expect(a.names == b.names)
    #expect(a.rowCount == b.rowCount)
    #expect(a.rowCount > 0, "the statement should have rows to compare")
    for (c, (x, y)) in zip(a.columns, b.columns).enumerated() {
      #expect(x.type == y.type, "column \(a.names[c])")
      for r in 0..<min(x.count, y.count) where x.value(at: r) != y.value(at: r) {
        Issue.record("\(a.names[c]) row \(r): \(x.value(at: r)) wide, \(y.value(at: r)) narrow")
        break
      }
    }
  }

  @Test func textsNarrowOnlyUpTo256() {
    let few = StringDictionary((0..<256).map { "t\($0)" })
    let c = Column.texts(codes: [255, 0, 7], dictionary: few)
    #expect(c.narrowCodes == [255, 0, 7])
    #expect((0..<3).map { c.value(at: $0) } == [.string("t255"), .string("t0"), .string("t7")])
    guard case .string(let codes, _) = c.data else {
      Issue.record("data should be a text column")
      return
    }
    #expect(codes == [255, 0, 7])
    let many = StringDictionary((0..<257).map { "t\($0)" })
    let wide = Column.texts(codes: [256, 0], dictionary: many)
    #expect(wide.narrowCodes == nil)
    #expect(wide.value(at: 0) == .string("t256"))
    // Rows all null, no texts: code 0 still has an entry.
    var none = Bitmap(count: 2, value: false)
    none[0] = false
    let empty = Column.texts(codes: [0, 0], dictionary: StringDictionary([]), validity: none)
    #expect(empty.narrowCodes == [0, 0])
    #expect(empty.value(at: 1) == .null)
    if case .string(_, let d) = empty.data { #expect(d.count == 1) }
  }

  /// The memory a load is checked against counts narrow columns at their width.
  @Test func byteCountsAtTheStoredWidth() {
    let values: [Int64] = Array(0..<800)
    #expect(Column.ints(values).byteCount == 4 * 800)
    #expect(Column(.int(values)).byteCount == 8 * 800)
    let dictionary = StringDictionary(["ab", "cde"])
    let codes = (0..<800).map { Int32($0 % 2) }
    let texts = 16 + 2 + 16 + 3
    #expect(Column.texts(codes: codes, dictionary: dictionary).byteCount == 800 + texts)
    #expect(Column(.string(codes: codes, dictionary: dictionary)).byteCount == 4 * 800 + texts)
    var validity = Bitmap(count: 800, value: true)
    validity[3] = false
    #expect(Column.ints(values, validity: validity).byteCount == 4 * 800 + 100)
  }

  @Test func narrowOnlyWhereEveryValueFits() {
    let fits: [Int64] = [0, 1, -1, Int64(Int32.max), Int64(Int32.min)]
    #expect(Column.ints(fits).narrowInts == fits.map { Int32($0) })
    for outside in [Int64(Int32.max) + 1, Int64(Int32.min) - 1, Int64.max, Int64.min] {
      let c = Column.ints([1, outside, 2])
      #expect(c.narrowInts == nil)
      #expect(c.value(at: 1) == .int(outside))
    }
  }

  @Test func aNarrowColumnReadsAsItsValues() {
    var validity = Bitmap(count: 4, value: true)
    validity[2] = false
    let c = Column.ints([7, -8, 0, 2_000_000_000], validity: validity)
    #expect(c.narrowInts != nil)
    #expect(c.count == 4)
    #expect(c.type == .int)
    #expect((0..<4).map { c.value(at: $0) } == [.int(7), .int(-8), .null, .int(2_000_000_000)])
    guard case .int(let wide) = c.data else {
      Issue.record("data should be an int column")
      return
    }
    #expect(wide == [7, -8, 0, 2_000_000_000])
    let g = c.gather([3, 0, 2])
    #expect(g.narrowInts != nil)
    #expect((0..<3).map { g.value(at: $0) } == [.int(2_000_000_000), .int(7), .null])
  }
}
