import FunnelData
import Testing

@testable import FunnelPostgres

@Suite struct PostgresCatalogTests {
  @Test func catalogHidesShadowedAndEmptyTables() {
    let rows: [[Value]] = [
      [.string("deals"), .string("id"), .string("bigint"), .int(0), .bool(true)],
      [.string("deals"), .string("amount"), .string("numeric"), .int(2), .bool(true)],
      [.string("blobs"), .string("data"), .string("bytea"), .null, .bool(false)],
      [.string("deals"), .string("old"), .string("text"), .null, .bool(false)],
      [.string("leads"), .string("id"), .string("integer"), .int(0), .bool(false)],
      [.string("leads"), .string("span"), .string("interval"), .null, .bool(false)],
    ]
    let tables = PostgresEngine.catalog(rows)
    #expect(tables.map(\.name) == ["deals", "leads"])
    #expect(tables[0].columns == ["id", "amount"])
    #expect(tables[0].types == [.int, .decimal(scale: 2)])
    #expect(tables[1].columns == ["id"])
  }
}
