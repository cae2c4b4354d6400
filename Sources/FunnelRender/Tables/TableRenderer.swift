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
public enum TableRenderer {
  public static func render(_ table: Table, options: RenderOptions) -> String {
    guard table.columnCount > 0 else {
      let rows = table.rowCount == 0 ? "" : ", " + TableFooter.count(table.rowCount, "row")
      return "(no columns\(rows))"
    }
    let window = RowWindow(rowCount: table.rowCount, maxRows: options.maxRows)
    let grid = CellGrid(table, rows: window.rows)
    let fit = ColumnFit(
      natural: grid.entries.map(\.naturalWidth), truncatable: grid.entries.map(\.truncatable),
      limit: options.width)
    let shown = Array(grid.entries.prefix(fit.widths.count))
    let widths = fit.widths
    let color = options.color

    var lines = [String]()
    lines.append(
      line(
        shown.indices.map { c in
          Cell(text: TerminalText.truncate(shown[c].name, to: widths[c]), style: .bold)
        }, shown: shown, widths: widths, color: color))
    lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: gap))
    let gapLine = line(shown.map { _ in Cell(text: "⋮", style: nil) }, shown: shown, widths: widths, color: color)
    for (position, _) in window.rows.enumerated() {
      if position == window.gapAfter { lines.append(gapLine) }
      lines.append(
        line(
          shown.indices.map { c in
            let entry = shown[c]
            let text = entry.cells[position]
            let cut = entry.truncatable ? TerminalText.truncate(text, to: widths[c]) : text
            return Cell(text: cut, style: entry.nulls[position] ? .dim : nil)
          }, shown: shown, widths: widths, color: color))
    }
    // A limit of one row has no tail: the gap comes last.
    if window.gapAfter == window.shownCount, window.shownCount > 0 { lines.append(gapLine) }
    let hidden = grid.entries.dropFirst(widths.count).map(\.name)
    for footer in TableFooter.lines(table: table, window: window, hidden: hidden) {
      lines.append(TextStyle.dim.apply(to: footer, when: color))
    }
    return lines.joined(separator: "\n")
  }

  private static let gap = String(repeating: " ", count: ColumnFit.gap)

  /// A cell's text and how it is styled when colour is on.
  private struct Cell {
    var text: String
    var style: TextStyle?
  }

  /// One line: each cell padded to its column's width on the side its
  /// alignment asks for; padding stays outside the escape codes so trailing
  /// spaces can be dropped.
  private static func line(_ cells: [Cell], shown: [CellGrid.Entry], widths: [Int], color: Bool) -> String {
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
