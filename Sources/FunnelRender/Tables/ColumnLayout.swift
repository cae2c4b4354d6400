import FunnelData

/// How one column is laid out: its header, its alignment, whether it may be
/// cut, and the columns its widest shown cell takes. Measured in a pass over
/// the shown rows that keeps no cell text, so laying out eight million rows
/// for a pipe costs a few numbers, not eight million strings; the rows are
/// formatted again as they are written.
struct ColumnLayout {
  /// The column's name, made printable.
  var name: String
  /// Key columns (`deal_id`) show integers without separators.
  var identifier: Bool
  /// Numbers, dates, timestamps and periods line up on the right.
  var rightAligned: Bool
  /// Free text may be cut with `…` to make room; numbers and dates never
  /// are, since a cut number reads as a different number.
  var truncatable: Bool
  /// Columns the widest shown cell or the header takes.
  var naturalWidth: Int

  /// Every column of `table`, measured over the rows of `window`, columns on all cores.
  static func measure(_ table: Table, window: RowWindow) -> [ColumnLayout] {
    let widths = Parallel.map(table.columnCount) { c in
      widest(table.columns[c], window: window, identifier: CellText.isIdentifier(table.names[c]))
    }
    return table.columns.indices.map { c in
      let header = TerminalText.printable(table.names[c])
      let type = table.columns[c].type
      return ColumnLayout(
        name: header, identifier: CellText.isIdentifier(table.names[c]),
        rightAligned: CellText.isRightAligned(type), truncatable: type == .string,
        naturalWidth: max(TerminalText.width(header), widths[c]))
    }
  }

  /// The widest cell of `column` among the window's rows. Text is measured
  /// once per distinct value when many rows share a dictionary.
  private static func widest(_ column: Column, window: RowWindow, identifier: Bool) -> Int {
    var widest = 0
    let ranges = [window.head, window.tail]
    // Codes and ints read in place: the window is a few rows of what may be
    // millions, and `data` would widen a narrow column's every row.
    if let dictionary = column.dictionary, window.shownCount > dictionary.count / 4 {
      let codes = CodeReader(column)
      var measured = [Int32](repeating: -1, count: dictionary.count)
      let nullWidth = NumberFormat.display(.null, hint: .plain).count
      for range in ranges {
        for row in range {
          if column.isNull(row) {
            widest = max(widest, nullWidth)
            continue
          }
          let code = codes[row]
          if measured[code] < 0 {
            measured[code] = Int32(TerminalText.width(TerminalText.printable(dictionary.values[code])))
          }
          widest = max(widest, Int(measured[code]))
        }
      }
      return widest
    }
    if let narrow = column.narrowInts {
      return widestInteger({ Int64(narrow[$0]) }, column: column, ranges: ranges, identifier: identifier)
    }
    if case .int(let values) = column.data {
      return widestInteger({ values[$0] }, column: column, ranges: ranges, identifier: identifier)
    }
    for range in ranges {
      for row in range {
        widest = max(widest, TerminalText.width(CellText.text(of: column, row: row, identifier: identifier)))
      }
    }
    return widest
  }

  /// Integers: with every hint (`2159`, `2,159`, `2,159.00`, `215,900.0%`) the
  /// text only grows with the number's magnitude, so the widest cell is the
  /// smallest or the largest value; two cells formatted instead of millions.
  private static func widestInteger(
    _ value: (Int) -> Int64, column: Column, ranges: [Range<Int>], identifier: Bool
  ) -> Int {
    var low = Int64.max
    var high = Int64.min
    var sawNull = false
    for range in ranges {
      for row in range {
        if column.isNull(row) {
          sawNull = true
          continue
        }
        low = min(low, value(row))
        high = max(high, value(row))
      }
    }
    var widest = sawNull ? TerminalText.width(NumberFormat.display(.null, hint: .plain)) : 0
    guard low <= high else { return widest }
    for row in [low, high] {
      let text = identifier ? String(row) : NumberFormat.display(.int(row), hint: column.hint)
      widest = max(widest, TerminalText.width(text))
    }
    return widest
  }
}

/// A text column's code at a row, narrow or not, read in place.
private struct CodeReader {
  private let narrow: [UInt8]?
  private let wide: [Int32]

  init(_ column: Column) {
    narrow = column.narrowCodes
    if narrow == nil, case .string(let codes, _) = column.data { wide = codes } else { wide = [] }
  }

  subscript(row: Int) -> Int { narrow.map { Int($0[row]) } ?? Int(wide[row]) }
}
