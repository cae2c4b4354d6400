import Foundation

/// A file read through one buffer a chunk at a time, so that a big file is
/// never held whole: the bytes not yet used stay at the front of the buffer
/// and the next bytes follow them.
///
/// The next chunk can be read ahead (`prefetch`) while the caller's other
/// threads work on this one: copying a file's bytes out of the kernel (or
/// inflating a `.gz`) is about a tenth of a load, and done between chunks it
/// left a core idle. It goes into a second buffer of the same size. A buffer
/// is `reserve` bytes of room for what the caller has not used of the chunk
/// before, then `capacity` bytes to read into.
final class ChunkedFile {
  let source: ChunkSource
  /// The buffer the bytes are in, `reserve + capacity` long; they start at `front`.
  private var storage: UnsafeMutablePointer<UInt8>
  private var front = 0
  /// The other buffer, for reading ahead (nil until one is made).
  private var spare: UnsafeMutablePointer<UInt8>?
  private var ahead: ReadAhead?
  private let reserve: Int
  private(set) var capacity: Int
  /// Where in the file the buffer starts.
  private(set) var offset = 0
  /// Bytes in the buffer, from its start.
  private(set) var filled = 0
  /// Every byte of the file has been read into the buffer.
  private(set) var atEnd = false

  /// What `prefetch` read: where, how much, and how it ended.
  private struct ReadAhead {
    let buffer: UnsafeMutablePointer<UInt8>
    var count = 0
    var reachedEnd = false
    var error: Error?
  }

  init(source: ChunkSource, chunkSize: Int) {
    self.source = source
    capacity = max(chunkSize, 16)
    reserve = min(1 << 16, capacity)
    storage = .allocate(capacity: reserve + capacity)
  }

  deinit {
    ahead?.buffer.deallocate()
    storage.deallocate()
    spare?.deallocate()
  }

  var path: String { source.path }

  /// The file's expected size, for estimating its rows; 0 when unknown.
  var size: Int { source.estimatedSize ?? 0 }

  /// The memory the buffers take (two once reading ahead).
  var bufferBytes: Int { (reserve + capacity) * (spare == nil && ahead == nil ? 1 : 2) }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage + front, count: filled) }

  /// Whether `prefetch` has something to read.
  var canPrefetch: Bool { !atEnd && ahead == nil }

  /// Reads until the buffer is full or the file ends.
  func fill() throws {
    let end = reserve + capacity
    while front + filled < end, !atEnd {
      let got = try source.read(storage + front + filled, end - front - filled)
      if got == 0 { atEnd = true }
      filled += got
    }
  }

  /// Reads the next chunk into the spare buffer, for `consume` to take.
  /// Meant for another thread while the caller's threads read `bytes`
  /// (which it does not touch); nothing else may use the file meanwhile.
  /// An error is kept for `consume` to throw.
  func prefetch() {
    guard canPrefetch else { return }
    var next = ReadAhead(buffer: spare ?? .allocate(capacity: reserve + capacity))
    spare = nil
    do {
      while next.count < capacity {
        let got = try source.read(next.buffer + reserve + next.count, capacity - next.count)
        if got == 0 {
          next.reachedEnd = true
          break
        }
        next.count += got
      }
    } catch {
      next.error = error
    }
    ahead = next
  }

  /// Drops the first `n` bytes and reads on: the rest goes in front of the
  /// bytes read ahead, or to the front of the buffer, which is then filled.
  func consume(_ n: Int) throws {
    let left = filled - n
    offset += n
    guard let next = ahead else {
      if n > 0 {
        memmove(storage, storage + front + n, left)
        front = 0
        filled = left
      }
      try fill()
      return
    }
    ahead = nil
    if let error = next.error {
      spare = next.buffer
      throw error
    }
    if left <= reserve {
      let at = reserve - left
      (next.buffer + at).update(from: storage + front + n, count: left)
      spare = storage
      storage = next.buffer
      front = at
    } else {
      // More than the reserve was left over (a record longer than that at
      // the chunk's end): a buffer big enough for it and the bytes read
      // ahead takes both.
      let size = max(reserve + capacity, left + next.count)
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
      bigger.update(from: storage + front + n, count: left)
      (bigger + left).update(from: next.buffer + reserve, count: next.count)
      storage.deallocate()
      next.buffer.deallocate()
      spare?.deallocate()
      spare = nil
      storage = bigger
      capacity = size - reserve
      front = 0
    }
    filled = left + next.count
    atEnd = next.reachedEnd
    try fill()
  }

  /// Doubles the buffer (a record longer than a chunk) and reads on.
  func grow(_ budget: LoadBudget) throws {
    try budget.check(capacity * 3 + (spare == nil && ahead == nil ? 0 : capacity))
    let next = ahead
    ahead = nil
    if let error = next?.error {
      spare = next?.buffer
      throw error
    }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: reserve + capacity * 2)
    bigger.update(from: storage + front, count: filled)
    if let next {
      // What was read ahead follows the buffer's bytes (it fits: it is at
      // most one capacity).
      (bigger + filled).update(from: next.buffer + reserve, count: next.count)
      filled += next.count
      atEnd = next.reachedEnd
      next.buffer.deallocate()
    }
    storage.deallocate()
    spare?.deallocate()
    spare = nil
    storage = bigger
    front = 0
    capacity *= 2
    try fill()
  }

  /// Back to the start of the file, for a second pass.
  func rewind() throws {
    if let next = ahead {
      spare = next.buffer
      ahead = nil
    }
    try source.rewind()
    front = 0
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
