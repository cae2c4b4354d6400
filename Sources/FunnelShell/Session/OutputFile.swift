import FunnelData

/// The file `.output PATH` sends results to, written through
/// `SafeFileWriter`: results go to a temporary file beside the target,
/// renamed over it when the output is closed, so a reader never sees half a
/// result. A write that fails (a full disk) removes the temporary file and
/// leaves the old file as it was; the statement that wrote fails with the
/// reason, and later results go to the console.
final class OutputFile {
  let path: String
  private var writer: SafeFileWriter?
  /// Why a write failed, until the session reports it.
  private(set) var failure: FileError?
  /// A pipe or a device (`/dev/stdout`), written in place: nothing to keep.
  private var inPlace = false

  /// Opens the temporary file; throws a message when it cannot be made.
  init(path: String) throws {
    self.path = path
    do {
      let writer = try SafeFileWriter(path: path)
      inPlace = writer.writesInPlace
      self.writer = writer
    } catch let error as FileError {
      throw OutputFileError(message: "cannot write \(path): \(error.message)")
    }
  }

  /// Whether results still go to the file.
  var isOpen: Bool { writer != nil }

  func write(_ text: String) {
    guard let writer else { return }
    do {
      try writer.write(text)
    } catch let error as FileError {
      failure = error
      self.writer = nil
    } catch {
      failure = FileError(path: path, message: "\(error)")
      self.writer = nil
    }
  }

  /// The failure of a write, as the message to show (once).
  func takeFailure() -> OutputFileError? {
    guard let failure else { return nil }
    self.failure = nil
    return OutputFileError(message: "cannot write \(path): \(failure.message)" + kept)
  }

  /// What a failure leaves: the old file, when there is a file.
  private var kept: String { inPlace ? "" : "; it is left as it was" }

  /// Moves the finished file into place.
  func close() throws {
    if let failure = takeFailure() { throw failure }
    guard let writer else { return }
    self.writer = nil
    do {
      try writer.commit()
    } catch let error as FileError {
      throw OutputFileError(message: "cannot write \(path): \(error.message)" + kept)
    }
  }
}

/// Why `.output` could not open or finish its file.
struct OutputFileError: Error {
  var message: String
}
