/// The bottom of a `TextInput`: where its bytes come from, before any
/// decompression or transcoding. A file on disk (`RawFile`), or one file
/// inside a zip archive (`ZipEntryOrigin`).
protocol ByteOrigin: ByteLayer {
  /// The size of the bytes to come, when known (nil for a stream).
  var size: Int? { get }
  /// Bytes read since the start or the last rewind.
  var consumed: Int { get }
  /// Whether `rewind()` can start again from the first byte.
  var isRewindable: Bool { get }
  /// Back to the first byte, for a second pass.
  func rewind() throws
}

extension RawFile: ByteOrigin {}
