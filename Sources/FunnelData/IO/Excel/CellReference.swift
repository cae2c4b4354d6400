/// A cell's address, `C5`: the column's letters (A = 0, Z = 25, AA = 26)
/// and the 1-based row.
struct CellReference {
  var column: Int
  var row: Int?

  /// `C5`, `AB12`, or the letters alone; nil for anything else.
  init?(_ text: String) {
    var column = 0
    var letters = 0
    var row = 0
    var digits = 0
    for b in text.utf8 {
      switch b {
      case 65...90 where digits == 0:
        column = column * 26 + Int(b - 64)
        letters += 1
      case 97...122 where digits == 0:
        column = column * 26 + Int(b - 96)
        letters += 1
      case 48...57:
        row = row * 10 + Int(b - 48)
        digits += 1
      case 36:  // `$` of an absolute reference
        continue
      default: return nil
      }
      if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0 else { return nil }
    self.column = column - 1
    self.row = digits > 0 ? row : nil
  }

  /// The letters of column `index` (0 → A).
  static func letters(_ index: Int) -> String {
    var n = index + 1
    var text = ""
    while n > 0 {
      let d = (n - 1) % 26
      text = String(UnicodeScalar(UInt8(65 + d))) + text
      n = (n - 1) / 26
    }
    return text
  }

  static func name(column: Int, row: Int) -> String { letters(max(column, 0)) + String(row) }
}

/// A merged range, `A1:F1`.
struct CellRange {
  var firstRow: Int
  var lastRow: Int
  var firstColumn: Int
  var lastColumn: Int

  init?(_ text: String) {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let a = CellReference(String(parts[0])), let b = CellReference(String(parts[1])),
      let r1 = a.row, let r2 = b.row
    else { return nil }
    firstRow = min(r1, r2)
    lastRow = max(r1, r2)
    firstColumn = min(a.column, b.column)
    lastColumn = max(a.column, b.column)
  }
}
