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
    /// Offsets of the fields scanned, in their first `count` elements: the
    /// arrays keep their length from one scan to the next, so that a scan
    /// writes through a pointer and never grows them field by field.
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    var count = 0
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
      bytes: bytes, names: names, rowCount: body.rows, starts: Array(body.starts[0..<body.count]),
      ends: Array(body.ends[0..<body.count]), rowStride: names.count, columnStride: 1, rowLines: nil)
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

  /// Scans the rows into `halves[0]` and `halves[1]`, the second going on
  /// where the first stops (`halves` is reused from one call to the next so
  /// that a file read in chunks does not map fresh offset arrays each time;
  /// the halves are not joined, which would copy half the offsets again).
  /// Big inputs are cut in two at a line end and both halves are scanned at
  /// once (the machine has two cores, and this pass reads every byte). The
  /// second half is speculative: a line end can sit inside a quoted field,
  /// so its result is kept only when the first half's last record ends
  /// exactly at the cut; otherwise the second half is scanned again from
  /// where the first stopped. When the bytes are not `final`, a record they
  /// end inside is left for the next chunk.
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
      halves[1].empty(at: halves[0].stop)
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
  }

  /// The whole of `b` from `begin` as one chunk (the file is in memory).
  func scanBody(_ b: UnsafeBufferPointer<UInt8>, from begin: Int, fields: Int) throws -> Chunk {
    var halves: [Chunk] = []
    try scanBody(b, from: begin, fields: fields, final: true, into: &halves)
    halves[0].append(halves[1])
    return halves[0]
  }

  private func headerNames(_ bytes: UnsafeBufferPointer<UInt8>, _ header: Chunk) -> [String] {
    var names: [String] = []
    var seen: Set<String> = []
    for k in 0..<header.count {
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
    out.count = 0
    out.rows = 0
    out.error = nil
    if let fields {
      // About 8 bytes a field is typical; a guess avoids most regrowth.
      out.ensureCapacity(min((limit - begin) / 8 + fields, 1 << 28))
    } else {
      out.ensureCapacity(64)
    }
    var state = ScanState(i: begin)
    while true {
      let full = out.starts.withUnsafeMutableBufferPointer { starts in
        out.ends.withUnsafeMutableBufferPointer { ends in
          scanLoop(b, until: limit, fields: fields, final: final, starts: starts, ends: ends, state: &state)
        }
      }
      if !full { break }
      out.ensureCapacity(out.starts.count * 2)
    }
    out.count = state.count
    out.rows = state.rows
    out.error = state.error
    out.stop = state.i
  }

  /// Where a scan stands: the next byte, the fields and rows so far.
  private struct ScanState {
    var i: Int
    var count = 0
    var rows = 0
    var error: FileError?
  }

  /// The loop of `scanRecords`, writing offsets through pointers. Returns
  /// true when the offset arrays are full: the record it was in is undone
  /// (`state` stands at its start) to be scanned again once they have grown.
  @inline(__always)
  private func scanLoop(
    _ b: UnsafeBufferPointer<UInt8>, until limit: Int, fields: Int?, final: Bool,
    starts: UnsafeMutableBufferPointer<UInt32>, ends: UnsafeMutableBufferPointer<UInt32>, state: inout ScanState
  ) -> Bool {
    let n = b.count
    let expected = fields ?? Int.max
    let capacity = starts.count
    let sep = separator
    let quote = UInt8(ascii: "\"")
    // Eight bytes at a time: a byte of the word equal to the separator or a
    // line end shows as its high bit in `SpecialBytes.find` (the scan's
    // innermost loop, where most of a file's bytes are read).
    let special = SpecialBytes(separator: sep)
    // Locals, written back on the way out (a `defer` kept them in memory).
    var i = state.i
    var k = state.count
    var rows = state.rows
    records: while i < n, i < limit {
      // Plain records (no quote, no carriage return, the expected count of
      // fields) a word at a time; what it leaves is read below, a record at
      // a time, and then it is tried again.
      if let fields {
        special.scanPlain(b, until: limit, fields: fields, starts: starts, ends: ends, i: &i, k: &k, rows: &rows)
        if i >= n || i >= limit { break }
      }
      // A completely empty line is skipped.
      if b[i] == 10 { i += 1; continue }
      if b[i] == 13 { i += (i + 1 < n && b[i + 1] == 10) ? 2 : 1; continue }
      let recordStart = i
      let fieldsBefore = k
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
              k = fieldsBefore
              i = recordStart
              break records
            }
            if j >= n {
              state.error = FileError(
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
          if i < n, !special.isSpecial(b[i]) {
            state.error = FileError(
              path: path, line: FieldGrid.line(at: i, in: b),
              message: "unexpected text after a closing quote")
            break records
          }
        } else {
          i = special.find(b, from: i)
          end = i
        }
        count += 1
        if count <= expected {
          if k == capacity {
            state.i = recordStart
            state.count = fieldsBefore
            state.rows = rows
            return true
          }
          starts[k] = UInt32(truncatingIfNeeded: start)
          ends[k] = UInt32(truncatingIfNeeded: end) | flag
          k &+= 1
        }
        if i < n, b[i] == sep {
          i += 1
          continue
        }
        break
      }
      // At a line end or the end of input.
      if i >= n, !final {
        k = fieldsBefore
        i = recordStart
        break records
      }
      if i < n { i += (b[i] == 13 && i + 1 < n && b[i + 1] == 10) ? 2 : 1 }
      if let fields, count != fields {
        state.error = FileError(
          path: path, line: FieldGrid.line(at: recordStart, in: b),
          message: "this row has \(count) field\(count == 1 ? "" : "s") but the header has \(fields)")
        break records
      }
      rows &+= 1
      if fields == nil { break records }
    }
    state.i = i
    state.count = k
    state.rows = rows
    return false
  }
}

/// Finds the next separator or line end in unquoted text. Hand-written
/// because it is the loop every byte of a file goes through: eight bytes are
/// tested at once as one `UInt64` (a byte equal to the one sought becomes
/// zero after an exclusive or, and `(x - 0x01…) & ~x & 0x80…` sets the high
/// bit of the lowest zero byte exactly; bits above it may be false alarms,
/// which is why only the lowest is used).
struct SpecialBytes {
  let separator: UInt8
  private let separators: UInt64
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080
  private static let newlines: UInt64 = 0x0A * ones
  private static let returns: UInt64 = 0x0D * ones

  init(separator: UInt8) {
    self.separator = separator
    separators = UInt64(separator) &* SpecialBytes.ones
  }

  @inline(__always)
  func isSpecial(_ byte: UInt8) -> Bool { byte == separator || byte == 10 || byte == 13 }

  /// The offset of the first special byte at or after `from` (the end of the
  /// bytes if none).
  @inline(__always)
  func find(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    let n = b.count
    var i = from
    guard let base = b.baseAddress else { return i }
    while i &+ 8 <= n {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let found =
        SpecialBytes.zero(word ^ separators) | SpecialBytes.zero(word ^ SpecialBytes.newlines)
        | SpecialBytes.zero(word ^ SpecialBytes.returns)
      if found != 0 { return i &+ found.trailingZeroBitCount &>> 3 }
      i &+= 8
    }
    while i < n, !isSpecial(base[i]) { i &+= 1 }
    return i
  }

  @inline(__always)
  private static func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

  /// The high bit of every byte of `x` that is zero, and of no other: the
  /// low seven bits of a byte plus 0x7F carry into its high bit unless they
  /// are all zero, and never into the next byte.
  @inline(__always)
  private static func zeros(_ x: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & lows) &+ lows) | x) & highs
  }

  /// Reads whole records from `i` while they are plain: no quote in the
  /// words they are read in, exactly `fields` fields, not empty, ending in LF
  /// or CRLF, room left for their offsets, and beginning before `limit`.
  /// Each word of eight bytes gives a mask of its separators and line ends,
  /// and every set bit is a field's end: no test a byte, and no loop whose
  /// length is a field's (fields of a CRM export are a few bytes long, and
  /// that loop's exit was mispredicted at most of them). Each record's words
  /// are read from its start, so a CRLF's LF is never seen twice.
  ///
  /// At the first record that is not plain, or that ends within the last
  /// eight bytes, it stops at that record's start, with the offsets of the
  /// records before it written, for the record-at-a-time loop to read.
  @inline(__always)
  func scanPlain(
    _ b: UnsafeBufferPointer<UInt8>, until limit: Int, fields: Int, starts: UnsafeMutableBufferPointer<UInt32>,
    ends: UnsafeMutableBufferPointer<UInt32>, i: inout Int, k: inout Int, rows: inout Int
  ) {
    guard let base = b.baseAddress, let startsBase = starts.baseAddress, let endsBase = ends.baseAddress else {
      return
    }
    let n = b.count
    let capacity = starts.count
    let quotes = UInt64(UInt8(ascii: "\"")) &* SpecialBytes.ones
    var recordStart = i
    var recordFields = k
    var fieldStart = i
    var field = k
    var w = i
    words: while w &+ 8 <= n {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + w).loadUnaligned(as: UInt64.self))
      if SpecialBytes.zeros(word ^ quotes) != 0 { break }
      var ends =
        SpecialBytes.zeros(word ^ separators) | SpecialBytes.zeros(word ^ SpecialBytes.newlines)
        | SpecialBytes.zeros(word ^ SpecialBytes.returns)
      while ends != 0 {
        let p = w &+ ends.trailingZeroBitCount &>> 3
        ends &= ends &- 1
        // A field past the expected count, or no room: the record is read again below.
        if field &- recordFields == fields || field == capacity { break words }
        startsBase[field] = UInt32(truncatingIfNeeded: fieldStart)
        endsBase[field] = UInt32(truncatingIfNeeded: p)
        field &+= 1
        fieldStart = p &+ 1
        let byte = base[p]
        if byte == separator { continue }
        // A line end. An empty line, a record short of fields, or a CR not
        // followed by LF: read again below.
        if p == recordStart || field &- recordFields != fields { break words }
        if byte == 13 {
          guard p &+ 1 < n, base[p &+ 1] == 10 else { break words }
          fieldStart = p &+ 2
        }
        rows &+= 1
        recordStart = fieldStart
        recordFields = field
        if recordStart >= limit { break words }
        w = recordStart
        continue words
      }
      w &+= 8
    }
    i = recordStart
    k = recordFields
  }
}

extension DelimitedScanner.Chunk {
  /// Room for at least `fields` offsets (the arrays' length, not their count).
  mutating func ensureCapacity(_ fields: Int) {
    guard starts.count < fields else { return }
    starts.append(contentsOf: repeatElement(0, count: fields - starts.count))
    ends.append(contentsOf: repeatElement(0, count: fields - ends.count))
  }

  /// No fields, stopping at `stop`.
  mutating func empty(at stop: Int) {
    count = 0
    rows = 0
    error = nil
    self.stop = stop
  }

  /// Adds the fields, rows and stop of the chunk scanned after this one.
  mutating func append(_ next: Self) {
    ensureCapacity(count + next.count)
    let at = count
    starts.withUnsafeMutableBufferPointer { to in
      next.starts.withUnsafeBufferPointer { _ = to[at..<at + next.count].update(fromContentsOf: $0[0..<next.count]) }
    }
    ends.withUnsafeMutableBufferPointer { to in
      next.ends.withUnsafeBufferPointer { _ = to[at..<at + next.count].update(fromContentsOf: $0[0..<next.count]) }
    }
    count += next.count
    rows += next.rows
    stop = next.stop
  }
}
