import Foundation
import FunnelTestSupport
import Testing

@testable import FunnelData

/// The real files under shared/data/real load with the documented counts and
/// types (skipped when the folder is not beside the repository).
@Suite(.enabled(if: RealData.isPresent, Comment(rawValue: RealData.absent)))
struct ReaderRealDataTests {
  func load(_ relative: String, options: ReadOptions = .init()) throws -> Table {
    try TableReader.read(path: RealData.folder + "/" + relative, options: options)
  }

  @Test func bankMarketing() throws {
    let t = try load("bank-marketing/bank-additional-full.csv")
    #expect(t.rowCount == 41_188)
    #expect(t.columnCount == 21)
    #expect(t.names.first == "age")
    #expect(t.typeOf("age") == .int)
    #expect(t.typeOf("job") == .string)
    #expect(t.typeOf("emp.var.rate") == .decimal(scale: 1))
    #expect(t.typeOf("cons.price.idx") == .decimal(scale: 3))
    #expect(t.typeOf("nr.employed") == .decimal(scale: 1))
    #expect(t.typeOf("y") == .string)
    #expect(t.column("emp.var.rate")?.value(at: 0) == .decimal(11, scale: 1))
    #expect(t.column("job")?.value(at: 0) == .string("housemaid"))
    let yes = t.cells("y").filter { $0 == .string("yes") }.count
    #expect(yes == 4_640)
    var o = ReadOptions()
    o.nullTokens = ["unknown"]
    o.boolTokens = ("yes", "no")
    let typed = try load("bank-marketing/bank-additional-full.csv", options: o)
    #expect(typed.typeOf("y") == .bool)
    #expect(typed.typeOf("housing") == .bool)
    #expect((typed.column("job")?.nullCount ?? 0) > 0)
  }

  @Test func olistLeadsAndDeals() throws {
    let mql = try load("olist-funnel/olist_marketing_qualified_leads_dataset.csv")
    #expect(mql.rowCount == 8_000)
    #expect(mql.typeOf("first_contact_date") == .date)
    #expect(mql.typeOf("mql_id") == .string)
    #expect(mql.column("origin")?.nullCount == 60)
    let deals = try load("olist-funnel/olist_closed_deals_dataset.csv")
    #expect(deals.rowCount == 842)
    #expect(deals.columnCount == 14)
    #expect(deals.typeOf("won_date") == .timestamp)
    #expect(deals.typeOf("has_company") == .bool)
    #expect(deals.column("has_company")?.nullCount == 779)
    #expect(deals.typeOf("declared_monthly_revenue") == .decimal(scale: 1))
    #expect(deals.column("declared_monthly_revenue")?.hint == .money)
    #expect(deals.typeOf("average_stock") == .string)
    #expect(deals.cells("lead_behaviour_profile").contains(.string("cat, wolf")))
  }

  @Test func mavenCRM() throws {
    let pipeline = try load("maven-crm/sales_pipeline.csv")
    #expect(pipeline.rowCount == 8_800)
    #expect(pipeline.typeOf("engage_date") == .date)
    #expect(pipeline.typeOf("close_date") == .date)
    #expect(pipeline.typeOf("close_value") == .int)
    #expect(pipeline.column("account")?.nullCount == 1_425)
    let counts: [(String, Int, DataType?)] = [
      ("accounts.csv", 85, .decimal(scale: 2)), ("products.csv", 7, nil), ("sales_teams.csv", 35, nil),
      ("data_dictionary.csv", 21, nil),
    ]
    for (file, rows, revenue) in counts {
      let t = try load("maven-crm/" + file)
      #expect(t.rowCount == rows, "\(file)")
      if let revenue { #expect(t.typeOf("revenue") == revenue) }
    }
    #expect(try load("maven-crm/products.csv").typeOf("sales_price") == .int)
    #expect(try load("maven-crm/accounts.csv").typeOf("year_established") == .int)
  }
}
