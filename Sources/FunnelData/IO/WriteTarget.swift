import Foundation

/// What is at a path about to be written, and so how `SafeFileWriter`
/// writes it.
///
/// A regular file, nothing, or a symlink someone else owns is replaced by a
/// new file (the symlink is not followed: a link planted in a shared folder
/// cannot send the write to one of the user's files). A pipe or a terminal
/// or other character device (`/dev/stdout`, `/dev/null`, a named pipe,
/// also through a symlink of the user's or the system's) is written in
/// place, as a stream; replacing it would put a plain file where the device
/// was. A folder, a block device or a socket is refused.
enum WriteTarget: Equatable {
  /// A new file gets `mode` and is renamed over the path.
  case replace(mode: mode_t)
  /// The path is opened and written as it is.
  case stream

  static func inspect(_ path: String, newFileMode: mode_t) throws -> WriteTarget {
    var link = stat()
    guard lstat(path, &link) == 0 else { return .replace(mode: newFileMode) }
    var info = link
    if (link.st_mode & S_IFMT) == S_IFLNK {
      let trusted = link.st_uid == 0 || link.st_uid == geteuid()
      // A dangling link, or one that is not the user's own: replaced.
      guard trusted, stat(path, &info) == 0 else { return .replace(mode: newFileMode) }
      if (info.st_mode & S_IFMT) == S_IFREG || (info.st_mode & S_IFMT) == S_IFDIR {
        return .replace(mode: newFileMode)
      }
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: throw FileError(path: path, message: "is a directory, not a file")
    case S_IFREG:
      guard access(path, W_OK) == 0 else {
        throw FileError(path: path, message: "is read-only (its permissions do not allow writing)")
      }
      return .replace(mode: info.st_mode & 0o7777)
    case S_IFIFO, S_IFCHR: return .stream
    default: throw FileError(path: path, message: "is a device or a socket, not a file")
    }
  }
}
