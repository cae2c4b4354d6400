import FunnelData
import Testing

@testable import FunnelShell

/// Long results written a piece at a time read exactly as the whole table
/// encoded at once.
struct StreamingOutputTests {
  @Test(arguments: FileFormat.allCases)
  func piecesJoinIntoTheWholeText(format: FileFormat) throws {
    let n = Session.outputPieceRows * 2 + 17
    let ids = Column(.int((0..<Int64(n)).map { $0 }))
    let texts = Column(.string(codes: (0..<n).map { Int32($0 % 3) }, dictionary: StringDictionary(["a", "b,c", "d\"e"])))
    let table = Table(names: ["id", "text"], columns: [ids, texts])
    let t = TestSession(demo: false)
    try t.session.emitEncoded(table, as: format)
    let whole = TableWriter.encode(table, as: format)
    #expect(t.out == (whole.hasSuffix("\n") ? whole : whole + "\n"))
  }

  @Test func ctrlCStopsBetweenPieces() {
    let n = Session.outputPieceRows * 3
    let table = Table(names: ["id"], columns: [Column(.int((0..<Int64(n)).map { $0 }))])
    let t = TestSession(demo: false)
    t.session.cancellation.cancel()
    defer { t.session.cancellation.reset() }
    #expect(throws: Cancelled.self) { try t.session.emitEncoded(table, as: .csv) }
    #expect(t.out.isEmpty)
  }
}
