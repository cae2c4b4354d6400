import Dispatch
import Foundation

/// Reads a file into a `Table`, inferring each column's type over the whole file.
///
/// The extension picks the reader: `.json` (an array of objects), `.jsonl` /
/// `.ndjson` (one object per line), and delimited text for everything else
/// (`.tsv` defaults to tab; `.csv`, `.txt` and the rest sniff `,` `;` tab `|`).
///
///     var options = ReadOptions()
///     options.nullTokens = ["unknown"]
///     let bank = try TableReader.read(path: "bank-additional-full.csv", options: options)
///     // 41188 rows; age int, emp.var.rate decimal(1), job text with nulls
///
/// A row with the wrong number of fields is an error like
/// `bank.csv:7: this row has 20 fields but the header has 21`.
public enum TableReader {
  /// Reads `path`; every problem is a `FileError` naming the path (and the
  /// line and column when it is at one place).
  public static func read(path: String, options: ReadOptions = .init()) throws -> Table {
    let rules = try FieldRules(options, path: path)
    let format = FileFormat.pathExtension(path)
    // Delimited text from a regular file is read a chunk at a time. Forced
    // types check every value before building (one error names the first bad
    // one), and pipes cannot be read twice: those take the whole file at once.
    if !["json", "jsonl", "ndjson"].contains(format), options.types.isEmpty,
      let file = try ChunkedFile(path: path, chunkSize: DelimitedFileReader.chunkSize)
    {
      return try DelimitedFileReader(file: file, options: options, rules: rules).read()
    }
    let bytes = try readBytes(path)
    let grid: FieldGrid
    switch format {
    case "json", "jsonl", "ndjson":
      grid = try JSONFieldParser.parse(bytes, path: path)
    default:
      let separator =
        options.separator ?? (FileFormat.pathExtension(path) == "tsv" ? 9 : SeparatorSniffer.sniff(bytes))
      grid = try DelimitedScanner(path: path, separator: separator).scan(bytes)
    }
    return try table(from: grid, options: options, rules: rules, path: path)
  }

  /// Types every column of the grid.
  static func table(from grid: FieldGrid, options: ReadOptions, rules: FieldRules, path: String) throws -> Table {
    for name in options.types.keys.sorted() where !grid.names.contains(name) {
      var message = "no column '\(name)' to give a type to"
      if !grid.names.isEmpty { message += "; the columns are " + grid.names.joined(separator: ", ") }
      throw FileError(path: path, column: name, message: message)
    }
    let count = grid.names.count
    var results = [Result<Column, FileError>?](repeating: nil, count: count)
    grid.withView { view in
      results.withUnsafeMutableBufferPointer { out in
        // Columns are independent, so they are typed on all cores at once;
        // each writes only its own slot of `out`.
        DispatchQueue.concurrentPerform(iterations: count) { c in
          var cursor = FieldCursor(view: view, column: c)
          defer { cursor.release() }
          let builder = ColumnBuilder(name: grid.names[c], rules: rules)
          if let forced = options.types[grid.names[c]] {
            let forcedColumn = ForcedColumn(builder: builder, grid: grid, column: c, path: path)
            do {
              out[c] = .success(try forcedColumn.build(&cursor, as: forced))
            } catch let error as FileError {
              out[c] = .failure(error)
            } catch {
              out[c] = .failure(FileError(path: path, column: grid.names[c], message: "\(error)"))
            }
          } else {
            out[c] = .success(builder.inferred(&cursor))
          }
        }
      }
    }
    var columns: [Column] = []
    columns.reserveCapacity(count)
    for result in results {
      switch result {
      case .success(let column): columns.append(column)
      case .failure(let error): throw error
      case nil: throw FileError(path: path, message: "internal error: a column was not read (this is a bug)")
      }
    }
    if columns.isEmpty { return Table(rowCount: grid.rowCount) }
    return Table(names: grid.names, columns: columns)
  }

  /// The whole file, or a `FileError` with the system's reason.
  static func readBytes(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw systemError(path) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw systemError(path) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, message: "is a directory, not a file") }
    // Read straight into uninitialised memory: zero-filling 100 MB first
    // would touch every page twice.
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0) + 1) { buffer, filled in
      filled = 0
      while filled < buffer.count {
        let got = Foundation.read(fd, buffer.baseAddress.unsafelyUnwrapped + filled, buffer.count - filled)
        if got < 0, errno == EINTR { continue }
        if got < 0 { failure = errno }
        if got <= 0 { break }
        filled += got
      }
    }
    // The size is only a hint (pipes, growing files): read on to end of file.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while failure == 0, bytes.count > Int(info.st_size) {
      let got = chunk.withUnsafeMutableBufferPointer { Foundation.read(fd, $0.baseAddress.unsafelyUnwrapped, $0.count) }
      if got < 0, errno == EINTR { continue }
      if got < 0 { failure = errno }
      if got <= 0 { break }
      bytes += chunk[0..<got]
    }
    if failure != 0 { throw FileError(path: path, message: String(cString: strerror(failure))) }
    return bytes
  }

  static func systemError(_ path: String) -> FileError {
    FileError(path: path, message: String(cString: strerror(errno)))
  }
}
