/// The cells of one sheet in the order the sheet lists them: each one's
/// row, column and text (the text in one shared byte buffer). Missing cells
/// (a sparse row, `r="C5"` after `A5`) are simply absent; an empty text is
/// a null (an error cell, an empty string).
struct SheetCells {
  var bytes: [UInt8] = []
  private(set) var rows: [Int32] = []
  private(set) var columns: [Int32] = []
  private(set) var starts: [UInt32] = []
  private(set) var ends: [UInt32] = []
  var merges: [CellRange] = []

  var count: Int { rows.count }

  mutating func add(row: Int, column: Int, _ text: [UInt8]) {
    let start = startCell()
    bytes += text
    finishCell(row: row, column: column, start: start)
  }

  /// Where the next cell's text begins: append it to `bytes`, then `finishCell`.
  func startCell() -> Int { bytes.count }

  mutating func finishCell(row: Int, column: Int, start: Int) {
    guard bytes.count > start else { return }
    rows.append(Int32(clamping: row))
    columns.append(Int32(clamping: column))
    starts.append(UInt32(truncatingIfNeeded: start))
    ends.append(UInt32(truncatingIfNeeded: bytes.count))
  }

  /// How the sheet becomes a table: which row is the header and which rows
  /// and columns follow it.
  struct Layout {
    /// Indexes into `rows` of the header's cells and each data row's cells.
    var header: Range<Int>?
    var data: [Range<Int>]
    var firstColumn: Int
    var width: Int
  }

  /// Lays the cells out as a table. Rows with no value are passed over (as
  /// the CSV reader passes over empty lines). With `skip`, the first `skip`
  /// rows of the sheet are passed over and the next row with a value is the
  /// header. Without it, title rows above the header are passed over: a
  /// row with a single value, or one lying in a merged range of several
  /// columns, while a row below (among the first 20) has more values.
  func layout(skip: Int?) -> Layout {
    var lines: [Range<Int>] = []
    var i = 0
    while i < rows.count {
      var j = i + 1
      while j < rows.count, rows[j] == rows[i] { j += 1 }
      lines.append(i..<j)
      i = j
    }
    var first = 0
    if let skip {
      while first < lines.count, Int(rows[lines[first].lowerBound]) <= skip { first += 1 }
    } else {
      let widest = lines.prefix(20).map(\.count).max() ?? 0
      while first < lines.count - 1, isTitle(lines[first], widest: widest) { first += 1 }
    }
    guard first < lines.count else { return Layout(header: nil, data: [], firstColumn: 0, width: 0) }
    let kept = lines[first...]
    var low = Int.max
    var high = -1
    for line in kept {
      for k in line {
        low = min(low, Int(columns[k]))
        high = max(high, Int(columns[k]))
      }
    }
    return Layout(header: kept.first, data: Array(kept.dropFirst()), firstColumn: low, width: high - low + 1)
  }

  private func isTitle(_ line: Range<Int>, widest: Int) -> Bool {
    guard line.count < widest else { return false }
    if line.count == 1 { return true }
    let row = Int(rows[line.lowerBound])
    return merges.contains { range in
      range.lastColumn > range.firstColumn && (range.firstRow...range.lastRow).contains(row)
    }
  }

  /// Whether the cells are listed row by row, as every writer does; the
  /// reader sorts them otherwise.
  var isInRowOrder: Bool {
    var k = 1
    while k < rows.count {
      if rows[k] < rows[k - 1] { return false }
      k += 1
    }
    return true
  }

  /// The cells reordered by row (keeping each row's cells in order).
  func sortedByRow() -> SheetCells {
    let order = rows.indices.sorted { (rows[$0], $0) < (rows[$1], $1) }
    var sorted = SheetCells()
    sorted.bytes = bytes
    sorted.merges = merges
    sorted.rows = order.map { rows[$0] }
    sorted.columns = order.map { columns[$0] }
    sorted.starts = order.map { starts[$0] }
    sorted.ends = order.map { ends[$0] }
    return sorted
  }

  /// The table's fields as the CSV reader's `FieldGrid`, so that the same
  /// type inference reads both: the header's texts become the names (an
  /// empty one `columnN`, a repeated one `name_2`, as in CSV) and each data
  /// row one record, null where the row has no cell. Each record's line is
  /// its row number in the sheet, for messages.
  func grid(_ layout: Layout) -> FieldGrid {
    let width = layout.width
    var names = [String](repeating: "", count: width)
    if let header = layout.header {
      for k in header {
        names[Int(columns[k]) - layout.firstColumn] = String(
          decoding: bytes[Int(starts[k])..<Int(ends[k])], as: UTF8.self)
      }
    }
    var seen: Set<String> = []
    for c in names.indices { names[c] = ColumnNames.unique(names[c], at: c, seen: &seen) }
    let count = layout.data.count * width
    var fieldStarts = [UInt32](repeating: 0, count: count)
    var fieldEnds = [UInt32](repeating: 0, count: count)
    var lines: [Int32] = []
    lines.reserveCapacity(layout.data.count)
    for (r, line) in layout.data.enumerated() {
      lines.append(rows[line.lowerBound])
      for k in line {
        let i = r * width + Int(columns[k]) - layout.firstColumn
        fieldStarts[i] = starts[k]
        fieldEnds[i] = ends[k]
      }
    }
    return FieldGrid(
      bytes: bytes, names: width > 0 ? names : [], rowCount: layout.data.count, starts: fieldStarts, ends: fieldEnds,
      rowStride: width, columnStride: 1, rowLines: lines)
  }
}
