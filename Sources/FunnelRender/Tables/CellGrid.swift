import FunnelData

/// The cells a table shows, already formatted, column by column: the
/// expensive part of rendering, done only for the rows of a `RowWindow`
/// (a 20,000-row result formats 40 rows, not 20,000).
struct CellGrid {
  /// One column's shown text.
  struct Entry {
    var name: String
    var cells: [String]
    /// True where the cell is null (shown dim with colour).
    var nulls: [Bool]
    /// Numbers, dates, timestamps and periods line up on the right.
    var rightAligned: Bool
    /// Free text may be cut with `…` to make room; numbers and dates never
    /// are, since a cut number reads as a different number.
    var truncatable: Bool
    /// Columns the widest cell or the header takes.
    var naturalWidth: Int
  }

  var entries: [Entry]

  init(_ table: Table, rows: [Int]) {
    entries = zip(table.names, table.columns).map { name, column in
      CellGrid.entry(name: name, column: column, rows: rows)
    }
  }

  private static func entry(name: String, column: Column, rows: [Int]) -> Entry {
    var cells = [String]()
    var nulls = [Bool]()
    cells.reserveCapacity(rows.count)
    nulls.reserveCapacity(rows.count)
    let header = TerminalText.printable(name)
    var widest = TerminalText.width(header)
    let identifier = isIdentifier(name)
    for row in rows {
      let value = column.value(at: row)
      var text: String
      if identifier, case .int(let id) = value {
        text = String(id)
      } else {
        text = NumberFormat.display(value, hint: column.hint)
      }
      if case .string = value { text = TerminalText.printable(text) }
      widest = max(widest, TerminalText.width(text))
      cells.append(text)
      nulls.append(value.isNull)
    }
    let type = column.type
    return Entry(
      name: header, cells: cells, nulls: nulls,
      rightAligned: isRightAligned(type), truncatable: type == .string,
      naturalWidth: widest)
  }

  /// `deal_id`, `id`, `campaign_id`: keys read as labels, so `2159` rather
  /// than `2,159`.
  static func isIdentifier(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower == "id" || lower.hasSuffix("_id") || lower.hasSuffix(" id")
  }

  static func isRightAligned(_ type: DataType) -> Bool {
    switch type {
    case .int, .double, .decimal, .date, .timestamp, .period: return true
    case .bool, .string: return false
    }
  }
}
