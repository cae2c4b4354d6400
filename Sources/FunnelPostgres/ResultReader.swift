import FunnelData
import FunnelSQL
import PostgresNIO

/// Reads a result a batch at a time: pulls rows from postgres-nio's row
/// sequence (which stops reading from the socket when its buffer is full,
/// so an unread result is not held in memory) and fills one `ResultColumn`
/// per column.
///
/// A class, because the bridge's tasks take turns with it: one batch is read
/// by one task, then the next by another, never two at once.
final class ResultReader: @unchecked Sendable {
  // @unchecked: only one task at a time touches the iterator and columns
  // (`BlockingBridge.wait` returns before the next one starts).
  private var iterator: PostgresRowSequence.AsyncIterator?
  private var columns: [ResultColumn]
  let names: [String]
  /// Whether the server has sent every row.
  private(set) var finished = false

  /// Rows a batch holds.
  static let batchRows = 8_192

  /// Readers for the columns of `rows`, as its row description types them;
  /// a type Funnel cannot hold is an error before any row is read.
  init(_ rows: PostgresRowSequence) throws(RemoteError) {
    var columns: [ResultColumn] = []
    for column in rows.columns {
      guard let type = PostgresType(oid: column.dataType, modifier: column.dataTypeModifier) else {
        throw RemoteError(
          .unsupported, "column '\(column.name)' has the PostgreSQL type \(column.dataType), which Funnel cannot hold",
          hint: "cast it in SQL, to text for example: \(column.name)::text")
      }
      columns.append(ResultColumn(name: column.name, source: type))
    }
    self.columns = columns
    self.names = columns.map(\.name)
    self.iterator = rows.makeAsyncIterator()
  }

  /// The next batch: up to `batchRows` rows (fewer only at the end).
  func next() async throws -> Table {
    var rows = 0
    while rows < ResultReader.batchRows, !finished {
      guard let row = try await iterator?.next() else {
        finished = true
        iterator = nil
        break
      }
      var c = 0
      for cell in row {
        try columns[c].append(cell.bytes)
        c += 1
      }
      rows += 1
    }
    var out: [Column] = []
    out.reserveCapacity(columns.count)
    for c in columns.indices { out.append(try columns[c].finish()) }
    if out.isEmpty { return Table(rowCount: rows) }
    return Table(names: names, columns: out)
  }

  /// Lets go of the row sequence: postgres-nio reads and drops what is left.
  func close() {
    iterator = nil
  }
}
