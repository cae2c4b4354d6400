import FunnelData
import PostgresNIO
import Testing

@testable import FunnelPostgres

@Suite struct CopyEncoderTests {
  @Test func escapesTextsAndWritesNulls() async throws {
    let table = Table(
      names: ["name", "amount", "closed", "won", "score"],
      columns: [
        Column.make(.string, [.string("Acme\tInc"), .string("back\\slash\nline"), .null]),
        Column.make(.decimal(scale: 2), [.decimal(120_050, scale: 2), .decimal(-5, scale: 2), .null]),
        Column.make(.date, [.date(20_521), .null, .date(0)]),
        Column.make(.bool, [.bool(true), .bool(false), .null]),
        Column.make(.double, [.double(0.5), .double(.infinity), .double(.nan)]),
      ])
    var text = ""
    try await CopyEncoder(table).encode { buffer in text += String(buffer: buffer) }
    #expect(
      text == """
        Acme\\tInc\t1200.50\t2026-03-09\tt\t0.5
        back\\\\slash\\nline\t-0.05\t\\N\tf\tInfinity
        \\N\t\\N\t1970-01-01\t\\N\tNaN

        """)
  }
}
