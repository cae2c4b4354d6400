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
    guard isRewindable, let again = try? TextInput(path: path) else { return nil }
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

/// A stream's text held whole in memory, so the delimited reader can make
/// its second pass over what it cannot read twice from the stream.
final class SpooledText: ChunkSource {
  let path: String
  private let bytes: [UInt8]
  private var next = 0

  init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    let n = min(count, bytes.count - next)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBufferPointer { into.update(from: $0.baseAddress.unsafelyUnwrapped + next, count: n) }
    next += n
    return n
  }

  func rewind() throws { next = 0 }

  var estimatedSize: Int? { bytes.count }

  /// The spooled bytes count toward the load's memory.
  var heldBytes: Int { bytes.count }

  func lineFeeds(before offset: Int) -> Int? {
    var count = 0
    for k in 0..<min(offset, bytes.count) where bytes[k] == 10 { count += 1 }
    return count
  }
}
