/// Named columns of one length: what a dataset, a query result and a file are.
public struct Table: Sendable {
  public private(set) var names: [String]
  public private(set) var columns: [Column]
  public private(set) var rowCount: Int

  /// All columns must have the same count (a programmer's mistake otherwise).
  public init(names: [String], columns: [Column]) {
    precondition(names.count == columns.count, "one name a column")
    let n = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == n }, "columns of one length")
    self.names = names
    self.columns = columns
    self.rowCount = n
  }

  /// A table with no columns but `rowCount` rows (the input of `agg` with no keys on nothing).
  public init(rowCount: Int) {
    names = []
    columns = []
    self.rowCount = rowCount
  }

  public static let empty = Table(names: [], columns: [])

  public var columnCount: Int { columns.count }

  public func index(of name: String) -> Int? { names.firstIndex(of: name) }

  public func column(_ name: String) -> Column? { index(of: name).map { columns[$0] } }

  /// The rows at `indices`, in that order.
  public func gather(_ indices: [Int32]) -> Table {
    if columns.isEmpty { return Table(rowCount: indices.count) }
    return Table(names: names, columns: columns.map { $0.gather(indices) })
  }

  /// The first `n` rows.
  public func prefix(_ n: Int) -> Table {
    if n >= rowCount { return self }
    return gather((0..<Int32(max(0, n))).map { $0 })
  }

  public mutating func append(column: Column, named name: String) {
    precondition(columns.isEmpty || column.count == rowCount, "columns of one length")
    if columns.isEmpty { rowCount = column.count }
    names.append(name)
    columns.append(column)
  }

  public mutating func rename(column index: Int, to name: String) { names[index] = name }

  /// One row as values (not for hot loops).
  public func row(_ i: Int) -> [Value] { columns.map { $0.value(at: i) } }
}
