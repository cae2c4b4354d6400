import Foundation

/// Writes tables as csv, tsv, json, jsonl or markdown, with raw values (ISO
/// dates, `2018-02-26 19:58:54`, `2026-Q1`, decimals at their scale, rates as
/// fractions); files are replaced atomically (`SafeFileWriter`).
///
///     TableWriter.encode(table, as: .csv)
///     // id,name
///     // 1,"Smith, J."
public enum TableWriter {
  /// The whole table as text in `format`.
  public static func encode(_ table: Table, as format: FileFormat) -> String {
    let sink = encoded(table, as: format)
    defer { sink.release() }
    return String(decoding: sink.bytes, as: UTF8.self)
  }

  /// Writes `table` to `path`, in `format` or the one its extension names,
  /// through `SafeFileWriter`: readers never see half a file, and on failure
  /// (a full disk, a folder that cannot be written) the old file is as it
  /// was and a `FileError` says why.
  public static func write(_ table: Table, to path: String, format: FileFormat? = nil) throws {
    guard let format = format ?? FileFormat(path: path) else {
      throw FileError(
        path: path,
        message: "unknown file extension; supported: " + FileFormat.knownExtensions.joined(separator: " "))
    }
    // The file is made first: a path that cannot be written fails before
    // the table is encoded.
    let writer = try SafeFileWriter(path: path)
    let data = encoded(table, as: format)
    defer { data.release() }
    try writer.write(UnsafeRawBufferPointer(data.bytes))
    try writer.commit()
  }

  /// The encoded table; the caller releases the sink.
  static func encoded(_ table: Table, as format: FileFormat) -> ByteSink {
    let escaping = TextEscaping(format)
    let cells = CellEncoder.encodeColumns(table, escaping: escaping)
    defer { cells.forEach { $0.release() } }
    let names = table.names.map { escaping.escape($0) }
    let rows = table.rowCount
    var total = 64 + names.reduce(0) { $0 + $1.count + 8 }
    for c in cells { total += c.text.count + rows * 8 }
    var out = ByteSink(capacity: total)
    switch format {
    case .csv, .tsv:
      let separator: UInt8 = format == .csv ? UInt8(ascii: ",") : 9
      out.append(Array(names.joined(separator: [separator])))
      out.append(10)
      for row in 0..<rows {
        for c in cells.indices {
          if c > 0 { out.append(separator) }
          out.append(cells[c].cell(row))
        }
        out.append(10)
      }
    case .markdown:
      out.append("| " + names.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " | ") + " |\n|")
      for _ in names { out.append(" --- |") }
      out.append(10)
      for row in 0..<rows {
        out.append(UInt8(ascii: "|"))
        for c in cells.indices {
          out.append(32)
          out.append(cells[c].cell(row))
          out.append(" |")
        }
        out.append(10)
      }
    case .json, .jsonl:
      let array = format == .json
      if array { out.append(rows == 0 ? "[]\n" : "[\n") }
      let keys = names.enumerated().map { (c, name) in (c == 0 ? [] : [UInt8(ascii: ",")]) + name + [UInt8(ascii: ":")] }
      for row in 0..<rows {
        out.append(UInt8(ascii: "{"))
        for c in cells.indices {
          out.append(keys[c])
          out.append(cells[c].cell(row))
        }
        out.append(UInt8(ascii: "}"))
        if array, row + 1 < rows { out.append(UInt8(ascii: ",")) }
        out.append(10)
      }
      if array, rows > 0 { out.append("]\n") }
    }
    return out
  }
}
