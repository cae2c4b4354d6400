import Foundation

/// Writes one file so that it appears complete or not at all: every file
/// Funnel writes (`save`, `.save`, `.output`, the history, lesson progress)
/// goes through it.
///
/// The bytes go to a temporary file beside the target, created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW` under a random name, so no one else can
/// have put a file or a symlink there first; every write is checked (a short
/// write goes on, a full disk is an error); `commit()` syncs the file, gives
/// it the mode of the file it replaces (or 0644 less the umask for a new
/// one), renames it over the target and syncs the folder. On any failure the
/// old file is untouched and the temporary file removed; a signal that ends
/// the process removes it too (see `TemporaryFiles`).
///
///     let writer = try SafeFileWriter(path: "out.csv")
///     try writer.write("a,b\n1,2\n")
///     try writer.commit()
///     // out.csv: No space left on device     (on a full disk; out.csv as it was)
///
/// What the path holds decides how it is written (`WriteTarget`): the
/// user's own symlink is followed and someone else's replaced, and a pipe
/// or a device (`/dev/stdout`) is written in place.
public final class SafeFileWriter {
  public let path: String
  /// The file being written: a temporary file until `commit()` renames it,
  /// or the path itself when it is a pipe or a device (`writesInPlace`).
  public let temporaryPath: String
  /// The target is a pipe or a device, written as a stream (see `WriteTarget`).
  public let writesInPlace: Bool
  /// Where the file lands: `path`, or the file a symlink of the user's names.
  private let destination: String
  private var fd: Int32
  private let mode: mode_t
  private var slot: Int?
  /// Bytes written so far.
  public private(set) var count = 0

  /// Creates the temporary file. `newFileMode` is the mode of a file that
  /// does not exist yet (nil: 0644 less the umask; the history asks 0600).
  public init(path: String, newFileMode: mode_t? = nil) throws {
    self.path = path
    let target = try WriteTarget.inspect(path, newFileMode: newFileMode ?? (0o644 & ~SafeFileWriter.umaskBits))
    guard case .replace(let resolved, let mode) = target else {
      let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
      guard fd >= 0 else { throw SafeFileWriter.failure(path, errno) }
      self.mode = 0
      self.fd = fd
      destination = path
      temporaryPath = path
      writesInPlace = true
      return
    }
    self.mode = mode
    writesInPlace = false
    destination = resolved
    let slash = resolved.lastIndex(of: "/")
    let folder = slash.map { String(resolved[...$0]) } ?? ""
    let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
    var made: (String, Int32, Int?)?
    for _ in 0..<8 {
      let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let candidate = folder + "." + name.prefix(100) + ".\(random).tmp"
      // Published before it exists, so a signal right after `open` still
      // removes it (a 64-bit random name is no one else's).
      let slot = TemporaryFiles.register(candidate)
      let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      let error = errno
      if fd >= 0 {
        made = (candidate, fd, slot)
        break
      }
      if let slot { TemporaryFiles.withdraw(slot) }
      if error != EEXIST { throw SafeFileWriter.failure(path, error) }
    }
    guard let (temporary, fd, slot) = made else { throw SafeFileWriter.failure(path, EEXIST) }
    temporaryPath = temporary
    self.fd = fd
    self.slot = slot
  }

  deinit { discard() }

  /// Appends `bytes`; on failure the temporary file is removed.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard fd >= 0 else { throw FileError(path: path, message: "internal error: write after close (this is a bug)") }
    guard let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
      let n = Foundation.write(fd, base + done, bytes.count - done)
      if n < 0, errno == EINTR { continue }
      if n < 0 {
        let error = errno
        discard()
        throw SafeFileWriter.failure(path, error)
      }
      // A short write (a nearly full disk) goes on; the next one says why it stops.
      done += n
    }
    count += bytes.count
  }

  public func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
  }

  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write($0) }
  }

  /// Syncs the file to disk, gives it its mode and renames it over the
  /// target; then syncs the folder so the rename survives a crash.
  public func commit() throws {
    guard fd >= 0 else { throw FileError(path: path, message: "internal error: commit after close (this is a bug)") }
    if writesInPlace {
      let closing = close(fd)
      fd = -1
      if closing != 0 { throw SafeFileWriter.failure(path, errno) }
      return
    }
    var failure: Int32 = 0
    if fsync(fd) != 0 { failure = errno }
    if failure == 0, fchmod(fd, mode) != 0 { failure = errno }
    let closing = close(fd)
    if failure == 0, closing != 0 { failure = errno }
    fd = -1
    if failure == 0, rename(temporaryPath, destination) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporaryPath)
      release()
      throw SafeFileWriter.failure(path, failure)
    }
    release()
    syncFolder()
  }

  /// Closes and removes the temporary file; the target stays as it was.
  public func discard() {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
    if !writesInPlace { unlink(temporaryPath) }
    release()
  }

  /// Writes `bytes` to `path` at once (the common case).
  public static func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t? = nil) throws {
    let writer = try SafeFileWriter(path: path, newFileMode: newFileMode)
    try writer.write(bytes)
    try writer.commit()
  }

  private func release() {
    if let slot { TemporaryFiles.withdraw(slot) }
    slot = nil
  }

  private func syncFolder() {
    let slash = destination.lastIndex(of: "/")
    let folder = slash.map { $0 == destination.startIndex ? "/" : String(destination[..<$0]) } ?? "."
    let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard dir >= 0 else { return }
    // Some file systems cannot sync a folder; the file itself is synced.
    _ = fsync(dir)
    close(dir)
  }

  private static func failure(_ path: String, _ code: Int32) -> FileError {
    FileError(path: path, message: String(cString: strerror(code)))
  }

  /// The process's umask, read once: from /proc where Linux shows it, else
  /// by setting it and back (which another thread creating a file at that
  /// moment could notice).
  private static let umaskBits: mode_t = {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
      let bits = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8)
    {
      return bits
    }
    let bits = umask(0o022)
    umask(bits)
    return bits
  }()
}
