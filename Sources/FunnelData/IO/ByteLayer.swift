/// One layer of a `TextInput`: the file's bytes, decompressed, or transcoded
/// to UTF-8, handed out in runs.
protocol ByteLayer: AnyObject {
  /// Reads up to `count` bytes into `into`; 0 only at the end of the input.
  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int
}

extension RawFile: ByteLayer {}

extension ByteLayer {
  /// Up to `count` bytes from the start, fewer only at the end of the input
  /// (for looking at a file's first bytes).
  func head(_ count: Int) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    try bytes.withUnsafeMutableBufferPointer { buffer in
      while filled < count {
        let got = try read(buffer.baseAddress.unsafelyUnwrapped + filled, count - filled)
        if got == 0 { break }
        filled += got
      }
    }
    bytes.removeSubrange(filled...)
    return bytes
  }
}

/// Bytes already read to look at them (a magic number, a byte-order mark,
/// the sample that tells text from binary), then the rest of the layer below.
final class PrefixedLayer: ByteLayer {
  private let prefix: [UInt8]
  private var next = 0
  private let rest: ByteLayer

  init<C: Collection<UInt8>>(_ prefix: C, then rest: ByteLayer) {
    self.prefix = Array(prefix)
    self.rest = rest
  }

  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    guard next < prefix.count else { return try rest.read(into, count) }
    let n = min(count, prefix.count - next)
    prefix.withUnsafeBufferPointer { into.update(from: $0.baseAddress.unsafelyUnwrapped + next, count: n) }
    next += n
    return n
  }
}
