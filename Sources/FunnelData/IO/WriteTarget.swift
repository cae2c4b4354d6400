import Foundation

/// What is at a path about to be written, and so how `SafeFileWriter`
/// writes it.
///
/// - Nothing, or a regular file: a new file is renamed over the path.
/// - A symlink of the user's own (or the system's): followed, and the file
///   it names is replaced, so the link stays. A symlink someone else owns
///   (one planted in a shared folder) is not followed: it is replaced.
/// - A pipe, a terminal or another character device, and every open file
///   of a process reached through /proc (`/dev/stdout`, `/dev/fd/1`, even
///   when standard output is a file): written in place, as a stream;
///   renaming over them would put a plain file where the device or the link
///   was.
/// - A folder, a block device or a socket: refused.
enum WriteTarget: Equatable {
  /// A new file gets `mode` and is renamed over `path` (the resolved one).
  case replace(path: String, mode: mode_t)
  /// The path is opened and written as it is.
  case stream

  static func inspect(_ path: String, newFileMode: mode_t) throws -> WriteTarget {
    var link = stat()
    guard lstat(path, &link) == 0 else {
      return throughProc(path) ? .stream : .replace(path: path, mode: newFileMode)
    }
    var target = path
    var info = link
    if (link.st_mode & S_IFMT) == S_IFLNK {
      guard link.st_uid == 0 || link.st_uid == geteuid() else { return .replace(path: path, mode: newFileMode) }
      if throughProc(path) { return .stream }
      // A dangling link of the user's: replaced, as a missing file is made.
      guard let resolved = realpath(path, nil) else { return .replace(path: path, mode: newFileMode) }
      target = String(cString: resolved)
      free(resolved)
      guard stat(target, &info) == 0 else { return .replace(path: path, mode: newFileMode) }
    } else if throughProc(path) {
      return .stream
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: throw FileError(path: path, message: "is a directory, not a file")
    case S_IFREG:
      guard access(target, W_OK) == 0 else {
        throw FileError(path: path, message: "is read-only (its permissions do not allow writing)")
      }
      return .replace(path: target, mode: info.st_mode & 0o7777)
    case S_IFIFO, S_IFCHR: return .stream
    default: throw FileError(path: path, message: "is a device or a socket, not a file")
    }
  }

  /// Whether the path, or a link on the way to its file, lies in /proc.
  private static func throughProc(_ path: String) -> Bool {
    var current = path
    for _ in 0..<40 {
      if folder(of: current).hasPrefix("/proc/") || current.hasPrefix("/proc/") { return true }
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return false }
      var buffer = [CChar](repeating: 0, count: 4097)
      let n = readlink(current, &buffer, 4096)
      guard n > 0 else { return false }
      let text = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("/proc/") { return true }
      current = text.hasPrefix("/") ? text : folder(of: current) + "/" + text
    }
    return false
  }

  /// The real path of the folder holding `path` ("" when it cannot be found).
  private static func folder(of path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    guard let resolved = realpath(parent, nil) else { return "" }
    defer { free(resolved) }
    return String(cString: resolved) + "/"
  }
}
