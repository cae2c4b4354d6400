import Foundation

/// Splits delimited text (CSV, TSV, `;` or `|` separated) into a `FieldGrid` in
/// one pass over the bytes: RFC 4180 quotes (separators, doubled quotes and
/// newlines inside), CRLF, LF or lone CR line ends, a UTF-8 BOM, a header row.
/// Completely empty lines are skipped.
struct DelimitedScanner {
  let path: String
  let separator: UInt8

  init(path: String, separator: UInt8) {
    self.path = path
    self.separator = separator
  }

  /// What one scan of a byte range found.
  struct Chunk {
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    var rows = 0
    /// Where the first record at or after the limit begins (the end of input
    /// if none); in a chunk that is not final, where the first record that
    /// the chunk does not hold whole begins.
    var stop = 0
    var error: FileError?
  }

  func scan(_ bytes: [UInt8]) throws -> FieldGrid {
    guard bytes.count <= FieldGrid.maxBytes else {
      throw FileError(path: path, message: "file is larger than 2 GB, which is not supported")
    }
    let begin = DelimitedScanner.bomLength(bytes)
    // The header alone first: it fixes the number of fields every row must have.
    var header = Chunk()
    bytes.withUnsafeBufferPointer {
      scanRecords($0, from: begin, until: bytes.count, fields: nil, final: true, into: &header)
    }
    if let error = header.error { throw error }
    let names = bytes.withUnsafeBufferPointer { headerNames($0, header) }
    guard !names.isEmpty else {
      return FieldGrid(
        bytes: bytes, names: [], rowCount: 0, starts: [], ends: [], rowStride: 0, columnStride: 0, rowLines: nil)
    }
    let body = try bytes.withUnsafeBufferPointer { try scanBody($0, from: header.stop, fields: names.count) }
    return FieldGrid(
      bytes: bytes, names: names, rowCount: body.rows, starts: body.starts, ends: body.ends,
      rowStride: names.count, columnStride: 1, rowLines: nil)
  }

  /// 3 when the bytes start with a UTF-8 byte order mark.
  static func bomLength<C: Collection<UInt8>>(_ bytes: C) -> Int where C.Index == Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  /// The header record at `begin`: its field names and where the rows start;
  /// nil when the bytes end inside it and more are to come (`final` false).
  func header(_ b: UnsafeBufferPointer<UInt8>, from begin: Int, final: Bool) throws -> (names: [String], stop: Int)? {
    var header = Chunk()
    scanRecords(b, from: begin, until: b.count, fields: nil, final: final, into: &header)
    if let error = header.error { throw error }
    if header.rows == 0, !final { return nil }
    return (headerNames(b, header), header.stop)
  }

  /// Scans the rows into `halves[0]` (`halves` holds two chunks, reused
  /// from one call to the next so that a file read in chunks does not map
  /// fresh offset arrays each time). Big inputs are cut in two at a line end
  /// and both halves are scanned at once (the machine has two cores, and
  /// this pass reads every byte). The second half is speculative: a line end
  /// can sit inside a quoted field, so its result is kept only when the first
  /// half's last record ends exactly at the cut; otherwise the first half
  /// simply scans on. When the bytes are not `final`, a record they end
  /// inside is left for the next chunk.
  func scanBody(
    _ b: UnsafeBufferPointer<UInt8>, from begin: Int, fields: Int, final: Bool, into halves: inout [Chunk]
  ) throws {
    if halves.count != 2 { halves = [Chunk(), Chunk()] }
    let n = b.count
    var middle = begin + (n - begin) / 2
    while middle > 0, middle < n, b[middle - 1] != 10 { middle += 1 }
    let cut = middle
    guard n - begin > 1 << 20, cut < n else {
      scanRecords(b, from: begin, until: n, fields: fields, final: final, into: &halves[0])
      if let error = halves[0].error { throw error }
      return
    }
    let shared = SharedBytes(b)
    Parallel.update(&halves) { k, half in
      let range = k == 0 ? begin..<cut : cut..<n
      scanRecords(
        shared.bytes, from: range.lowerBound, until: range.upperBound, fields: fields, final: final, into: &half)
    }
    if let error = halves[0].error { throw error }
    if halves[0].stop != cut {
      scanRecords(b, from: halves[0].stop, until: n, fields: fields, final: final, into: &halves[1])
    }
    if let error = halves[1].error { throw error }
    halves[0].starts += halves[1].starts
    halves[0].ends += halves[1].ends
    halves[0].rows += halves[1].rows
    halves[0].stop = halves[1].stop
  }

  /// The whole of `b` from `begin` as one chunk (the file is in memory).
  func scanBody(_ b: UnsafeBufferPointer<UInt8>, from begin: Int, fields: Int) throws -> Chunk {
    var halves: [Chunk] = []
    try scanBody(b, from: begin, fields: fields, final: true, into: &halves)
    return halves[0]
  }

  private func headerNames(_ bytes: UnsafeBufferPointer<UInt8>, _ header: Chunk) -> [String] {
    var names: [String] = []
    var seen: Set<String> = []
    for k in 0..<header.starts.count {
      let start = Int(header.starts[k])
      let end = Int(header.ends[k] & ~FieldGrid.escapedFlag)
      var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      if header.ends[k] & FieldGrid.escapedFlag != 0 { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
      names.append(ColumnNames.unique(text, at: k, seen: &seen))
    }
    return names
  }

  /// Scans whole records that begin before `limit`. `fields` is the count every
  /// record must have (nil for the header, which is the only record read then).
  /// A record that begins before `limit` is read to its end even past it.
  /// Unless `final`, a record that reaches the end of the bytes may go on in
  /// the next chunk: it is dropped, and `stop` points at its start.
  private func scanRecords(
    _ b: UnsafeBufferPointer<UInt8>, from begin: Int, until limit: Int, fields: Int?, final: Bool,
    into out: inout Chunk
  ) {
    out.starts.removeAll(keepingCapacity: true)
    out.ends.removeAll(keepingCapacity: true)
    out.rows = 0
    out.error = nil
    let n = b.count
    let expected = fields ?? Int.max
    if let fields {
      // About 8 bytes a field is typical; a guess avoids most regrowth.
      let guess = min((limit - begin) / 8 + fields, 1 << 28)
      if out.starts.capacity < guess {
        out.starts.reserveCapacity(guess)
        out.ends.reserveCapacity(guess)
      }
    }
    let sep = separator
    let quote = UInt8(ascii: "\"")
    // One table lookup per byte tells "ordinary" from the four bytes that matter.
    var special = [Bool](repeating: false, count: 256)
    special[Int(sep)] = true
    special[10] = true
    special[13] = true
    var i = begin
    special.withUnsafeBufferPointer { special in
      records: while i < n, i < limit {
        // A completely empty line is skipped.
        if b[i] == 10 { i += 1; continue }
        if b[i] == 13 { i += (i + 1 < n && b[i + 1] == 10) ? 2 : 1; continue }
        let recordStart = i
        let fieldsBefore = out.starts.count
        var count = 0
        while true {
          var start = i
          var end: Int
          var flag: UInt32 = 0
          if i < n, b[i] == quote {
            start = i + 1
            var j = start
            while true {
              while j < n, b[j] != quote { j += 1 }
              if j >= n, !final {
                out.dropRecord(at: recordStart, fields: fieldsBefore)
                i = recordStart
                break records
              }
              if j >= n {
                out.error = FileError(
                  path: path, line: FieldGrid.line(at: start - 1, in: b),
                  message: "unclosed quote: the field starting on this line never ends")
                break records
              }
              if j + 1 < n, b[j + 1] == quote {
                flag = FieldGrid.escapedFlag
                j += 2
              } else {
                break
              }
            }
            end = j
            i = j + 1
            if i < n, !special[Int(b[i])] {
              out.error = FileError(
                path: path, line: FieldGrid.line(at: i, in: b),
                message: "unexpected text after a closing quote")
              break records
            }
          } else {
            while i < n, !special[Int(b[i])] { i += 1 }
            end = i
          }
          count += 1
          if count <= expected {
            out.starts.append(UInt32(truncatingIfNeeded: start))
            out.ends.append(UInt32(truncatingIfNeeded: end) | flag)
          }
          if i < n, b[i] == sep {
            i += 1
            continue
          }
          break
        }
        // At a line end or the end of input.
        if i >= n, !final {
          out.dropRecord(at: recordStart, fields: fieldsBefore)
          i = recordStart
          break records
        }
        if i < n { i += (b[i] == 13 && i + 1 < n && b[i + 1] == 10) ? 2 : 1 }
        if let fields, count != fields {
          out.error = FileError(
            path: path, line: FieldGrid.line(at: recordStart, in: b),
            message: "this row has \(count) field\(count == 1 ? "" : "s") but the header has \(fields)")
          break records
        }
        out.rows += 1
        if fields == nil { break records }
      }
    }
    out.stop = i
  }
}

extension DelimitedScanner.Chunk {
  /// Forgets the fields of a record the chunk does not hold whole.
  fileprivate mutating func dropRecord(at start: Int, fields: Int) {
    starts.removeSubrange(fields...)
    ends.removeSubrange(fields...)
    stop = start
  }
}
