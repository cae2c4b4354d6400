import FunnelData

/// The lines under a table that say what is not in plain sight.
///
/// - Rows cut by the row limit: `20,000 rows, 15 columns; showing 40`.
/// - Every row shown, more than `countFrom` (10) of them: `25 rows`; a
///   short result is counted at a glance, so it gets no footer.
/// - Columns hidden for width: `3 columns hidden: industry, company_size, score`.
/// - No rows at all: `(no rows)` under the header.
enum TableFooter {
  static let countFrom = 10

  static func lines(table: Table, window: RowWindow, hidden: [String]) -> [String] {
    var lines = [String]()
    if table.rowCount == 0 {
      lines.append("(no rows)")
    } else if window.isCut {
      lines.append(
        "\(count(table.rowCount, "row")), \(count(table.columnCount, "column")); "
          + "showing \(NumberFormat.grouped(String(window.shownCount)))")
    } else if table.rowCount > countFrom {
      lines.append(count(table.rowCount, "row"))
    }
    if !hidden.isEmpty {
      lines.append(count(hidden.count, "column") + " hidden: " + hidden.joined(separator: ", "))
    }
    return lines
  }

  /// `1 row`, `25 rows`, `20,000 rows`.
  static func count(_ n: Int, _ noun: String) -> String {
    NumberFormat.grouped(String(n)) + " " + (n == 1 ? noun : noun + "s")
  }
}
