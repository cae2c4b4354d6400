import Foundation
import FunnelData
import FunnelSQL
import PostgresNIO

/// Files copied into the session: read by Funnel (type inference and
/// reading options included), created as a temporary table and filled with
/// one `COPY ... FROM STDIN`, all in one transaction, so that a failed load
/// leaves no half-filled table and keeps an earlier table of that name.
extension PostgresEngine {
  public func load(_ table: Table, path: String, as name: String) throws(RemoteError) {
    guard !name.isEmpty, !name.contains("\""), !name.contains("\0") else {
      // postgres-nio writes the name of a COPY between double quotes as it is.
      throw RemoteError(.unsupported, "'\(name)' cannot name a PostgreSQL table", hint: "use letters, digits and _")
    }
    let columns = zip(table.names, table.columns).map { name, column in
      PostgresEngine.quoted(name) + " " + PostgresType.sqlName(of: column.type)
    }
    try running { () throws(RemoteError) in
      try executeWhileRunning("BEGIN")
      do throws(RemoteError) {
        try executeWhileRunning(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS pg_temp.\(PostgresEngine.quoted(name))"))
        try executeWhileRunning(
          PostgresQuery(
            unsafeSQL: "CREATE TEMP TABLE \(PostgresEngine.quoted(name)) (\(columns.joined(separator: ", ")))"))
        if table.rowCount > 0, table.columnCount > 0 {
          let encoder = CopyEncoder(table)
          try statement { [connection, logger] in
            try await connection.copyFrom(table: name, logger: logger) { writer in
              try await encoder.encode { try await writer.write($0) }
            }
          }
        }
        try executeWhileRunning("COMMIT")
      } catch {
        try? executeWhileRunning("ROLLBACK")
        throw error
      }
    }
  }

  /// An identifier between double quotes, as PostgreSQL writes one.
  static func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
