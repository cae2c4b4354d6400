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
  public static func encode(_ table: Table, as format: FileFormat, options: WriteOptions = WriteOptions()) -> String {
    let sink = encoded(table, as: format, options: options)
    return String(decoding: sink.bytes, as: UTF8.self)
  }

  /// The table as text in `format`, in pieces of whole rows (tens of
  /// thousands at a time), so a caller can pass a big result on without
  /// holding all of it: `write` gets each piece and must not keep it.
  public static func encode(
    _ table: Table, as format: FileFormat, options: WriteOptions = WriteOptions(), write: (String) throws -> Void
  ) rethrows {
    try TableEncoder.encode(table, as: format, options: options) { try write(String(decoding: $0, as: UTF8.self)) }
  }

  /// Writes `table` to `path`, in `format` or the one its extension names,
  /// through `SafeFileWriter`: readers never see half a file, and on failure
  /// (a full disk, a folder that cannot be written) the old file is as it
  /// was and a `FileError` says why.
  public static func write(
    _ table: Table, to path: String, format: FileFormat? = nil, options: WriteOptions = WriteOptions(),
    cancellation: Cancellation? = nil
  ) throws {
    guard let format = format ?? FileFormat(path: path) else {
      throw FileError(
        path: path,
        message: "unknown file extension; supported: " + FileFormat.knownExtensions.joined(separator: " "))
    }
    // The file is made first: a path that cannot be written fails before
    // the table is encoded.
    let writer = try SafeFileWriter(path: path)
    // Written a slice of rows at a time: a big table is never held whole as
    // text, and Ctrl-C stops between slices (the writer then removes its
    // temporary file and the old file stays as it was).
    try TableEncoder.encode(table, as: format, options: options) { piece in
      try cancellation?.check()
      try writer.write(UnsafeRawBufferPointer(piece))
    }
    try writer.commit()
  }

  /// The encoded table.
  static func encoded(_ table: Table, as format: FileFormat, options: WriteOptions = WriteOptions()) -> ByteSink {
    var out = ByteSink(capacity: 4096)
    var pieces = 0
    TableEncoder.encode(table, as: format, options: options) { piece in
      pieces += 1
      // The first slice of rows (after the header) tells the size of the rest.
      if pieces == 2 {
        let slices = (table.rowCount + TableEncoder.sliceRows - 1) / TableEncoder.sliceRows
        out.reserve(piece.count + piece.count / 8 * 9 * max(0, slices - 1) + 4096)
      }
      out.append(piece)
    }
    return out
  }
}
