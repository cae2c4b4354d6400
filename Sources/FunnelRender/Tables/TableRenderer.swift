import FunnelData

/// A result as an aligned text table for a terminal: a header, a rule, the
/// rows, and a footer (see `TableFooter`).
///
/// ```
/// channel       leads     revenue  win_rate
/// ───────────  ──────  ──────────  ────────
/// email         6,120  412,500.00     12.5%
/// paid_search  12,400  190,221.75      8.1%
/// events          310        null    100.0%
/// ```
///
/// The style is minimal: columns two spaces apart, a `─` rule under each
/// header, no frame, so a table takes little more than its content's width.
/// Numbers, dates, timestamps and periods are right-aligned, text and bools
/// left-aligned; cells are formatted by `NumberFormat` with the column's
/// hint. `options.maxRows` limits the rows (head and tail around a `⋮` line,
/// see `RowWindow`); `options.width` cuts long text with `…` and then hides
/// columns from the right (see `ColumnFit`). With `options.color` headers
/// are bold and nulls and footers dim; without it the text holds no escape
/// code. Lines are joined by `\n`, with no newline at the end and no
/// trailing spaces.
///
/// Every row of a big result (a pipe, an `.output` file) is written as it is
/// formatted, through `render(_:options:write:)`: column widths come from a
/// first pass that keeps no text (see `ColumnLayout`), then the lines go out
/// in pieces of about 64 KB, so the output is never held whole.
public enum TableRenderer {
  /// The whole table as one string (no newline at the end).
  public static func render(_ table: Table, options: RenderOptions) -> String {
    var text = ""
    render(table, options: options) { text += $0 }
    if text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// The table in pieces of whole lines, each line ending in `\n`; `write`
  /// gets each piece and must not keep it.
  public static func render(_ table: Table, options: RenderOptions, write: (String) throws -> Void) rethrows {
    guard table.columnCount > 0 else {
      let rows = table.rowCount == 0 ? "" : ", " + TableFooter.count(table.rowCount, "row")
      return try write("(no columns\(rows))\n")
    }
    let window = RowWindow(rowCount: table.rowCount, maxRows: options.maxRows)
    let layouts = ColumnLayout.measure(table, window: window)
    let fit = ColumnFit(
      natural: layouts.map(\.naturalWidth), truncatable: layouts.map(\.truncatable), limit: options.width)
    let shown = Array(layouts.prefix(fit.widths.count))
    let widths = fit.widths
    let color = options.color
    var out = Output()
    func emit(_ line: String) throws {
      if let piece = out.line(line) { try write(piece) }
    }

    try emit(
      line(
        shown.indices.map { c in
          Cell(text: TerminalText.truncate(shown[c].name, to: widths[c]), style: .bold)
        }, shown: shown, widths: widths, color: color))
    try emit(widths.map { String(repeating: "─", count: $0) }.joined(separator: gap))
    let gapLine = line(shown.map { _ in Cell(text: "⋮", style: nil) }, shown: shown, widths: widths, color: color)
    var cells = [Cell](repeating: Cell(text: "", style: nil), count: shown.count)
    func row(_ row: Int) throws {
      for c in shown.indices {
        let text = CellText.text(of: table.columns[c], row: row, identifier: shown[c].identifier)
        let cut = shown[c].truncatable ? TerminalText.truncate(text, to: widths[c]) : text
        cells[c] = Cell(text: cut, style: table.columns[c].isNull(row) ? .dim : nil)
      }
      try emit(line(cells, shown: shown, widths: widths, color: color))
    }
    for r in window.head { try row(r) }
    if window.isCut, !window.tail.isEmpty { try emit(gapLine) }
    for r in window.tail { try row(r) }
    // A limit of one row has no tail: the gap comes last.
    if window.gapAfter == window.shownCount, window.shownCount > 0 { try emit(gapLine) }
    let hidden = layouts.dropFirst(widths.count).map(\.name)
    for footer in TableFooter.lines(table: table, window: window, hidden: hidden) {
      try emit(TextStyle.dim.apply(to: footer, when: color))
    }
    if let rest = out.take() { try write(rest) }
  }

  private static let gap = String(repeating: " ", count: ColumnFit.gap)

  /// Lines gathered into pieces of about `pieceSize` bytes; `line` returns
  /// a full piece to write.
  private struct Output {
    static let pieceSize = 1 << 16
    var piece = ""

    mutating func line(_ text: String) -> String? {
      piece += text
      piece += "\n"
      return piece.utf8.count >= Output.pieceSize ? take() : nil
    }

    mutating func take() -> String? {
      guard !piece.isEmpty else { return nil }
      defer { piece.removeAll(keepingCapacity: true) }
      return piece
    }
  }

  /// A cell's text and how it is styled when colour is on.
  private struct Cell {
    var text: String
    var style: TextStyle?
  }

  /// One line: each cell padded to its column's width on the side its
  /// alignment asks for; padding stays outside the escape codes so trailing
  /// spaces can be dropped.
  private static func line(_ cells: [Cell], shown: [ColumnLayout], widths: [Int], color: Bool) -> String {
    var out = ""
    for (c, cell) in cells.enumerated() {
      if c > 0 { out += gap }
      let padding = String(repeating: " ", count: max(0, widths[c] - TerminalText.width(cell.text)))
      let styled = cell.style.map { $0.apply(to: cell.text, when: color) } ?? cell.text
      out += shown[c].rightAligned ? padding + styled : styled + padding
    }
    while out.hasSuffix(" ") { out.removeLast() }
    return out
  }
}
