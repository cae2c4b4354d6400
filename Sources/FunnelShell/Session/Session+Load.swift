import Foundation
import FunnelData
import FunnelSQL

/// Loading a file: read on a thread of its own, so Ctrl-C gives the prompt
/// back at once even while the reader waits on a pipe that sends nothing,
/// and the dataset of that name is replaced only by a finished read.
extension Session {
  /// Reads a file into the catalog as `name`, renaming columns by `map`
  /// (pairs new = old). Throws `FileError` (unreadable file, or a mapped
  /// column the file does not have), `MemoryLimitExceeded` or `Cancelled`;
  /// then the dataset of that name loaded before, if any, is kept. Returns
  /// the rows and columns read (on a server, the catalog holds only the
  /// columns).
  @discardableResult
  public func load(
    name: String, path: String, options: ReadOptions = ReadOptions(), map: [(new: String, old: String)] = []
  )
    throws -> (rows: Int, columns: Int)
  {
    if let remote {
      return try loadRemote(name: name, path: path, options: options, map: map, on: remote)
    }
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
    dataSources.removeAll { $0.name == name }
    dataSources.append((name, path))
    return (table.rowCount, table.columnCount)
  }

  /// `.load` on a server: the file is read here, as in memory (types,
  /// `with` options, `map`), then PostgreSQL copies the rows into a temporary
  /// table and Spark registers them as a temporary view.
  private func loadRemote(
    name: String, path: String, options: ReadOptions, map: [(new: String, old: String)], on remote: RemoteEngine
  ) throws -> (rows: Int, columns: Int) {
    var table = try read(path: path, options: options)
    for pair in map {
      guard let index = table.index(of: pair.old) else {
        throw FileError(path: path, message: "no column '\(pair.old)' to map to '\(pair.new)'")
      }
      table.rename(column: index, to: pair.new)
    }
    do {
      try cancellation.forwarding(to: { remote.cancel() }) {
        try remote.load(table, path: path, as: name)
      }
    } catch let error as RemoteError {
      if error.kind == .cancelled { throw Cancelled() }
      throw FileError(path: path, message: "\(remote.dialect.rawValue): " + error.message)
    }
    catalog.setDataset(name, Self.emptyTable(names: table.names, types: table.columns.map(\.type)))
    return (table.rowCount, table.columnCount)
  }

  /// Memory a table's columns take: values, validity bits and dictionaries.
  static func bytes(of table: Table) -> Int {
    table.columns.reduce(0) { $0 + $1.byteCount }
  }

  /// `TableReader.read` on a thread of its own (see `abandonable`): on
  /// Ctrl-C the reader stops at its next check, or when its pipe ends.
  func read(path: String, options: ReadOptions) throws -> Table {
    var options = options
    options.memoryLimit = memoryLimit
    return try withProgress { meter in
      try abandonable(named: "load") { [options] stop in
        var options = options
        options.cancellation = stop
        options.progress = meter
        return try TableReader.read(path: path, options: options)
      }
    }
  }
}
