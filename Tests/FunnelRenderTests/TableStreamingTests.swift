import FunnelData
import Testing

@testable import FunnelRender

/// A table for a pipe is written a piece at a time: widths from a first pass
/// over every row, then lines in pieces of whole lines.
@Suite struct TableStreamingTests {
  /// `rows` rows: an id, a text column whose widest value is in the last row,
  /// and an amount.
  static func long(rows: Int) -> Table {
    let names = (0..<rows).map { row -> Value in .string(row == rows - 1 ? "the widest company name" : "co\(row % 7)") }
    return Table(
      names: ["lead_id", "company", "amount"],
      columns: [
        Column.make(.int, (0..<rows).map { .int(Int64($0 + 1)) }),
        Column.make(.string, names),
        Column.make(.decimal(scale: 2), (0..<rows).map { .decimal(Int64($0) * 12_345, scale: 2) }, hint: .money),
      ])
  }

  @Test func piecesAreWholeLinesAndAddUpToTheTable() {
    let table = Self.long(rows: 5_000)
    var pieces: [String] = []
    TableRenderer.render(table, options: RenderOptions()) { pieces.append($0) }
    #expect(pieces.count > 1, "5,000 rows come in more than one piece")
    for piece in pieces {
      #expect(piece.hasSuffix("\n"))
      #expect(piece.utf8.count < 70_000)
    }
    let joined = pieces.joined()
    #expect(joined == TableRenderer.render(table, options: RenderOptions()) + "\n")
    let lines = joined.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 5_000 + 3, "header, rule, rows, footer")
    #expect(lines.last == "5,000 rows")
  }

  @Test func widthsComeFromEveryRowNotOnlyTheFirst() {
    let table = Self.long(rows: 3_000)
    let lines = TableRenderer.render(table, options: RenderOptions()).split(separator: "\n").map(String.init)
    // The header is padded to the widest company, found in the last row.
    #expect(lines[0] == "lead_id  company                      amount")
    #expect(lines[2] == "      1  co0                            0.00")
    #expect(lines[3001] == "   3000  the widest company name  370,226.55")
  }

  @Test func aWindowMeasuresOnlyTheRowsItShows() {
    // The widest name is in the tail, so it is shown and measured; a middle row is not shown.
    var values = (0..<100).map { Value.string("r\($0)") }
    values[50] = .string(String(repeating: "x", count: 40))
    let table = Table(names: ["name"], columns: [Column.make(.string, values)])
    let text = TableRenderer.render(table, options: RenderOptions(maxRows: 4))
    #expect(text == "name\n────\nr0\nr1\n⋮\nr98\nr99\n100 rows, 1 column; showing 4")
  }
}

/// Integer columns are measured from their smallest and largest values; the
/// width must be what formatting every cell gives.
@Suite struct IntegerWidthTests {
  @Test(arguments: [DisplayHint.plain, .money, .rate])
  func widthFromTheExtremesIsTheWidestCell(hint: DisplayHint) {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let count = Int.random(in: 1...40, using: &generator)
      let magnitude = Int64(1) << Int64.random(in: 1...62, using: &generator)
      var values: [Value] = (0..<count).map { _ in .int(Int64.random(in: -magnitude...magnitude, using: &generator)) }
      if Bool.random(using: &generator) { values[0] = .null }
      let column = Column.make(.int, values, hint: hint)
      for identifier in [false, true] {
        let name = identifier ? "lead_id" : "leads"
        let table = Table(names: [name], columns: [column])
        let window = RowWindow(rowCount: count, maxRows: nil)
        let measured = ColumnLayout.measure(table, window: window)[0].naturalWidth
        let naive = (0..<count).map { TerminalText.width(CellText.text(of: column, row: $0, identifier: identifier)) }
        #expect(measured == max(TerminalText.width(name), naive.max() ?? 0), "\(values) \(hint) \(identifier)")
      }
    }
  }
}
