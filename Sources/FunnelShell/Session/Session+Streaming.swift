import FunnelData
import FunnelRender

/// Long results written a piece at a time, so Ctrl-C stops them and the
/// text of eight million rows is never held at once.
extension Session {
  /// Rows encoded per piece of machine-format output.
  static let outputPieceRows = 65_536

  /// `table` in a machine format, `outputPieceRows` rows at a time with a
  /// check of Ctrl-C between pieces; the text is the same as encoding the
  /// whole table at once (each piece's header is dropped after the first, and
  /// a JSON array's brackets are kept only at its two ends).
  func emitEncoded(_ table: Table, as format: FileFormat) throws {
    let n = table.rowCount
    let size = Self.outputPieceRows
    guard n > size else {
      let text = TableWriter.encode(table, as: format)
      emit(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
      return
    }
    let header = format == .json ? "[\n" : TableWriter.encode(table.gather([]), as: format)
    for start in stride(from: 0, to: n, by: size) {
      try cancellation.check()
      let end = min(start + size, n)
      var text = Substring(TableWriter.encode(table.gather((start..<end).map { Int32($0) }), as: format))
      if start > 0, text.hasPrefix(header) { text = text.dropFirst(header.count) }
      if format == .json, end < n, text.hasSuffix("\n]\n") {
        // The array goes on: this piece's last object takes a comma instead.
        text = text.dropLast(3) + ",\n"
      }
      emit(String(text))
    }
  }

  /// Throws `MemoryLimitExceeded` when drawing `table` as a text table (all
  /// its rows, or `rows` of them) would not fit under the limit: each cell is
  /// a string of its own until the lines are joined.
  func checkDrawing(_ table: Table, rows: Int?) throws {
    let drawn = min(table.rowCount, rows ?? Int.max)
    let (bytes, overflow) = drawn.multipliedReportingOverflow(by: 48 * max(1, table.columnCount))
    try memoryLimit.check(overflow ? Int.max : bytes, while: "drawing a table of \(Counts.grouped(drawn)) rows")
  }
}
