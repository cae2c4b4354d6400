import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file `.output PATH` sends results to. Written atomically: text goes to
/// a temporary file beside the target, renamed over it when the output is
/// closed, so a reader never sees half a result and a failed session leaves
/// the old file alone.
final class OutputFile {
  let path: String
  private let temporaryPath: String
  private var handle: UnsafeMutablePointer<FILE>?

  /// Opens the temporary file; throws a message when the directory is not writable.
  init(path: String) throws {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    temporaryPath = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    guard let file = fopen(temporaryPath, "w") else {
      throw OutputFileError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
    handle = file
  }

  func write(_ text: String) {
    guard let handle else { return }
    fputs(text, handle)
  }

  /// Moves the finished file into place.
  func close() throws {
    guard let file = handle else { return }
    handle = nil
    let failed = fclose(file) != 0
    if failed || rename(temporaryPath, path) != 0 {
      unlink(temporaryPath)
      throw OutputFileError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
  }

  deinit {
    if let handle {
      fclose(handle)
      unlink(temporaryPath)
    }
  }
}

/// Why `.output` could not open or finish its file.
struct OutputFileError: Error {
  var message: String
}
