import FunnelData
import Testing

@testable import FunnelRender

@Suite struct TableRendererTests {
  @Test func alignsNumbersRightAndTextLeft() {
    let text = TableRenderer.render(TestTables.channels, options: RenderOptions())
    #expect(
      text == """
        channel       leads     revenue  win_rate
        ───────────  ──────  ──────────  ────────
        email         6,120  412,500.00     12.5%
        paid_search  12,400  190,221.75      8.1%
        events          310        null    100.0%
        """)
  }

  /// One column of counts, money and rates (`compare`'s values): each row
  /// as its own hint says, and the row hints follow the rows when gathered.
  @Test func rowHintsFormatEachRowAsItsKind() {
    var values = Column.make(.double, [.double(3082), .double(1234.5), .double(0.3211)])
    values.rowHints = [.plain, .money, .rate]
    var change = Column.make(.double, [.double(1020), .double(-34.5), .double(0.016)])
    change.rowHints = [.plain, .money, .points]
    let table = Table(
      names: ["metric", "value", "change"],
      columns: [Column.make(.string, [.string("n"), .string("revenue"), .string("win_rate")]), values, change])
    #expect(
      TableRenderer.render(table, options: RenderOptions()) == """
        metric       value  change
        ────────  ────────  ──────
        n            3,082   1,020
        revenue   1,234.50  -34.50
        win_rate     32.1%  1.6 pp
        """)
    let reordered = table.gather([2, 0])
    #expect(
      TableRenderer.render(reordered, options: RenderOptions()) == """
        metric    value  change
        ────────  ─────  ──────
        win_rate  32.1%  1.6 pp
        n         3,082   1,020
        """)
  }

  @Test func wideCharactersKeepColumnsAligned() {
    let table = Table(
      names: ["city", "leads"],
      columns: [
        Column.make(.string, [.string("東京"), .string("NYC"), .string("🚀 launch")]),
        Column.make(.int, [.int(1), .int(22), .int(333)]),
      ])
    let lines = TableRenderer.render(table, options: RenderOptions()).split(separator: "\n").map(String.init)
    let widths = Set(lines.map { TerminalText.width($0) })
    #expect(widths.count == 1, "every line as wide as the header: \(lines)")
  }

  static let wide = Table(
    names: ["lead_id", "company", "industry", "company_size", "score"],
    columns: [
      Column.make(.int, [.int(1), .int(2)]),
      Column.make(.string, [.string("Acme Industrial Holdings International"), .string("Initech")]),
      Column.make(.string, [.string("enterprise software"), .string("retail")]),
      Column.make(.string, [.string("1000-5000"), .string("1-10")]),
      Column.make(.int, [.int(87), .int(42)]),
    ])

  @Test func narrowWidthTruncatesTextWithEllipsis() {
    let text = TableRenderer.render(Self.wide, options: RenderOptions(width: 40))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "lead_id  company    industry   company_…")
    #expect(lines.contains("      1  Acme Ind…  enterpri…  1000-5000"))
    #expect(lines.last == "1 column hidden: score")
    for line in lines.dropLast() { #expect(TerminalText.width(line) <= 40) }
  }

  @Test func tooNarrowHidesColumnsFromTheRight() {
    let text = TableRenderer.render(Self.wide, options: RenderOptions(width: 24))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.last == "3 columns hidden: industry, company_size, score")
    #expect(lines.contains("      1  Acme Industria…"))
    for line in lines.dropLast() { #expect(TerminalText.width(line) <= 24) }
    // With room for everything nothing is cut or hidden.
    let full = TableRenderer.render(Self.wide, options: RenderOptions(width: 200))
    #expect(!full.contains("…") && !full.contains("hidden"))
  }

  @Test func numbersAreNeverCut() {
    let table = Table(
      names: ["name", "amount"],
      columns: [
        Column.make(.string, [.string("a very long deal name indeed")]),
        Column.make(.decimal(scale: 2), [.decimal(123_456_789_00, scale: 2)], hint: .money),
      ])
    let text = TableRenderer.render(table, options: RenderOptions(width: 26))
    #expect(text.contains("a very lo…  123,456,789.00"))
    // Narrower than the number and the smallest text column: the number is hidden, not cut.
    let narrow = TableRenderer.render(table, options: RenderOptions(width: 20))
    #expect(!narrow.contains("123,456") && narrow.hasSuffix("1 column hidden: amount"))
  }

  @Test func rowLimitShowsHeadAndTailWithFooter() {
    let table = TestTables.grid(rows: 20_000, columns: 15)
    let text = TableRenderer.render(table, options: RenderOptions(maxRows: 40))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.last == "20,000 rows, 15 columns; showing 40")
    // header + rule + 40 rows + the ⋮ line + the footer
    #expect(lines.count == 44)
    #expect(lines[2].split(separator: " ").first == "0")
    #expect(lines[22].allSatisfy { $0 == "⋮" || $0 == " " })
    #expect(lines[42].hasSuffix("299,999"))
  }

  @Test(arguments: [(25, nil, "25 rows"), (11, nil, "11 rows"), (10, nil, nil), (12, 12, "12 rows"), (1, nil, nil)])
  func footerCountsRows(rows: Int, maxRows: Int?, footer: String?) {
    let lines = TableRenderer.render(TestTables.grid(rows: rows, columns: 2), options: RenderOptions(maxRows: maxRows))
      .split(separator: "\n").map(String.init)
    if let footer {
      #expect(lines.last == footer)
      #expect(lines.count == rows + 3)
    } else {
      #expect(lines.count == rows + 2)
    }
  }

  @Test func emptyResultShowsHeaderAndNoRows() {
    let table = Table(names: ["channel", "leads"], columns: [Column.make(.string, []), Column.make(.int, [])])
    #expect(TableRenderer.render(table, options: RenderOptions()) == "channel  leads\n───────  ─────\n(no rows)")
  }

  @Test func tableWithoutColumns() {
    #expect(TableRenderer.render(Table.empty, options: RenderOptions()) == "(no columns)")
    #expect(TableRenderer.render(Table(rowCount: 3), options: RenderOptions()) == "(no columns, 3 rows)")
  }

  @Test func colorOnlyWhenAsked() {
    let plain = TableRenderer.render(TestTables.channels, options: RenderOptions(color: false))
    #expect(!TestTables.hasEscape(plain))
    let colored = TableRenderer.render(TestTables.channels, options: RenderOptions(color: true))
    #expect(colored.contains("\u{1B}[1mchannel\u{1B}[0m"))
    #expect(colored.contains("\u{1B}[2mnull\u{1B}[0m"))
    let limited = TableRenderer.render(
      TestTables.grid(rows: 100, columns: 3), options: RenderOptions(maxRows: 5, color: false))
    #expect(!TestTables.hasEscape(limited))
  }

  @Test func cellsCannotSmuggleEscapeCodes() {
    let table = Table(names: ["note"], columns: [Column.make(.string, [.string("red\u{1B}[31m!\nnext")])])
    let text = TableRenderer.render(table, options: RenderOptions())
    #expect(!TestTables.hasEscape(text))
    #expect(text.split(separator: "\n").count == 3)
  }
}
