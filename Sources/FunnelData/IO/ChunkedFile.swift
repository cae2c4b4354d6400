import Foundation

/// A file read through one buffer a chunk at a time, so that a big file is
/// never held whole: the bytes not yet used stay at the front of the buffer
/// and the next read fills in behind them.
final class ChunkedFile {
  let source: ChunkSource
  private var buffer: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  /// Where in the file the buffer starts.
  private(set) var offset = 0
  /// Bytes in the buffer, from its start.
  private(set) var filled = 0
  /// Every byte of the file has been read into the buffer.
  private(set) var atEnd = false

  init(source: ChunkSource, chunkSize: Int) {
    self.source = source
    capacity = max(chunkSize, 16)
    buffer = .allocate(capacity: capacity)
  }

  deinit { buffer.deallocate() }

  var path: String { source.path }

  /// The file's expected size, for estimating its rows; 0 when unknown.
  var size: Int { source.estimatedSize ?? 0 }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: filled) }

  /// Reads until the buffer is full or the file ends.
  func fill() throws {
    while filled < capacity, !atEnd {
      let got = try source.read(buffer + filled, capacity - filled)
      if got == 0 { atEnd = true }
      filled += got
    }
  }

  /// Drops the first `n` bytes, moving the rest to the front, and reads on.
  func consume(_ n: Int) throws {
    if n > 0 {
      memmove(buffer, buffer + n, filled - n)
      filled -= n
      offset += n
    }
    try fill()
  }

  /// Doubles the buffer (a record longer than a chunk) and reads on.
  func grow(_ budget: LoadBudget) throws {
    try budget.check(capacity * 3)
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
    bigger.update(from: buffer, count: filled)
    buffer.deallocate()
    buffer = bigger
    capacity *= 2
    try fill()
  }

  /// Back to the start of the file, for a second pass.
  func rewind() throws {
    try source.rewind()
    filled = 0
    offset = 0
    atEnd = false
    try fill()
  }

  /// An error's line counted from the buffer's start, made a line of the
  /// file by counting the line ends before the buffer (only ever for an
  /// error, so the file is simply read again up to there).
  func lineInFile(_ error: FileError) -> FileError {
    guard let line = error.line, offset > 0 else { return error }
    var error = error
    if let before = source.lineFeeds(before: offset) {
      error.line = line + before
    } else {
      error.line = nil
    }
    return error
  }
}
