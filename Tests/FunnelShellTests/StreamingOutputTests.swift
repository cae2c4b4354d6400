import FunnelData
import Testing

@testable import FunnelShell

/// Long results are written a piece at a time: the pieces read exactly as
/// the whole table encoded at once, and Ctrl-C stops between them.
struct StreamingOutputTests {
  static let rows = 65_536 * 2 + 17

  static func table() -> Table {
    let ids = Column(.int((0..<Int64(rows)).map { $0 }))
    let texts = Column(
      .string(codes: (0..<rows).map { Int32($0 % 3) }, dictionary: StringDictionary(["a", "b,c", "d\"e"])))
    return Table(names: ["id", "text"], columns: [ids, texts])
  }

  @Test(arguments: FileFormat.allCases)
  func piecesJoinIntoTheWholeText(format: FileFormat) throws {
    let table = Self.table()
    let t = TestSession(demo: false)
    t.session.format = try #require(OutputFormat(rawValue: format.rawValue))
    try t.session.show(table, chart: nil)
    let whole = TableWriter.encode(table, as: format)
    #expect(t.out == whole)
  }

  @Test func ctrlCStopsBetweenPieces() {
    let t = TestSession(demo: false)
    t.session.format = .csv
    t.session.cancellation.cancel()
    defer { t.session.cancellation.reset() }
    #expect(throws: Cancelled.self) { try t.session.show(Self.table(), chart: nil) }
    #expect(t.out.isEmpty)
  }
}
