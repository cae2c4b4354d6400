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
/// The extension does not say how the bytes are stored: `leads.csv` may be
/// gzip-compressed or UTF-16 (see `TextInput`).
public enum TableReader {
  /// Reads `path`; every problem is a `FileError` naming the path (and the
  /// line and column when it is at one place), `MemoryLimitExceeded` or
  /// `Cancelled`.
  ///
  /// The file is opened once (see `TextInput`: gzip, UTF-16/32, binary
  /// refused). A regular file of delimited text is read a chunk at a time,
  /// with a second pass for the columns that need one; a stream (a pipe,
  /// a device) is read whole first, since it cannot be read twice. Forced
  /// types check every value before building (one error names the first bad
  /// one), and JSON is parsed whole: those take the whole file at once.
  public static func read(path: String, options: ReadOptions = .init()) throws -> Table {
    let format = FileFormat.contentExtension(path)
    if ["xlsx", "xlsm", "zip"].contains(format) || ZipArchive.looksLikeZip(path) {
      // Inflated and parsed part by part: the bar can show only the time it takes.
      let name = path.split(separator: "/").last.map(String.init) ?? path
      options.progress?.start("loading " + name, total: nil, unit: .steps)
      return try ZippedTable.read(path: path, options: options)
    }
    if options.sheet != nil || options.skip != nil || options.entry != nil {
      let option = options.sheet != nil ? "sheet" : options.skip != nil ? "skip" : "entry"
      throw FileError(
        path: path,
        message: "the option '\(option)' is for \(option == "entry" ? "zip archives" : "Excel workbooks (.xlsx)")")
    }
    return try read(path: path, format: format, options: options) {
      try TextInput(path: path, progress: options.progress)
    }
  }

  /// Reads text in `format` (an extension: csv, tsv, json, ...) from the
  /// input `open` makes; `path` names it in messages.
  static func read(path: String, format: String, options: ReadOptions, open: () throws -> TextInput) throws -> Table {
    let rules = try FieldRules(options, path: path)
    let budget = LoadBudget(options, path: path)
    try budget.checkCancelled()
    let input = try open()
    let json = ["json", "jsonl", "ndjson"].contains(format)
    if !json, options.types.isEmpty {
      let source: ChunkSource =
        input.isRewindable ? input : SpooledText(path: path, pieces: try input.readPieces(budget))
      // A small plain file gets a buffer of its own size, not a whole chunk:
      // loading it then needs memory for what it holds (and a small
      // memory limit is not spent on an empty buffer).
      var chunkSize = DelimitedFileReader.chunkSize
      if input.isRewindable, input.layers.isEmpty, let size = input.estimatedSize {
        chunkSize = min(chunkSize, max(size + 1, 4096))
      }
      let file = ChunkedFile(source: source, chunkSize: chunkSize)
      return try DelimitedFileReader(file: file, options: options, rules: rules, budget: budget).read()
    }
    let bytes = try input.readAll(budget)
    let grid: FieldGrid
    if json {
      grid = try JSONFieldParser.parse(bytes, path: path)
    } else {
      let separator = options.separator ?? (format == "tsv" ? 9 : SeparatorSniffer.sniff(bytes))
      grid = try DelimitedScanner(path: path, separator: separator).scan(bytes)
    }
    // The grid is built; its columns (about 9 bytes a value while typed) come next.
    try budget.check(grid.bytes.count + 8 * grid.starts.count + 9 * grid.rowCount * grid.names.count)
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
    // Columns are independent, so they are typed on all cores at once.
    let results = grid.withView { view in
      Parallel.map(count) { c -> Result<Column, FileError> in
        var cursor = FieldCursor(view: view, column: c)
        let builder = ColumnBuilder(name: grid.names[c], rules: rules)
        guard let forced = options.types[grid.names[c]] else { return .success(builder.inferred(&cursor)) }
        let forcedColumn = ForcedColumn(builder: builder, grid: grid, column: c, path: path)
        do {
          return .success(try forcedColumn.build(&cursor, as: forced))
        } catch let error as FileError {
          return .failure(error)
        } catch {
          return .failure(FileError(path: path, column: grid.names[c], message: "\(error)"))
        }
      }
    }
    var columns: [Column] = []
    columns.reserveCapacity(count)
    for result in results {
      switch result {
      case .success(let column): columns.append(column)
      case .failure(let error): throw error
      }
    }
    if columns.isEmpty { return Table(rowCount: grid.rowCount) }
    return Table(names: grid.names, columns: columns)
  }
}
