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
  public func load(
    name: String, path: String, options: ReadOptions = ReadOptions(), map: [(new: String, old: String)] = []
  )
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

  /// `TableReader.read` on a thread of its own (see `abandonable`): on
  /// Ctrl-C the reader stops at its next check, or when its pipe ends.
  func read(path: String, options: ReadOptions) throws -> Table {
    var options = options
    options.memoryLimit = memoryLimit
    return try abandonable(named: "load") { [options] stop in
      var options = options
      options.cancellation = stop
      return try TableReader.read(path: path, options: options)
    }
  }
}
