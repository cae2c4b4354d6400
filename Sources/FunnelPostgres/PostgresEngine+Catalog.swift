import FunnelData
import FunnelSQL

/// The tables and views Funnel can read: those of the URL's schema (or the
/// server's `current_schema()`), and the session's temporary ones (files
/// loaded with `load`), which hide a table of the same name as they do in SQL.
extension PostgresEngine {
  public func tables() throws(RemoteError) -> [RemoteTable] {
    let schema = url.schema.map { _ in "$1" } ?? "current_schema()"
    let text = """
      SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.numeric_scale::int,
        c.table_schema = temp.nspname AS temporary
      FROM information_schema.columns c
      LEFT JOIN (SELECT nspname::text FROM pg_namespace WHERE oid = pg_my_temp_schema()) temp ON true
      WHERE c.table_schema = \(schema) OR c.table_schema = temp.nspname
      ORDER BY temporary DESC, c.table_name, c.ordinal_position
      """
    let parameters = url.schema.map { [SQLParameter(name: "schema", value: .string($0), type: .string)] } ?? []
    var rows: [[Value]] = []
    try run(SQLQuery(text: text, parameters: parameters)) { batch in
      for r in 0..<batch.rowCount { rows.append(batch.row(r)) }
      return true
    }
    return PostgresEngine.catalog(rows)
  }

  /// Tables from catalog rows (name, column, data type, scale, temporary),
  /// ordered temporary first. A column of a type Funnel cannot hold is left
  /// out; so is a table none of whose columns it can.
  static func catalog(_ rows: [[Value]]) -> [RemoteTable] {
    var tables: [RemoteTable] = []
    var seen: Set<String> = []
    var current: (name: String, temporary: Bool)?
    for row in rows {
      guard case .string(let name) = row[0], case .string(let column) = row[1], case .string(let typeName) = row[2]
      else { continue }
      var scale: Int?
      if case .int(let s) = row[3] { scale = Int(s) }
      let temporary = row[4] == .bool(true)
      if current?.name != name || current?.temporary != temporary {
        current = (name, temporary)
        // A temporary table hides the schema's table of the same name.
        if seen.contains(name) {
          current = nil
          continue
        }
        seen.insert(name)
        tables.append(RemoteTable(name: name, columns: [], types: []))
      }
      guard current != nil, let type = PostgresType.catalogType(typeName, scale: scale) else { continue }
      tables[tables.count - 1].columns.append(column)
      tables[tables.count - 1].types.append(type)
    }
    return tables.filter { !$0.columns.isEmpty }
  }
}
