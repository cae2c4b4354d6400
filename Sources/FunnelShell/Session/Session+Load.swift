import Dispatch
import Foundation
import FunnelData

/// Loading a file: read on a thread of its own, so Ctrl-C gives the prompt
/// back at once even while the reader waits on a pipe that sends nothing,
/// and the dataset of that name is replaced only by a finished read.
extension Session {
  /// Reads a file into the catalog as `name`, renaming columns by `map`
  /// (pairs new = old). Throws `FileError` (unreadable file, or a mapped
  /// column the file does not have), `MemoryLimitExceeded` or `Cancelled`;
  /// then the dataset of that name loaded before, if any, is kept.
  public func load(name: String, path: String, options: ReadOptions = ReadOptions(), map: [(new: String, old: String)] = [])
    throws
  {
    var table = try read(path: path, options: options)
    // The reader checks the limit as it goes; this catches a file read in one
    // piece before it takes the old dataset's place.
    try memoryLimit.check(Self.bytes(of: table), while: "loading \(path)")
    for pair in map {
      guard let index = table.index(of: pair.old) else {
        var message = "no column '\(pair.old)' to map to '\(pair.new)'"
        if let near = table.names.nearest(to: pair.old) { message += " (did you mean '\(near)'?)" }
        throw FileError(path: path, message: message)
      }
      table.rename(column: index, to: pair.new)
    }
    catalog.setDataset(name, table)
  }

  /// Memory a table's columns take: values, validity bits and dictionaries.
  static func bytes(of table: Table) -> Int {
    var total = 0
    for column in table.columns {
      switch column.data {
      case .bool: total += column.count
      case .date, .period: total += 4 * column.count
      case .string(_, let dictionary):
        total += 4 * column.count
        for text in dictionary.values { total += 16 + text.utf8.count }
      default: total += 8 * column.count
      }
      if column.validity != nil { total += column.count / 8 }
    }
    return total
  }

  /// `TableReader.read` on a thread of its own while this one watches the
  /// session's cancellation. On Ctrl-C the reader gets a flag of its own (it
  /// stops at its next check, or when its pipe ends) and this throws
  /// `Cancelled` at once; the reader's result, if it ever comes, is dropped.
  func read(path: String, options: ReadOptions) throws -> Table {
    var options = options
    let stop = Cancellation()
    options.cancellation = stop
    options.memoryLimit = memoryLimit
    let outcome = ReadOutcome()
    let reader = Thread { [options] in
      outcome.finish(Result { try TableReader.read(path: path, options: options) })
    }
    reader.name = "load"
    // As the main thread's: deeply nested JSON recurses.
    reader.stackSize = 8 << 20
    reader.start()
    while !outcome.wait(milliseconds: 20) {
      if cancellation.isCancelled {
        stop.cancel()
        throw Cancelled()
      }
    }
    // A press while the last piece was read still counts.
    try cancellation.check()
    return try outcome.result()
  }
}

/// The result of a read on another thread, handed over under a lock.
private final class ReadOutcome: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var value: Result<Table, Error>?

  func finish(_ result: Result<Table, Error>) {
    lock.lock()
    value = result
    lock.unlock()
    done.signal()
  }

  /// Whether the read finished within `milliseconds`.
  func wait(milliseconds: Int) -> Bool {
    done.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
  }

  func result() throws -> Table {
    lock.lock()
    defer { lock.unlock() }
    guard let value else { throw Cancelled() }
    return try value.get()
  }
}
