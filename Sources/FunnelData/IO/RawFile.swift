import Foundation

/// The bytes of a file as they are on disk, from one `open`: the bottom of
/// a `TextInput`.
///
/// A regular file is read where it stands and can be read again from the
/// start. Anything else (a named pipe, `/dev/stdin`, a device, and a regular
/// file of size 0 such as those of `/proc`, whose size says nothing) is a
/// stream: opened once, read once. A regular file that changes while it is
/// read (its size or modification time, or more or fewer bytes than it had
/// at open) is an error, never a table mixing two versions:
///
///     x.csv: changed while it was being loaded; load it again
final class RawFile {
  let path: String
  private let fd: Int32
  /// Size at open of a regular file; nil for a stream.
  let size: Int?
  private let modified: timespec
  /// Bytes read since open or the last rewind.
  private(set) var consumed = 0
  /// Told of every read and rewind (see `TextInput.init(path:progress:)`).
  var meter: ProgressMeter?

  init(path: String) throws {
    // O_NONBLOCK would make opening a pipe with no writer yet fail; a plain
    // open waits for the writer, as `cat` does.
    let fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw RawFile.systemError(path) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let error = RawFile.systemError(path)
      close(fd)
      throw error
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw FileError(path: path, message: "is a directory, not a file")
    }
    self.path = path
    self.fd = fd
    let regular = (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0
    size = regular ? Int(info.st_size) : nil
    modified = info.st_mtim
  }

  deinit { close(fd) }

  /// Whether the file can be read a second time (a regular file).
  var isRewindable: Bool { size != nil }

  /// Reads up to `count` bytes into `into`; 0 at the end of the file.
  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    while true {
      let got = Foundation.read(fd, into, count)
      if got < 0, errno == EINTR { continue }
      if got < 0 { throw RawFile.systemError(path) }
      consumed += got
      meter?.advance(got)
      if let size {
        if consumed > size { throw changed }
        if got == 0 { try checkUnchanged(atEnd: true) }
      }
      return got
    }
  }

  /// Back to the first byte (a regular file only).
  func rewind() throws {
    guard size != nil else {
      throw FileError(path: path, message: "internal error: a stream cannot be read twice (this is a bug)")
    }
    try checkUnchanged(atEnd: false)
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw RawFile.systemError(path) }
    consumed = 0
    meter?.nextPass()
  }

  /// The file's size and modification time are those it had at open, and
  /// at the end of a pass every byte counted then was read.
  private func checkUnchanged(atEnd: Bool) throws {
    guard let size else { return }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw RawFile.systemError(path) }
    let now = info.st_mtim
    if Int(info.st_size) != size || now.tv_sec != modified.tv_sec || now.tv_nsec != modified.tv_nsec {
      throw changed
    }
    if atEnd, consumed != size { throw changed }
  }

  private var changed: FileError {
    FileError(path: path, message: "changed while it was being loaded; load it again")
  }

  /// A `FileError` with the system's reason for the last failed call.
  static func systemError(_ path: String) -> FileError {
    FileError(path: path, message: String(cString: strerror(errno)))
  }
}
