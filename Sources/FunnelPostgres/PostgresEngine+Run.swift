import FunnelData
import FunnelSQL
import PostgresNIO

/// Queries and statements: results read a batch at a time, stopped early on
/// request.
extension PostgresEngine {
  /// Hands the result to `batch` in batches of `ResultReader.batchRows` rows;
  /// a result with no rows is one empty batch with the result's columns.
  /// When `batch` returns false or throws, the server is asked to stop.
  public func run(_ query: SQLQuery, batch: (Table) throws -> Bool) throws(RemoteError) {
    let postgresQuery = PostgresQuery(unsafeSQL: query.text, binds: ParameterBinding.bindings(query.parameters))
    try running { () throws(RemoteError) in
      let reader = try open(postgresQuery)
      var first = true
      while true {
        let table = try statement { try await reader.next() }
        var keep = true
        if first || table.rowCount > 0 {
          do {
            keep = try batch(table)
          } catch {
            stop(reader)
            throw RemoteError.consumer(error)
          }
        }
        first = false
        if reader.finished { return }
        if !keep {
          stop(reader)
          return
        }
      }
    }
  }

  /// Runs statements that return no rows (`CREATE TEMP VIEW ...`).
  public func execute(_ query: SQLQuery) throws(RemoteError) {
    let postgresQuery = PostgresQuery(unsafeSQL: query.text, binds: ParameterBinding.bindings(query.parameters))
    try running { () throws(RemoteError) in try executeWhileRunning(postgresQuery) }
  }

  /// A statement whose rows, if any, are read and dropped.
  func executeWhileRunning(_ query: PostgresQuery) throws(RemoteError) {
    try statement { [connection, logger] in
      for try await _ in try await connection.query(query, logger: logger) {}
    }
  }

  /// Sends a query and reads its row description.
  private func open(_ query: PostgresQuery) throws(RemoteError) -> ResultReader {
    let rows = try statement { [connection, logger] in try await connection.query(query, logger: logger) }
    return try ResultReader(rows)
  }

  /// Stops reading a result part way: the server is asked to cancel first,
  /// while postgres-nio still holds it back (a full buffer stops reading the
  /// socket), and then postgres-nio drops the rows still to come. The other
  /// way round, the server streams at full speed until the cancel arrives,
  /// and every row of that is read and dropped before the next statement.
  private func stop(_ reader: ResultReader) {
    if !reader.finished { sendCancel() }
    reader.close()
  }
}

extension RemoteError {
  /// An error thrown by the caller's `batch` closure.
  static func consumer(_ error: any Error) -> RemoteError {
    if let remote = error as? RemoteError { return remote }
    if error is Cancelled { return RemoteError(.cancelled, "cancelled") }
    return RemoteError(.unsupported, String(describing: error))
  }
}
