/// The fields of a file as byte ranges into one buffer, before any typing:
/// what the CSV scanner and the JSON parser both produce, so one piece of
/// type inference serves every format.
///
/// Field (row, column) lives at index `row * rowStride + column * columnStride`
/// of `starts`/`ends` (row-major for CSV, column-major for JSON). An empty range
/// is a null. Offsets are `UInt32` to halve the memory of big files (a 100 MB
/// file holds ~15M fields); the top bit of an end marks a quoted field whose
/// doubled quotes (`""`) still have to be undone.
struct FieldGrid {
  static let escapedFlag: UInt32 = 0x8000_0000
  /// Offsets must stay below the flag bit.
  static let maxBytes = Int(escapedFlag) - 1

  var bytes: [UInt8]
  var names: [String]
  var rowCount: Int
  var starts: [UInt32]
  var ends: [UInt32]
  var rowStride: Int
  var columnStride: Int
  /// The line each row starts on, when offsets do not point into the source
  /// (JSON decodes strings into a buffer of its own); nil to count newlines.
  var rowLines: [Int32]?

  /// The 1-based line of the file where field (row, column) is.
  func line(row: Int, column: Int) -> Int {
    if let rowLines { return Int(rowLines[row]) }
    let offset = Int(starts[row * rowStride + column * columnStride])
    return bytes.withUnsafeBufferPointer { FieldGrid.line(at: offset, in: $0) }
  }

  /// The 1-based line holding byte `offset` (counted only when reporting an error).
  static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var line = 1
    for i in 0..<min(offset, bytes.count) where bytes[i] == 10 { line += 1 }
    return line
  }
}

/// Unsafe views of a grid's arrays, for the per-column conversion loops (they
/// run on several threads at once and read billions of bytes, so they skip
/// the array copy-on-write checks). Valid only inside `FieldGrid.withView`.
///
/// `@unchecked Sendable` because buffer pointers never are: the conversion
/// threads share a view safely since nothing writes to the grid while they
/// read it, and they all finish inside `withView`, before the arrays can go.
struct FieldView: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
  let starts: UnsafeBufferPointer<UInt32>
  let ends: UnsafeBufferPointer<UInt32>
  let rowStride: Int
  let columnStride: Int
  let rowCount: Int
}

extension FieldGrid {
  func withView<R>(_ body: (FieldView) throws -> R) rethrows -> R {
    try bytes.withUnsafeBufferPointer { b in
      try starts.withUnsafeBufferPointer { s in
        try ends.withUnsafeBufferPointer { e in
          try body(
            FieldView(
              bytes: b, starts: s, ends: e, rowStride: rowStride, columnStride: columnStride,
              rowCount: rowCount))
        }
      }
    }
  }
}

/// Reads the fields of one column, undoing doubled quotes into a scratch
/// buffer it owns (freed when the cursor goes away; a cursor cannot be copied).
struct FieldCursor: ~Copyable {
  let view: FieldView
  let column: Int
  private var scratch: UnsafeMutablePointer<UInt8>
  private var scratchCapacity: Int

  init(view: FieldView, column: Int) {
    self.view = view
    self.column = column
    scratchCapacity = 256
    scratch = .allocate(capacity: scratchCapacity)
  }

  deinit { scratch.deallocate() }

  /// The text of the field at `row` (empty for null). The pointer is valid
  /// until the next call.
  @inline(__always)
  mutating func text(_ row: Int) -> UnsafeBufferPointer<UInt8> { textReadable(row).text }

  /// `text(row)`, with how many bytes from its start may be read: to the
  /// end of the scanned bytes, or the text's own length when it was
  /// unescaped into the cursor's scratch.
  @inline(__always)
  mutating func textReadable(_ row: Int) -> (text: UnsafeBufferPointer<UInt8>, readable: Int) {
    let i = row &* view.rowStride &+ column &* view.columnStride
    assert(row >= 0 && row < view.rowCount && i >= 0 && i < view.starts.count && i < view.ends.count)
    let start = Int(view.starts[i])
    let rawEnd = view.ends[i]
    let end = Int(rawEnd & ~FieldGrid.escapedFlag)
    assert(start <= end && end <= view.bytes.count, "a field's offsets lie outside the scanned bytes")
    let base = view.bytes.baseAddress.unsafelyUnwrapped
    if rawEnd & FieldGrid.escapedFlag == 0 {
      return (UnsafeBufferPointer(start: base + start, count: end - start), view.bytes.count &- start)
    }
    let text = unescape(base + start, end - start)
    return (text, text.count)
  }

  private mutating func unescape(_ p: UnsafePointer<UInt8>, _ n: Int) -> UnsafeBufferPointer<UInt8> {
    if n > scratchCapacity {
      scratch.deallocate()
      scratchCapacity = n
      scratch = .allocate(capacity: n)
    }
    var k = 0
    var j = 0
    while j < n {
      assert(k < scratchCapacity)
      scratch[k] = p[j]
      k += 1
      // Inside a quoted field a quote only ever comes doubled.
      j += p[j] == UInt8(ascii: "\"") ? 2 : 1
    }
    return UnsafeBufferPointer(start: scratch, count: k)
  }
}
