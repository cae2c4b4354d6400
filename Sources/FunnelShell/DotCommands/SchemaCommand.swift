import FunnelData

extension DotCommand {
  /// `.schema [NAME]`: each column's name, type and null count.
  static let schema = DotCommand(
    name: "schema", arguments: [.dataset], usage: ".schema [NAME]",
    summary: "columns of a dataset (or of every dataset): name, type, nulls", argumentCount: 0...1
  ) { session, invocation in
    var names = session.catalog.datasetNames
    if let word = invocation.words.first {
      guard session.catalog.dataset(word.text) != nil else {
        var d = invocation.error("unknown dataset '\(word.text)'", at: word)
        d.suggest(word.text, among: names)
        throw d
      }
      names = [word.text]
    }
    var datasets: [Value] = []
    var columns: [Value] = []
    var types: [Value] = []
    var nulls: [Value] = []
    for name in names {
      guard let table = session.catalog.dataset(name) else { continue }
      for (column, data) in zip(table.names, table.columns) {
        datasets.append(.string(name))
        columns.append(.string(column))
        types.append(.string(data.type.name))
        nulls.append(.int(Int64(data.nullCount)))
      }
    }
    var listing: [(name: String, type: DataType, values: [Value])] = []
    if names.count > 1 { listing.append(("dataset", .string, datasets)) }
    listing += [("column", .string, columns), ("type", .string, types)]
    // On a server the null counts would mean a scan of each table.
    if session.remote == nil { listing.append(("nulls", .int, nulls)) }
    session.showListing(listing)
  }
}
