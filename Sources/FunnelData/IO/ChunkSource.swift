/// Where a `ChunkedFile` takes its bytes: a file read through a
/// `TextInput`, or a stream already read whole (`SpooledText`).
protocol ChunkSource: AnyObject {
  var path: String { get }
  /// Reads up to `count` bytes into `into`; 0 at the end.
  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int
  /// Back to the first byte, for a second pass.
  func rewind() throws
  /// The total size to expect, for reserving; nil when unknown.
  var estimatedSize: Int? { get }
  /// The line feeds in the first `offset` bytes (to turn a line counted in
  /// a chunk into a line of the file); nil when that cannot be known.
  func lineFeeds(before offset: Int) -> Int?
}

extension TextInput: ChunkSource {
  /// Counts on a second opening of the file, leaving this one where it is
  /// (only ever for an error's message).
  func lineFeeds(before offset: Int) -> Int? {
    guard isRewindable, let again = try? reopened() else { return nil }
    var block = [UInt8](repeating: 0, count: 1 << 16)
    var at = 0
    var count = 0
    while at < offset {
      let got = block.withUnsafeMutableBufferPointer {
        (try? again.read($0.baseAddress.unsafelyUnwrapped, min($0.count, offset - at))) ?? 0
      }
      if got == 0 { return nil }
      for k in 0..<got where block[k] == 10 { count += 1 }
      at += got
    }
    return count
  }
}

/// A stream's text held whole in memory (as the blocks it was read in, so
/// no copy joins them), so the delimited reader can make its second pass
/// over what it cannot read twice from the stream.
final class SpooledText: ChunkSource {
  let path: String
  private let pieces: [[UInt8]]
  private var piece = 0
  private var next = 0
  /// The spooled bytes count toward the load's memory.
  let heldBytes: Int

  init(path: String, pieces: [[UInt8]]) {
    self.path = path
    self.pieces = pieces
    heldBytes = pieces.reduce(0) { $0 + $1.count }
  }

  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    var done = 0
    while done < count, piece < pieces.count {
      let n = min(count - done, pieces[piece].count - next)
      pieces[piece].withUnsafeBufferPointer {
        (into + done).update(from: $0.baseAddress.unsafelyUnwrapped + next, count: n)
      }
      done += n
      next += n
      if next == pieces[piece].count {
        piece += 1
        next = 0
      }
    }
    return done
  }

  func rewind() throws {
    piece = 0
    next = 0
  }

  var estimatedSize: Int? { heldBytes }

  func lineFeeds(before offset: Int) -> Int? {
    var count = 0
    var left = offset
    for bytes in pieces where left > 0 {
      for k in 0..<min(left, bytes.count) where bytes[k] == 10 { count += 1 }
      left -= bytes.count
    }
    return count
  }
}
