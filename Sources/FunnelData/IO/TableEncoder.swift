/// A table as the bytes of a machine format, written a slice of rows at a
/// time: each slice is encoded column by column on all cores, joined into
/// rows, handed to `write`, and freed before the next. Three million rows of
/// csv never sit in memory as text; each piece ends at a row's end, so it is
/// whole UTF-8.
///
/// ```swift
/// TableEncoder.encode(table, as: .csv, options: WriteOptions()) { bytes in out.append(contentsOf: bytes) }
/// ```
enum TableEncoder {
  /// Rows a slice holds: large enough that the cores have work, small enough
  /// that a slice of a wide table stays a few megabytes.
  static let sliceRows = 65_536

  static func encode(
    _ table: Table, as format: FileFormat, options: WriteOptions, sliceRows: Int = sliceRows,
    write: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) rethrows {
    let escaping = TextEscaping(format, options: options)
    let dictionaries = EscapedDictionary.forColumns(table, escaping: escaping)
    let names = table.names.map { escaping.escape($0) }
    let rows = table.rowCount
    var head = ByteSink(capacity: 64 + names.reduce(0) { $0 + $1.count + 8 })
    switch format {
    case .csv, .tsv:
      head.append(Array(names.joined(separator: [format == .csv ? UInt8(ascii: ",") : 9])))
      head.append(10)
    case .markdown:
      head.append("| " + names.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " | ") + " |\n|")
      for _ in names { head.append(" --- |") }
      head.append(10)
    case .json:
      head.append(rows == 0 ? "[]\n" : "[\n")
    case .jsonl:
      break
    }
    try write(head.bytes)
    let keys = names.enumerated().map { (c, name) in (c == 0 ? [] : [UInt8(ascii: ",")]) + name + [UInt8(ascii: ":")] }
    var start = 0
    while start < rows {
      let slice = start..<min(rows, start + max(1, sliceRows))
      let cells = CellEncoder.encodeColumns(table, rows: slice, escaping: escaping, dictionaries: dictionaries)
      var total = 64
      for c in cells { total += c.text.count + slice.count * (keys.count > 0 ? 8 : 2) }
      var out = ByteSink(capacity: total)
      for row in slice {
        appendRow(row - start, global: row, of: rows, cells: cells, format: format, keys: keys, to: &out)
      }
      try write(out.bytes)
      start = slice.upperBound
    }
    if format == .json, rows > 0 { try [UInt8(ascii: "]"), 10].withUnsafeBufferPointer(write) }
  }

  /// Row `i` of the slice (row `global` of `rows`) in `format`, newline included.
  @inline(__always)
  private static func appendRow(
    _ i: Int, global: Int, of rows: Int, cells: [CellEncoder], format: FileFormat, keys: [[UInt8]],
    to out: inout ByteSink
  ) {
    switch format {
    case .csv, .tsv:
      let separator: UInt8 = format == .csv ? UInt8(ascii: ",") : 9
      for c in cells.indices {
        if c > 0 { out.append(separator) }
        out.append(cells[c].cell(i))
      }
    case .markdown:
      out.append(UInt8(ascii: "|"))
      for c in cells.indices {
        out.append(32)
        out.append(cells[c].cell(i))
        out.append(" |")
      }
    case .json, .jsonl:
      out.append(UInt8(ascii: "{"))
      for c in cells.indices {
        out.append(keys[c])
        out.append(cells[c].cell(i))
      }
      out.append(UInt8(ascii: "}"))
      if format == .json, global + 1 < rows { out.append(UInt8(ascii: ",")) }
    }
    out.append(10)
  }
}
