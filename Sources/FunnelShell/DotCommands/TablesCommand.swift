import FunnelData

extension DotCommand {
  /// `.tables`: every dataset with its size.
  static let tables = DotCommand(
    name: "tables", usage: ".tables", summary: "list the datasets with their rows and columns",
    argumentCount: 0...0
  ) { session, _ in
    let names = session.catalog.datasetNames
    if names.isEmpty, let remote = session.remote {
      session.note("no tables in \(remote.address); '.load NAME PATH' copies a file there")
      return
    }
    if names.isEmpty {
      session.note("no datasets loaded; '.demo' makes the demo data, '.load NAME PATH' reads a file")
      return
    }
    let tables = names.map { session.catalog.dataset($0) }
    if session.remote != nil {
      // A server's tables: their row counts would mean a scan of each.
      session.showListing([
        ("name", .string, names.map { .string($0) }),
        ("columns", .int, tables.map { .int(Int64($0?.columnCount ?? 0)) }),
      ])
      return
    }
    session.showListing([
      ("name", .string, names.map { .string($0) }),
      ("rows", .int, tables.map { .int(Int64($0?.rowCount ?? 0)) }),
      ("columns", .int, tables.map { .int(Int64($0?.columnCount ?? 0)) }),
    ])
  }
}
