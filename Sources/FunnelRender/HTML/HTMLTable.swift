import FunnelData

/// A result as an HTML table inside a box that scrolls sideways on its own,
/// so a wide table never widens the page. Cells read as in the terminal
/// table (`CellText`: separators, money, rates, keys without separators);
/// numbers, dates and periods are right-aligned, nulls dimmed. At most
/// `maxRows` rows are written; the line under the table counts them in the
/// terminal's words (`20,000 rows, 15 columns; showing 1,000`, or `25 rows`).
enum HTMLTable {
  static let maxRows = 1_000

  static func html(_ table: Table, maxRows: Int = maxRows) -> String {
    let shown = min(table.rowCount, maxRows)
    let identifiers = table.names.map(CellText.isIdentifier)
    let right = table.columns.map { CellText.isRightAligned($0.type) }
    var out = "<div class=\"table\"><table>\n<thead><tr>"
    for (c, name) in table.names.enumerated() {
      out += (right[c] ? "<th class=\"num\">" : "<th>") + Markup.escaped(name) + "</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in 0..<shown {
      out += "<tr>"
      for (c, column) in table.columns.enumerated() {
        let text = Markup.escaped(CellText.text(of: column, row: row, identifier: identifiers[c]))
        if column.value(at: row) == .null {
          out += "<td class=\"null\">" + text + "</td>"
        } else {
          out += (right[c] ? "<td class=\"num\">" : "<td>") + text + "</td>"
        }
      }
      out += "</tr>\n"
    }
    out += "</tbody></table></div>\n"
    var count: String?
    if table.rowCount == 0 {
      count = "(no rows)"
    } else if shown < table.rowCount {
      count =
        TableFooter.count(table.rowCount, "row") + ", " + TableFooter.count(table.columnCount, "column")
        + "; showing " + NumberFormat.grouped(String(shown))
    } else if table.rowCount > TableFooter.countFrom {
      count = TableFooter.count(table.rowCount, "row")
    }
    if let count { out += "<p class=\"count\">" + Markup.escaped(count) + "</p>\n" }
    return out
  }
}
