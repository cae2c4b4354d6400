import Foundation
import FunnelData
import FunnelSQL

/// The session's tables and views, and files registered as views.
extension SparkEngine {
  /// `SHOW TABLES` (the current database's tables and the session's
  /// temporary views), then `DESCRIBE TABLE` for each one's columns. A
  /// column of a type Funnel has no column for (array, map, struct,
  /// binary, interval, decimal with more than 18 decimals) is left out.
  public func tables() throws(RemoteError) -> [RemoteTable] {
    let listing = try rows(of: "SHOW TABLES")
    var out: [RemoteTable] = []
    for row in listing {
      // namespace, tableName, isTemporary
      guard row.count >= 2, case .string(let name) = row[1] else { continue }
      var qualified = quote(name)
      if case .string(let namespace) = row[0], !namespace.isEmpty { qualified = quote(namespace) + "." + qualified }
      var columns: [String] = []
      var types: [DataType] = []
      for column in try rows(of: "DESCRIBE TABLE \(qualified)") {
        // col_name, data_type, comment; partitioning and other details
        // follow the columns after an empty row or a row starting with '#'.
        guard column.count >= 2, case .string(let columnName) = column[0], case .string(let typeName) = column[1]
        else { break }
        if columnName.isEmpty || columnName.hasPrefix("#") { break }
        guard let type = SparkEngine.funnelType(ofSparkType: typeName) else { continue }
        columns.append(columnName)
        types.append(type)
      }
      out.append(RemoteTable(name: name, columns: columns, types: types))
    }
    return out
  }

  /// Registers a file as the temporary view `name`, read by Spark itself:
  /// the path must be one the server can read (a local server reads the
  /// same files as Funnel; a relative path is made absolute first).
  ///
  /// CSV and TSV are read with a header and `inferSchema`: whole numbers
  /// become int, numbers with a decimal point decimal (`prefersDecimal`,
  /// as Funnel keeps money exact), `2026-03-01` a date and
  /// `2026-03-01 10:00:00` a timestamp, `true`/`false` bool, anything else
  /// text. JSON is read as JSON Lines (`.jsonl`) or as one array (`.json`,
  /// `multiLine`).
  public func load(path: String, format: FileFormat, as name: String) throws(RemoteError) {
    let absolute = ScratchFolder.absolute(path)
    var options = ["path": absolute]
    let source: String
    switch format {
    case .csv, .tsv:
      source = "csv"
      options["header"] = "true"
      options["inferSchema"] = "true"
      options["prefersDecimal"] = "true"
      if format == .tsv { options["sep"] = "\t" }
    case .json:
      source = "json"
      options["multiLine"] = "true"
      options["prefersDecimal"] = "true"
    case .jsonl:
      source = "json"
      options["prefersDecimal"] = "true"
    case .markdown:
      throw RemoteError(.unsupported, "Spark cannot read markdown files", hint: "load a csv, tsv, json or jsonl file")
    }
    let list = options.sorted { $0.key < $1.key }.map { "\($0.key) \(SparkEngine.stringLiteral($0.value))" }
    try execute(
      SQLQuery(
        text:
          "CREATE OR REPLACE TEMPORARY VIEW \(quote(name)) USING \(source) OPTIONS (\(list.joined(separator: ", ")))"
      ))
  }

  /// The rows of a small result, as values.
  func rows(of sql: String) throws(RemoteError) -> [[Value]] {
    var out: [[Value]] = []
    try run(SQLQuery(text: sql)) { table in
      for i in 0..<table.rowCount { out.append(table.row(i)) }
      return true
    }
    return out
  }

  func quote(_ name: String) -> String { "`" + name.replacingOccurrences(of: "`", with: "``") + "`" }

  /// A Spark SQL string literal: Spark reads backslash escapes in quotes.
  static func stringLiteral(_ text: String) -> String {
    var out = "'"
    for c in text {
      switch c {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      default: out.append(c)
      }
    }
    return out + "'"
  }

  /// The Funnel type of a Spark type as `DESCRIBE` writes it (`bigint`,
  /// `decimal(12,2)`, `timestamp_ntz`); nil for types Funnel has no column for.
  static func funnelType(ofSparkType name: String) -> DataType? {
    let t = name.lowercased().trimmingCharacters(in: .whitespaces)
    switch t {
    case "bigint", "int", "integer", "smallint", "tinyint", "long", "short", "byte": return .int
    case "double", "float", "real": return .double
    case "string": return .string
    case "date": return .date
    case "timestamp", "timestamp_ntz", "timestamp_ltz": return .timestamp
    case "boolean": return .bool
    case "void": return .string
    default: break
    }
    if t.hasPrefix("varchar(") || t.hasPrefix("char(") || t.hasPrefix("string collate") { return .string }
    if t == "decimal" { return .decimal(scale: 0) }
    if t.hasPrefix("decimal("), t.hasSuffix(")") {
      let inside = t.dropFirst("decimal(".count).dropLast()
      let parts = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      let scale = parts.count == 2 ? Int(parts[1]) : 0
      guard let scale, (0...18).contains(scale) else { return nil }
      return .decimal(scale: scale)
    }
    return nil
  }
}

/// Tables Funnel has read itself, handed to Spark.
extension SparkEngine {
  /// Where the copies of this session's tables go; removed by `close()`.
  var scratchFolder: ScratchFolder { ScratchFolder(name: "spark-\(sessionID)") }

  /// Makes `table` (read by Funnel from `path`, so its types are Funnel's)
  /// the temporary view `name`: the rows are written as JSON Lines under
  /// the scratch folder (the system's temporary folder, which a local
  /// server reads too) and Spark reads them with the table's own schema,
  /// so no type is inferred twice.
  public func load(_ table: Table, path: String, as name: String) throws(RemoteError) {
    let copy: String
    do {
      copy = try scratchFolder.write(table, stem: name)
    } catch {
      throw RemoteError(.unsupported, "cannot write the copy of '\(path)' that Spark reads: \(error)")
    }
    var columns: [String] = []
    for (column, type) in zip(table.names, table.columns.map(\.type)) {
      let sparkType: String
      switch type {
      case .int: sparkType = "BIGINT"
      case .double: sparkType = "DOUBLE"
      case .decimal(let scale): sparkType = "DECIMAL(19,\(scale))"
      case .date: sparkType = "DATE"
      case .timestamp: sparkType = "TIMESTAMP"
      case .bool: sparkType = "BOOLEAN"
      case .string, .period: sparkType = "STRING"
      }
      columns.append("\(quote(column)) \(sparkType)")
    }
    let options = [
      "path \(SparkEngine.stringLiteral(copy))", "timestampFormat 'yyyy-MM-dd HH:mm:ss[.SSSSSS]'",
      "dateFormat 'yyyy-MM-dd'",
    ]
    if cachedViews.withLock({ $0.contains(name) }) {
      try execute(SQLQuery(text: "UNCACHE TABLE IF EXISTS \(quote(name))"))
    }
    try execute(
      SQLQuery(
        text: "CREATE OR REPLACE TEMPORARY VIEW \(quote(name)) (\(columns.joined(separator: ", "))) USING json "
          + "OPTIONS (\(options.joined(separator: ", ")))"))
    // A view over JSON would parse the whole file again for every statement
    // (about half a second each on the demo data); cached, Spark keeps the
    // rows in its columnar memory after the first statement reads them.
    try execute(SQLQuery(text: "CACHE LAZY TABLE \(quote(name))"))
    cachedViews.withLock { names in
      if !names.contains(name) { names.append(name) }
    }
  }
}
