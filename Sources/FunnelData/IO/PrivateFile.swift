import Foundation

/// A small file of secrets (PostgreSQL's `~/.pgpass`), read only when it is
/// a regular file that no one but its owner may read, as libpq reads one.
public enum PrivateFile {
  public enum Read: Equatable {
    /// No such regular file (or none readable): nothing to say.
    case missing
    /// Others may read it: not read, and the reason to show.
    case readableByOthers(String)
    case text(String)
  }

  /// Reads `path` if it is a regular file with no group or other bits.
  public static func read(_ path: String) -> Read {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .missing }
    if info.st_mode & (S_IRWXG | S_IRWXO) != 0 {
      return .readableByOthers("\(path) is ignored because others may read it: chmod 600 \(path)")
    }
    guard let data = FileManager.default.contents(atPath: path) else { return .missing }
    return .text(String(decoding: data, as: UTF8.self))
  }
}
