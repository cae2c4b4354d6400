import Foundation
import FunnelData
import FunnelTestSupport
import Testing

/// The traps listed in each shared/data/real/*/SOURCE.md, one test each: the
/// real files load as published, with no options, and the overrides a user
/// reaches for work on them (skipped when the folder is not beside the repository).
@Suite(.enabled(if: RealData.isPresent, Comment(rawValue: RealData.absent)))
struct RealDataTrapTests {
  static let folder = RealData.folder

  static let bank = "bank-marketing/bank-additional-full.csv"
  static let mqls = "olist-funnel/olist_marketing_qualified_leads_dataset.csv"
  static let closed = "olist-funnel/olist_closed_deals_dataset.csv"
  static let pipeline = "maven-crm/sales_pipeline.csv"

  func read(_ relative: String, _ options: ReadOptions = .init()) throws -> Table {
    try TableReader.read(path: Self.folder + "/" + relative, options: options)
  }

  func values(_ table: Table, _ name: String) -> [Value] {
    guard let column = table.column(name) else { return [] }
    return (0..<table.rowCount).map { column.value(at: $0) }
  }

  func count(_ table: Table, _ name: String, _ value: Value) -> Int {
    values(table, name).filter { $0 == value }.count
  }

  /// The error a read throws, or nil when it does not throw one.
  func fileError(_ relative: String, _ options: ReadOptions) -> FileError? {
    do {
      _ = try read(relative, options)
      return nil
    } catch let error as FileError {
      return error
    } catch {
      return nil
    }
  }

  // MARK: bank marketing

  @Test func bankSemicolonsQuotesAndCRLFGiveEveryRecord() throws {
    let t = try read(Self.bank)
    #expect(t.rowCount == 41_188)
    #expect(t.columnCount == 21)
    // Quotes are taken off the header and the values; no \r is left at the
    // end of the last column.
    #expect(t.names.first == "age")
    #expect(t.names.last == "y")
    #expect(values(t, "job").first == .string("housemaid"))
    #expect(!values(t, "y").contains { $0.rawText.hasSuffix("\r") })
    #expect(count(t, "y", .string("yes")) == 4_640)
    #expect(count(t, "y", .string("no")) == 36_548)
  }

  @Test func bankDottedNamesAndTheDefaultColumn() throws {
    let t = try read(Self.bank)
    for name in ["emp.var.rate", "cons.price.idx", "cons.conf.idx", "nr.employed", "default"] {
      #expect(t.index(of: name) != nil, "\(name)")
    }
    #expect(t.column("emp.var.rate")?.type == .decimal(scale: 1))
    #expect(values(t, "emp.var.rate").contains(.decimal(-18, scale: 1)))
    #expect(t.column("cons.conf.idx")?.type == .decimal(scale: 1))
    // 5191 and 4963.6 in one column: a decimal, not an integer.
    #expect(t.column("nr.employed")?.type == .decimal(scale: 1))
    #expect(values(t, "nr.employed").first == .decimal(51910, scale: 1))
    #expect(Set(values(t, "default")) == [.string("no"), .string("unknown"), .string("yes")])
  }

  @Test func bankYesNoUnknownStayTextAndPdaysIsAnInteger() throws {
    let t = try read(Self.bank)
    for name in ["y", "default", "housing", "loan"] {
      #expect(t.column(name)?.type == .string, "\(name)")
      #expect(t.column(name)?.nullCount == 0, "\(name)")
    }
    #expect(t.column("pdays")?.type == .int)
    #expect(count(t, "pdays", .int(999)) == 39_673)
    #expect(t.column("month")?.type == .string)
    #expect(Set(values(t, "month")).count == 10)
    // "unknown" is a value, not a null, unless asked.
    #expect(count(t, "job", .string("unknown")) == 330)
  }

  @Test func bankNullTokenMakesUnknownsNull() throws {
    var options = ReadOptions()
    options.nullTokens = ["unknown"]
    let t = try read(Self.bank, options)
    #expect(t.rowCount == 41_188)
    #expect(t.column("job")?.nullCount == 330)
    #expect(t.column("default")?.nullCount == 8_597)
    #expect(count(t, "job", .string("unknown")) == 0)
    #expect(t.column("y")?.type == .string)
  }

  @Test func bankBoolTokensMakeYABoolean() throws {
    var options = ReadOptions()
    options.boolTokens = ("yes", "no")
    let t = try read(Self.bank, options)
    #expect(t.column("y")?.type == .bool)
    #expect(count(t, "y", .bool(true)) == 4_640)
    #expect(count(t, "y", .bool(false)) == 36_548)
    // yes/no/unknown does not fit a boolean without the null token: stays text.
    #expect(t.column("default")?.type == .string)
    options.nullTokens = ["unknown"]
    let both = try read(Self.bank, options)
    #expect(both.column("default")?.type == .bool)
    #expect(both.column("default")?.nullCount == 8_597)
    #expect(count(both, "default", .bool(true)) == 3)
  }

  @Test func bankForcedTypesThatFit() throws {
    var options = ReadOptions()
    options.separator = UInt8(ascii: ";")
    options.types = ["nr.employed": .double, "age": .text, "pdays": .decimal]
    let t = try read(Self.bank, options)
    #expect(t.rowCount == 41_188)
    #expect(t.column("nr.employed")?.type == .double)
    #expect(values(t, "nr.employed").first == .double(5191))
    #expect(t.column("age")?.type == .string)
    #expect(values(t, "age").first == .string("56"))
    if case .decimal = t.column("pdays")?.type {
    } else {
      Issue.record("pdays is \(String(describing: t.column("pdays")?.type))")
    }
  }

  @Test func bankForcedTypeThatDoesNotFitNamesFileLineColumnAndValue() throws {
    var options = ReadOptions()
    options.types = ["nr.employed": .int]
    let error = try #require(fileError(Self.bank, options))
    #expect(error.path.hasSuffix("bank-additional-full.csv"))
    // The first value with a fraction is on line 7,765 of the file.
    #expect(error.line == 7_765)
    #expect(error.column == "nr.employed")
    #expect(error.description.contains("5228.1"))
    options.types = ["y": .date]
    let first = try #require(fileError(Self.bank, options))
    #expect(first.line == 2)
    #expect(first.column == "y")
    #expect(first.description.contains("'no'"))
  }

  // MARK: Olist marketing funnel

  @Test func olistDatesAndTimestampsAreInferred() throws {
    let mql = try read(Self.mqls)
    #expect(mql.rowCount == 8_000)
    #expect(mql.column("first_contact_date")?.type == .date)
    let deals = try read(Self.closed)
    #expect(deals.rowCount == 842)
    #expect(deals.column("won_date")?.type == .timestamp)
    let day = Int64(CivilDate(year: 2018, month: 2, day: 26).daysSinceEpoch)
    let micros = (day * 86_400 + 19 * 3_600 + 58 * 60 + 54) * 1_000_000
    #expect(values(deals, "won_date").first == .timestamp(micros))
    #expect(values(deals, "won_date").first?.rawText == "2018-02-26 19:58:54")
  }

  @Test func olistTrueFalseWithBlanksAreBooleansWithNulls() throws {
    let deals = try read(Self.closed)
    #expect(deals.column("has_company")?.type == .bool)
    #expect(deals.column("has_company")?.nullCount == 779)
    #expect(count(deals, "has_company", .bool(true)) == 58)
    #expect(count(deals, "has_company", .bool(false)) == 5)
    #expect(deals.column("has_gtin")?.type == .bool)
    #expect(deals.column("has_gtin")?.nullCount == 778)
  }

  @Test func olistQuotedCommasStayInOneField() throws {
    let deals = try read(Self.closed)
    #expect(deals.columnCount == 14)
    let profiles = values(deals, "lead_behaviour_profile")
    #expect(profiles.contains(.string("cat, wolf")))
    #expect(profiles.contains(.string("eagle, wolf")))
    #expect(profiles.filter { $0.rawText.contains(",") }.count == 16)
    #expect(deals.column("lead_behaviour_profile")?.nullCount == 177)
    // The columns after the quoted field are still in place.
    #expect(deals.column("declared_monthly_revenue")?.type == .decimal(scale: 1))
  }

  @Test func olistEmptyOriginIsNullAndUnknownIsText() throws {
    let mql = try read(Self.mqls)
    #expect(mql.column("origin")?.type == .string)
    #expect(mql.column("origin")?.nullCount == 60)
    #expect(count(mql, "origin", .string("unknown")) == 1_099)
    #expect(count(mql, "origin", .string("")) == 0)
    // Asked to, "unknown" joins the nulls.
    var options = ReadOptions()
    options.nullTokens = ["unknown"]
    let merged = try read(Self.mqls, options)
    #expect(merged.column("origin")?.nullCount == 1_159)
  }

  @Test func olistRangesAndIdsStayText() throws {
    let deals = try read(Self.closed)
    #expect(deals.column("average_stock")?.type == .string)
    #expect(values(deals, "average_stock").contains(.string("200+")))
    #expect(deals.column("mql_id")?.type == .string)
    #expect(deals.column("declared_product_catalog_size")?.type == .decimal(scale: 1))
    #expect(deals.column("declared_product_catalog_size")?.nullCount == 773)
  }

  @Test func olistDateFormatKeepsISODates() throws {
    var options = ReadOptions()
    options.dateFormat = "%d/%m/%Y"
    let mql = try read(Self.mqls, options)
    #expect(mql.column("first_contact_date")?.type == .date)
    #expect(mql.column("first_contact_date")?.nullCount == 0)
  }

  // MARK: Maven CRM

  @Test func mavenCRLFAndTrailingEmptyFields() throws {
    let t = try read(Self.pipeline)
    #expect(t.rowCount == 8_800)
    #expect(t.columnCount == 8)
    #expect(t.names.last == "close_value")
    #expect(t.column("close_value")?.type == .int)
    #expect(t.column("close_value")?.nullCount == 2_089)
    #expect(t.column("engage_date")?.type == .date)
    #expect(t.column("engage_date")?.nullCount == 500)
    #expect(!values(t, "deal_stage").contains { $0.rawText.hasSuffix("\r") })
    for file in ["accounts.csv", "products.csv", "sales_teams.csv"] {
      let lookup = try read("maven-crm/" + file)
      #expect(!lookup.names.contains { $0.hasSuffix("\r") }, "\(file)")
    }
  }

  @Test func mavenSpellingsArePresentAsWritten() throws {
    let t = try read(Self.pipeline)
    #expect(count(t, "product", .string("GTXPro")) == 1_480)
    #expect(count(t, "product", .string("GTX Pro")) == 0)
    let products = try read("maven-crm/products.csv")
    #expect(values(products, "product").contains(.string("GTX Pro")))
    let accounts = try read("maven-crm/accounts.csv")
    #expect(accounts.rowCount == 85)
    #expect(count(accounts, "sector", .string("technolgy")) == 12)
    #expect(values(accounts, "office_location").contains(.string("Philipines")))
    #expect(accounts.column("subsidiary_of")?.nullCount == 70)
  }

  @Test func mavenOpenDealsWithNoAccount() throws {
    let t = try read(Self.pipeline)
    #expect(t.column("account")?.nullCount == 1_425)
    let accounts = values(t, "account")
    let stages = values(t, "deal_stage")
    var byStage: [String: Int] = [:]
    for i in 0..<t.rowCount where accounts[i] == .null { byStage[stages[i].rawText, default: 0] += 1 }
    #expect(byStage == ["Prospecting": 337, "Engaging": 1_088])
    // Lost deals carry a real zero; open deals an empty value.
    let values = self.values(t, "close_value")
    #expect((0..<t.rowCount).allSatisfy { stages[$0] != .string("Lost") || values[$0] == .int(0) })
  }

  @Test func mavenForcedDateOnTextNamesThePlace() throws {
    var options = ReadOptions()
    options.types = ["account": .date]
    let error = try #require(fileError(Self.pipeline, options))
    #expect(error.line == 2)
    #expect(error.column == "account")
    #expect(error.description.contains("Cancity"))
    #expect(error.description.hasPrefix(Self.folder + "/" + Self.pipeline + ":2:"))
  }
}
