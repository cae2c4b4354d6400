import FunnelData

extension Session {
  /// A small table the shell makes itself (`.tables`, `.schema`, `.param`),
  /// shown like any result, so `.mode csv` applies to it too.
  func showListing(_ columns: [(name: String, type: DataType, values: [Value])]) {
    let table = Table(names: columns.map(\.name), columns: columns.map { Column.make($0.type, $0.values) })
    do {
      try show(table, chart: nil)
    } catch {
      report(error, in: nil)
    }
  }
}
