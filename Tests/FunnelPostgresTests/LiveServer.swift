import Foundation
import FunnelData
import FunnelSQL

@testable import FunnelPostgres

/// The server the live tests use: `FUNNEL_PG_URL`, e.g.
/// `postgres://funnel@127.0.0.1:55434/postgres`. Without it they are skipped.
enum LiveServer {
  static let url = ProcessInfo.processInfo.environment["FUNNEL_PG_URL"]
  static var isSet: Bool { url != nil }

  /// A fresh connection, closed after `body`.
  static func withEngine<T>(query: String = "", _ body: (PostgresEngine) throws -> T) throws -> T {
    let engine = try PostgresEngine.connect(url: (url ?? "") + query)
    defer { engine.close() }
    return try body(engine)
  }
}

extension PostgresEngine {
  /// The whole result of `text` as one table (small results only).
  func all(_ text: String, _ parameters: [SQLParameter] = []) throws -> Table {
    var batches: [Table] = []
    try run(SQLQuery(text: text, parameters: parameters)) { batch in
      batches.append(batch)
      return true
    }
    guard let first = batches.first else { return .empty }
    if batches.count == 1 { return first }
    var rows: [[Value]] = []
    for batch in batches { for r in 0..<batch.rowCount { rows.append(batch.row(r)) } }
    let columns = first.columns.indices.map { c in Column.make(first.columns[c].type, rows.map { $0[c] }) }
    return Table(names: first.names, columns: columns)
  }
}
