import FunnelData

/// What a reader's table must be, whatever the input: names and columns in
/// step, every column as long as the row count, each value readable, the
/// table writable in `formats`. Shared by the fuzz cases of the file readers
/// and of the Arrow reader (scripts/fuzz builds this file into those targets).
public enum TableCheck {
  public static func problems(_ table: Table, writing formats: [FileFormat]) -> [String] {
    var problems: [String] = []
    if table.names.count != table.columns.count {
      problems.append("\(table.names.count) names for \(table.columns.count) columns")
    }
    for (name, column) in zip(table.names, table.columns) {
      if column.count != table.rowCount {
        problems.append("column '\(name)' has \(column.count) values for \(table.rowCount) rows")
        continue
      }
      _ = column.nullCount
      for row in 0..<column.count { _ = column.value(at: row) }
    }
    if problems.isEmpty {
      for format in formats { _ = TableWriter.encode(table, as: format) }
    }
    return problems
  }
}
