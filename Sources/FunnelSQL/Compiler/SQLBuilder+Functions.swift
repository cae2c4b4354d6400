import FunnelData
import FunnelEngine

/// The scalar functions of LANGUAGE.md §3 in each dialect, with Funnel's
/// results: periods as their text (`2026-03`, `2026-Q1`, ISO `2026-W11`),
/// rounding half away from zero with decimals kept exact, `concat` skipping
/// nulls, `reached` never null.
extension SQLBuilder {
  func call(_ f: ScalarFunction, _ sql: [String], _ args: [BoundExpr], _ type: DataType) throws(SQLCompileError)
    -> String
  {
    let x = sql[0]
    switch f {
    case .period(let unit): return period(x, unit)
    case .dateFromText:
      let trimmed = trimSpaces(x)
      switch dialect {
      case .duckdb: return "TRY_CAST(\(trimmed) AS DATE)"
      // No TRY_CAST in PostgreSQL 15: the shape is tested first; a day that
      // does not exist (2026-02-30) is the server's error.
      case .postgres:
        return "(CASE WHEN \(trimmed) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST(\(trimmed) AS DATE) END)"
      case .spark: return "try_to_date(\(trimmed), 'yyyy-MM-dd')"
      }
    case .lower: return "lower(\(x))"
    case .upper: return "upper(\(x))"
    case .trim: return trimSpaces(x)
    // Characters, as Funnel counts them for text without combining marks.
    case .length: return dialect == .postgres ? "char_length(\(x))" : "length(\(x))"
    case .text: return asText(x, args[0].type)
    case .concat:
      let texts = zip(sql, args).map { asText($0, $1.type) }
      switch dialect {
      case .duckdb, .postgres: return "concat(" + texts.joined(separator: ", ") + ")"
      case .spark: return "concat_ws(''" + texts.map { ", " + $0 }.joined() + ")"
      }
    case .contains:
      switch dialect {
      case .duckdb, .spark: return "contains(\(x), \(sql[1]))"
      case .postgres: return "(strpos(\(x), \(sql[1])) > 0)"
      }
    case .startsWith:
      switch dialect {
      case .duckdb, .postgres: return "starts_with(\(x), \(sql[1]))"
      case .spark: return "startswith(\(x), \(sql[1]))"
      }
    case .endsWith:
      switch dialect {
      case .duckdb: return "ends_with(\(x), \(sql[1]))"
      case .postgres: return "(right(\(x), char_length(\(sql[1]))) = \(sql[1]))"
      case .spark: return "endswith(\(x), \(sql[1]))"
      }
    case .round(let digits): return round(x, args[0].type, digits: digits, to: type)
    case .abs: return "abs(\(x))"
    case .floor, .ceil:
      var name = "ceil"
      if case .floor = f { name = "floor" }
      switch args[0].type {
      case .int: return x
      case .double: return "\(name)(\(x))"
      default: return cast("\(name)(\(x))", type)
      }
    case .reached(let stages):
      var parts = ["coalesce(\(stageTest(x, stages)), FALSE)"]
      for d in sql.dropFirst() { parts.append("\(d) IS NOT NULL") }
      return "(" + parts.joined(separator: " OR ") + ")"
    case .dealReached(let stages, let lostStages):
      let lost = "lower(\(trimSpaces(sql[1])))"
      return "(coalesce(\(stageTest(x, stages)), FALSE) OR coalesce(\(x) = 'closed_lost' AND "
        + "\(stageTest(lost, lostStages)), FALSE))"
    case .stageEntered(let entries):
      // The changes' columns renamed inside, so that the row's own deal_id and
      // stage (unqualified in `x` and `sql[1]`) can only name the outer row.
      let at = try day(quote("changed_at"), entries.changedAt, stage: "", what: "stage_changes.changed_at")
      let inner =
        "SELECT \(quote("deal_id")) AS \(slot("sc_deal")), \(stageWord(quote("stage"))) AS \(slot("sc_stage")), "
        + "\(at) AS \(slot("sc_day")) FROM \(quote("stage_changes"))"
      let match = idMatch("c.\(slot("sc_deal"))", entries.dealId, x, args[0].type)
      return "(SELECT MAX(c.\(slot("sc_day"))) FROM (\(inner)) c WHERE \(match) AND c.\(slot("sc_stage")) = \(sql[1]))"
    }
  }

  /// `stage IN ('a', 'b')`, FALSE for no stages.
  private func stageTest(_ x: String, _ stages: Set<String>) -> String {
    if stages.isEmpty { return "FALSE" }
    return "\(x) IN (" + stages.sorted().map(text).joined(separator: ", ") + ")"
  }

  /// The text of a period of the date `x`, as `Periods.format` writes it.
  func period(_ x: String, _ unit: PeriodUnit) -> String {
    switch (unit, dialect) {
    case (.day, .duckdb): return "strftime(\(x), '%Y-%m-%d')"
    case (.day, .postgres): return "to_char(\(x), 'YYYY-MM-DD')"
    case (.day, .spark): return "date_format(\(x), 'yyyy-MM-dd')"
    case (.month, .duckdb): return "strftime(\(x), '%Y-%m')"
    case (.month, .postgres): return "to_char(\(x), 'YYYY-MM')"
    case (.month, .spark): return "date_format(\(x), 'yyyy-MM')"
    case (.year, .duckdb): return "strftime(\(x), '%Y')"
    case (.year, .postgres): return "to_char(\(x), 'YYYY')"
    case (.year, .spark): return "date_format(\(x), 'yyyy')"
    case (.quarter, .duckdb): return "(strftime(\(x), '%Y') || '-Q' || CAST(quarter(\(x)) AS VARCHAR))"
    case (.quarter, .postgres): return "to_char(\(x), 'YYYY-\"Q\"Q')"
    case (.quarter, .spark): return "concat(date_format(\(x), 'yyyy'), '-Q', quarter(\(x)))"
    case (.week, .duckdb): return "strftime(\(x), '%G-W%V')"
    case (.week, .postgres): return "to_char(\(x), 'IYYY-\"W\"IW')"
    case (.week, .spark):
      // Spark has no week-year pattern: the ISO year is the year of the week's Thursday.
      let thursday = "date_add(\(x), 3 - ((dayofweek(\(x)) + 5) % 7))"
      return "concat(date_format(\(thursday), 'yyyy'), '-W', lpad(CAST(weekofyear(\(x)) AS STRING), 2, '0'))"
    }
  }

  /// Without the spaces, tabs and line breaks around it (`trim`).
  private func trimSpaces(_ x: String) -> String {
    let spaces = "' ' || chr(9) || chr(10) || chr(13)"
    switch dialect {
    case .duckdb: return "trim(\(x), \(spaces))"
    case .postgres: return "btrim(\(x), \(spaces))"
    case .spark: return "trim(BOTH concat(' ', char(9), char(10), char(13)) FROM \(x))"
    }
  }

  /// A value's text as machine formats write it (`text(x)`): whole doubles
  /// without `.0`, booleans as `true`/`false`, ISO dates and timestamps.
  func asText(_ x: String, _ type: DataType) -> String {
    switch type {
    case .string, .period: return x
    case .double:
      return "(CASE WHEN \(x) = floor(\(x)) AND abs(\(x)) < 1e15 THEN \(cast(cast(x, .int), .string)) "
        + "ELSE \(cast(x, .string)) END)"
    case .bool: return "(CASE WHEN \(x) THEN 'true' WHEN NOT \(x) THEN 'false' END)"
    case .timestamp:
      switch dialect {
      case .duckdb: return cast(x, .string)
      case .postgres:
        return "rtrim(rtrim(to_char(\(x), 'YYYY-MM-DD HH24:MI:SS.US'), '0'), '.')"
      case .spark: return "date_format(\(x), 'yyyy-MM-dd HH:mm:ss')"
      }
    default: return cast(x, .string)
    }
  }

  /// `round(x, digits)`, half away from zero; a decimal keeps `type`'s scale.
  private func round(_ x: String, _ from: DataType, digits: Int, to type: DataType) -> String {
    switch from {
    case .int: return digits >= 0 ? x : cast("round(\(x), \(digits))", .int)
    case .double:
      // PostgreSQL rounds doubles half to even; its numeric rounds away from zero.
      if dialect == .postgres { return cast("round(CAST(\(x) AS NUMERIC), \(digits))", .double) }
      return "round(\(x), \(digits))"
    default:
      // PostgreSQL's round with digits takes only numeric (the column may be a double there).
      let exact = dialect == .postgres ? "CAST(\(x) AS NUMERIC)" : x
      return cast("round(\(exact), \(digits))", type)
    }
  }
}
