import CFunnelZlib

/// Inflates gzip data with the system zlib as it is read, so a compressed
/// file is never held whole, compressed or not. Files of several gzip
/// members one after another (`cat a.gz b.gz`) read as their concatenation.
///
///     leads.csv.gz: the gzip data is damaged (invalid block type)
///     leads.csv.gz: the gzip data ends too early (the file is cut short)
final class GzipLayer: ByteLayer {
  private let path: String
  private let source: ByteLayer
  private let stream: UnsafeMutablePointer<z_stream>
  private let input: UnsafeMutablePointer<UInt8>
  private let inputSize = 1 << 18
  private var sourceEnded = false
  private var finished = false

  init(path: String, source: ByteLayer) throws {
    self.path = path
    self.source = source
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    input = .allocate(capacity: inputSize)
    guard funnel_inflate_init(stream) == Z_OK else {
      stream.deallocate()
      input.deallocate()
      throw FileError(path: path, message: "cannot start reading gzip data (zlib could not start)")
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
    input.deallocate()
  }

  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    guard !finished, count > 0 else { return 0 }
    // zlib counts in 32 bits.
    let room = UInt32(min(count, Int(UInt32.max)))
    stream.pointee.next_out = into
    stream.pointee.avail_out = room
    while stream.pointee.avail_out > 0 {
      if stream.pointee.avail_in == 0, !sourceEnded { try refill() }
      let status = inflate(stream, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        if try anotherMember() { continue }
        finished = true
        break
      }
      if status == Z_OK { continue }
      if status == Z_BUF_ERROR {
        // No progress possible: more input is needed, and there is none.
        if sourceEnded, stream.pointee.avail_in == 0 {
          throw FileError(path: path, message: "the gzip data ends too early (the file is cut short)")
        }
        continue
      }
      let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
      throw FileError(path: path, message: "the gzip data is damaged (\(reason))")
    }
    return Int(room - stream.pointee.avail_out)
  }

  private func refill() throws {
    let got = try source.read(input, inputSize)
    if got == 0 { sourceEnded = true }
    stream.pointee.next_in = input
    stream.pointee.avail_in = UInt32(got)
  }

  /// After a member's end: whether another member follows (bytes after the
  /// last member that do not start one, such as zero padding, are ignored,
  /// as gzip itself does).
  private func anotherMember() throws -> Bool {
    if stream.pointee.avail_in == 0, !sourceEnded { try refill() }
    guard stream.pointee.avail_in > 0, stream.pointee.next_in.pointee == 0x1F else {
      try drain()
      return false
    }
    inflateReset(stream)
    return true
  }

  /// Reads the input to its end, so that the file underneath can tell
  /// whether it changed meanwhile.
  private func drain() throws {
    while !sourceEnded {
      try refill()
    }
  }
}
