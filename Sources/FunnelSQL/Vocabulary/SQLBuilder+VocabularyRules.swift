import FunnelData
import FunnelEngine

/// The pieces of SQL the vocabulary verbs share, written once per dialect:
/// days between dates, medians, doubles, the order of keys, and the lead
/// stages read from a row.
extension SQLBuilder {
  /// The SQL type of a double: `DOUBLE PRECISION` on postgres.
  var doubleType: String { dialect == .postgres ? "DOUBLE PRECISION" : "DOUBLE" }

  /// The SQL type of text, for matching an int id against a text id.
  var textType: String {
    switch dialect {
    case .duckdb: return "VARCHAR"
    case .postgres: return "TEXT"
    case .spark: return "STRING"
    }
  }

  /// `sql` as a double (integer division never happens on a double).
  func double(_ sql: String) -> String { "CAST(\(sql) AS \(doubleType))" }

  /// A double constant, exactly the Swift value (its shortest round-trip text).
  func double(_ value: Double) -> String { "CAST(\(value) AS \(doubleType))" }

  /// A typed null (a missing column reads as null).
  func null(_ sqlType: String) -> String { "CAST(NULL AS \(sqlType))" }

  /// The whole days from `earlier` to `later` (both dates): negative when `later` is earlier.
  func daysBetween(_ later: String, _ earlier: String) -> String {
    switch dialect {
    case .duckdb, .postgres: return "(\(later) - \(earlier))"
    case .spark: return "datediff(\(later), \(earlier))"
    }
  }

  /// The median of the non-null values of `sql` in a group (the mean of the
  /// two middle values for an even count), as a double; null over none.
  func median(_ sql: String) -> String {
    switch dialect {
    case .duckdb, .postgres: return double("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY \(sql))")
    case .spark: return double("percentile(\(sql), 0.5)")
    }
  }

  /// The day of a date, timestamp or period column (a timestamp's date, a
  /// period's first day, as the engine's `Column.days()` reads them); throws
  /// for another type.
  func day(_ sql: String, _ type: DataType, stage: String, what: String) throws(SQLCompileError) -> String {
    switch type {
    case .date: return sql
    case .timestamp: return "CAST(\(sql) AS DATE)"
    case .period(let unit): return firstDay(sql, unit)
    default:
      throw SQLCompileError(
        "\(what) must be a date, not \(type.name)", stage: stage, hint: "use a date or timestamp column")
    }
  }

  /// A key in an `ORDER BY` as the engine orders groups: ascending, nulls
  /// last, text by its bytes (postgres compares text by the database's
  /// collation unless told `COLLATE "C"`).
  func orderKey(_ sql: String, _ type: DataType) -> String {
    let collated = dialect == .postgres && type == .string ? "\(sql) COLLATE \"C\"" : sql
    return collated + " ASC NULLS LAST"
  }

  /// A stage word as the engine reads one (`ClassBlocks`): lowercased,
  /// without leading and trailing spaces and tabs.
  func stageWord(_ sql: String) -> String { "LOWER(TRIM(BOTH ' ' || CHR(9) FROM \(sql)))" }

  /// The rank of a lead's `stage` (lead 0 ... won 4; lost, another word or null 0).
  func leadRank(_ stage: String) -> String {
    let whens = LeadStage.allCases.map { "WHEN '\($0.name)' THEN \($0.rawValue)" }.joined(separator: " ")
    return "CASE \(stageWord(stage)) \(whens) ELSE 0 END"
  }

  /// Whether a lead reached `stage`: by its rank (when there is a stage
  /// column) or by a date for it (when there is one); every lead reached `lead`.
  func leadReached(_ stage: LeadStage, rank: String?, day: String?) -> String {
    if stage == .lead { return "1 = 1" }
    var tests: [String] = []
    if let rank { tests.append("\(rank) >= \(stage.rawValue)") }
    if let day { tests.append("\(day) IS NOT NULL") }
    return tests.isEmpty ? "1 = 0" : "(" + tests.joined(separator: " OR ") + ")"
  }

  /// Whole calendar months from day `a` to day `b`, floored toward zero as
  /// `CohortVerb.monthsBetween` counts them (01-31 to 02-28 is 0, to 03-01 is 1).
  func monthsBetween(_ a: String, _ b: String) -> String {
    func part(_ field: String, _ x: String) -> String { "CAST(EXTRACT(\(field) FROM \(x)) AS INTEGER)" }
    let months = "((\(part("YEAR", b)) * 12 + \(part("MONTH", b))) - (\(part("YEAR", a)) * 12 + \(part("MONTH", a))))"
    let dayB = part("DAY", b), dayA = part("DAY", a)
    return "(CASE WHEN \(months) > 0 AND \(dayB) < \(dayA) THEN \(months) - 1 "
      + "WHEN \(months) < 0 AND \(dayB) > \(dayA) THEN \(months) + 1 ELSE \(months) END)"
  }

  /// The column `name` of a relation, quoted, and its type; nil when it has none.
  func column(_ name: String, in relation: SQLRelation) -> (sql: String, type: DataType)? {
    guard let i = relation.columns.firstIndex(of: name) else { return nil }
    return (quote(name), relation.types[i])
  }

  /// A CTE of a verb's internal columns, read only by the verb's next CTE.
  func add(_ stage: String, _ sql: String) -> SQLRelation { add(stage, sql, columns: [], types: []) }

  /// A name for an internal column (`_k0`, `_n`), quoted.
  func slot(_ name: String) -> String { quote("_" + name) }
}
