import FunnelData

/// One cell as a table shows it: formatted by `NumberFormat` with the
/// column's hint, a key column's integers without separators, and text with
/// its control and bidi characters made visible.
///
/// ```swift
/// CellText.text(of: column, row: 0, identifier: true)   // "2159" in deal_id, not "2,159"
/// CellText.text(of: names, row: 3, identifier: false)  // "Acme\\u{1B}]0;x\\u{7}"
/// ```
enum CellText {
  static func text(of column: Column, row: Int, identifier: Bool) -> String {
    let value = column.value(at: row)
    switch value {
    case .int(let id) where identifier: return String(id)
    case .string(let text): return TerminalText.printable(text)
    default: return NumberFormat.display(value, hint: column.hint(at: row))
    }
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
