import Foundation

/// Reads delimited text a chunk at a time: each chunk is
/// scanned into fields and every column's `ColumnAccumulator` takes its part,
/// so memory holds the typed columns and one chunk, never the whole file and
/// its field offsets. A column that cannot be kept as it goes (see
/// `ColumnAccumulator`) is converted on a second pass over the file.
/// Between chunks the load's budget is checked: Ctrl-C, and the memory the
/// columns will need once the whole file is in.
struct DelimitedFileReader {
  /// 4 MiB: big enough that each chunk's work spreads over the cores, and
  /// small enough that its bytes and field offsets, which every column's
  /// pass reads again, stay in the caches (on the 1M-lead benchmark files, 8
  /// MiB took 4% longer and held 13 MB more at the peak).
  static let chunkSize = 4 << 20

  let file: ChunkedFile
  let options: ReadOptions
  let rules: FieldRules
  let budget: LoadBudget

  func read() throws -> Table {
    try FreedMemory.whileReading { try readColumns() }
  }

  private func readColumns() throws -> Table {
    let path = file.path
    try file.fill()
    let separator = options.separator ?? (FileFormat.contentExtension(path) == "tsv" ? 9 : sniffSeparator())
    let scanner = DelimitedScanner(path: path, separator: separator)
    let names = try header(scanner).names
    if names.isEmpty { return Table(rowCount: 0) }

    var accumulators = names.map { ColumnAccumulator(builder: ColumnBuilder(name: $0, rules: rules)) }
    var reserved = false
    var rowsRead = 0
    try forEachChunk(scanner, fields: names.count) { view, consumed, prefetch in
      rowsRead += view.rowCount
      let text = accumulators.reduce(0) { $0 + ($1.isText ? 1 : 0) }
      try budget.check(memoryNeeded(rows: rowsRead, columns: names.count, text: text, read: file.offset + consumed))
      DelimitedFileReader.inParallel(&accumulators, view, columns: Array(accumulators.indices), alongside: prefetch) {
        $0.add(&$1)
      }
      // After the first chunk the row count can be estimated from the file's
      // size: reserving it spares the arrays their doubling, which would
      // briefly hold three times a column.
      if !reserved, !file.atEnd, consumed > 0, view.rowCount > 0 {
        reserved = true
        let estimate = Double(view.rowCount) * Double(file.size) / Double(consumed) * 1.02 + 1024
        for c in accumulators.indices { accumulators[c].reserveCapacity(Int(estimate)) }
      }
    }

    var columns = [Column?](repeating: nil, count: names.count)
    var rows = 0
    for c in accumulators.indices {
      columns[c] = accumulators[c].finish()
      if let column = columns[c] { rows = column.count }
    }
    let later = accumulators.indices.filter { columns[$0] == nil }
    if !later.isEmpty {
      var appenders = later.map { ColumnAppender(type: accumulators[$0].type, rules: rules) }
      for k in appenders.indices { appenders[k].reserveCapacity(rows) }
      try file.rewind()
      let again = DelimitedScanner(path: path, separator: separator)
      _ = try header(again)
      try forEachChunk(again, fields: names.count) { view, _, prefetch in
        DelimitedFileReader.inParallel(&appenders, view, columns: later, alongside: prefetch) { $0.append(&$1) }
      }
      for (k, c) in later.enumerated() {
        columns[c] = appenders[k].column(hint: accumulators[c].builder.hint(for: appenders[k].type))
      }
    }
    var read: [Column] = []
    read.reserveCapacity(columns.count)
    for column in columns {
      // Every column is finished above or on the second pass (as in `TableReader.table`).
      guard let column else {
        throw FileError(path: path, message: "internal error: a column was not read (this is a bug)")
      }
      read.append(column)
    }
    return Table(names: names, columns: read)
  }

  /// The memory the load will hold once every row is in, projected from
  /// what `rows` rows in the first `read` bytes take: 9 bytes a value while
  /// a column is typed (a 64-bit parse and a tag), 4 for a text column's
  /// codes plus its share of the bytes read for its dictionary (at worst
  /// every value is different); plus the buffer and a stream's held text.
  private func memoryNeeded(rows: Int, columns: Int, text: Int, read: Int) -> Int {
    let read = max(read, 1)
    let cells = Double(rows) * Double(9 * (columns - text) + 4 * text)
    let dictionaries = Double(read) * Double(text) / Double(max(columns, 1))
    let scale = Double(max(file.size, read)) / Double(read)
    let held = (file.source as? SpooledText)?.heldBytes ?? 0
    return Int((cells + dictionaries) * scale) + file.bufferBytes + held
  }

  /// `work` on each builder with a cursor over its column of the chunk, the
  /// builders on all cores at once (each touches only its own), and the
  /// next chunk read meanwhile when `prefetch` is given.
  private static func inParallel<Builder: Sendable>(
    _ builders: inout [Builder], _ view: FieldView, columns: [Int], alongside prefetch: Prefetch?,
    _ work: @Sendable (inout Builder, inout FieldCursor) -> Void
  ) {
    var extra: (@Sendable () -> Void)?
    if let prefetch { extra = { prefetch.file.prefetch() } }
    Parallel.update(&builders, alongside: extra) { k, builder in
      var cursor = FieldCursor(view: view, column: columns[k])
      work(&builder, &cursor)
    }
  }

  /// The separator guessed from the first lines (as `SeparatorSniffer` would
  /// from the whole file: it looks at 1 MB at most).
  private func sniffSeparator() -> UInt8 {
    let bytes = file.bytes
    let sample = file.atEnd ? bytes.count : min(bytes.count, (1 << 20) + 1)
    return SeparatorSniffer.sniff(Array(UnsafeBufferPointer(rebasing: bytes[0..<sample])))
  }

  /// Reads the header record (growing the buffer if it is longer than a
  /// chunk) and leaves the rows at the front of the buffer.
  private func header(_ scanner: DelimitedScanner) throws -> (names: [String], stop: Int) {
    while true {
      let begin = DelimitedScanner.bomLength(file.bytes)
      if let found = try scanner.header(file.bytes, from: begin, final: file.atEnd) {
        try file.consume(found.stop)
        return found
      }
      try file.grow(budget)
    }
  }

  /// Scans the file chunk by chunk from the start of the buffer, calling
  /// `body` with the fields of each half of a chunk and the bytes of the
  /// buffer read up to the end of that half.
  private func forEachChunk(
    _ scanner: DelimitedScanner, fields: Int, _ body: (FieldView, Int, Prefetch?) throws -> Void
  ) throws {
    var halves: [DelimitedScanner.Chunk] = []
    while true {
      try budget.checkCancelled()
      let bytes = file.bytes
      do {
        try scanner.scanBody(bytes, from: 0, fields: fields, final: file.atEnd, into: &halves)
      } catch let error as FileError {
        throw file.lineInFile(error)
      }
      let stop = halves[1].stop
      if stop == 0, !file.atEnd {
        try file.grow(budget)
        continue
      }
      // The first half's work takes the reading of the next chunk along.
      var prefetch = file.canPrefetch ? Prefetch(file: file) : nil
      for chunk in halves where chunk.rows > 0 {
        defer { prefetch = nil }
        try chunk.starts.withUnsafeBufferPointer { starts in
          try chunk.ends.withUnsafeBufferPointer { ends in
            let view = FieldView(
              bytes: bytes, starts: UnsafeBufferPointer(rebasing: starts[0..<chunk.count]),
              ends: UnsafeBufferPointer(rebasing: ends[0..<chunk.count]), rowStride: fields, columnStride: 1,
              rowCount: chunk.rows)
            try body(view, chunk.stop, prefetch)
          }
        }
      }
      if file.atEnd { return }
      try file.consume(stop)
    }
  }
}

/// The file, handed to the thread that reads its next chunk ahead.
///
/// `@unchecked Sendable`: while that thread runs `prefetch`, the others
/// only read the chunk's bytes, which `prefetch` does not write, and the
/// file is used again only after the parallel step has ended.
private struct Prefetch: @unchecked Sendable {
  let file: ChunkedFile
}
