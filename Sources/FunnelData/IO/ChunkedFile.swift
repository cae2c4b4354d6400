import Foundation

/// A file read through one buffer a chunk at a time, so that a big file is
/// never held whole: the bytes not yet used stay at the front of the buffer
/// and the next read fills in behind them.
final class ChunkedFile {
  let path: String
  private let fd: Int32
  /// The file's size when opened (a regular file's; reading goes on to EOF).
  let size: Int
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Where in the file the buffer starts.
  private(set) var offset = 0
  /// Bytes in the buffer, from its start.
  private(set) var filled = 0
  /// Every byte of the file has been read into the buffer.
  private(set) var atEnd = false

  /// Opens a regular file; nil for anything else (a pipe, a terminal), which
  /// cannot be read a second time.
  init?(path: String, chunkSize: Int) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw TableReader.systemError(path) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let error = TableReader.systemError(path)
      close(fd)
      throw error
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      return nil
    }
    self.path = path
    self.fd = fd
    size = Int(info.st_size)
    capacity = max(chunkSize, 16)
    buffer = .allocate(capacity: capacity)
  }

  deinit {
    buffer.deallocate()
    close(fd)
  }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: filled) }

  /// Reads until the buffer is full or the file ends.
  func fill() throws {
    while filled < capacity, !atEnd {
      let got = read(fd, buffer + filled, capacity - filled)
      if got < 0, errno == EINTR { continue }
      if got < 0 { throw TableReader.systemError(path) }
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
  func grow() throws {
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
    bigger.update(from: buffer, count: filled)
    buffer.deallocate()
    buffer = bigger
    capacity *= 2
    try fill()
  }

  /// Back to the start of the file, for a second pass.
  func rewind() throws {
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw TableReader.systemError(path) }
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
    var before = 0
    var block = [UInt8](repeating: 0, count: 1 << 16)
    var at = 0
    while at < offset {
      let got = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, offset - at), off_t(at)) }
      if got < 0, errno == EINTR { continue }
      if got <= 0 { break }
      for k in 0..<got where block[k] == 10 { before += 1 }
      at += got
    }
    var error = error
    error.line = line + before
    return error
  }
}
