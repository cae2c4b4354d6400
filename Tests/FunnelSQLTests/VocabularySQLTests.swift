import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import Testing

@testable import FunnelSQL

/// The vocabulary verbs compiled to SQL over the demo catalog. Every case
/// compiles in every dialect; a few pin the dialect's shape of the text.
/// With `FUNNEL_SQL_DUMP=DIR`, each case's SQL is written to
/// `DIR/<name>.<dialect>.sql` and the statements to `DIR/statements.tsv`, for
/// a run against DuckDB and PostgreSQL beside the engine's answer.
@Suite struct VocabularySQLTests {
  static let demo = DemoData.generate(leads: 3000, seed: 7)

  /// (name, statement): the verbs with a spread of their options.
  static let cases: [(String, String)] =
    [
      ("funnel", "leads | funnel"),
      ("funnel_by_region", "leads | funnel by region"),
      ("funnel_by_channel_region", "leads | funnel by channel, region"),
      ("funnel_steps", "leads | funnel steps sql, won"),
      ("funnel_steps_by_within", "leads | funnel steps mql, sql, won by channel within 90d"),
      ("funnel_within", "leads | funnel within 30d"),
      ("funnel_within_by_owner", "leads | funnel steps lead, opportunity, won by owner within 60d"),
      ("funnel_deal_stages_over_leads", "leads | funnel steps prospecting, proposal"),
      ("deal_funnel", "deals | funnel"),
      ("deal_funnel_by_product", "deals | funnel by product"),
      ("deal_funnel_steps_by_owner", "deals | funnel steps qualification, proposal, closed_won by owner"),
      ("cohort_by_day", "leads | cohort created_at"),
      ("cohort_channel_by_region", "leads | cohort channel by region"),
      ("cohort_mql_day", "leads | cohort mql_at by channel"),
      ("cohort_months", "leads | cohort created_at by months"),
      ("cohort_channel_months", "leads | cohort channel by months"),
      ("scorecard", "scorecard"),
      ("scorecard_by_channel_name", "scorecard by channel, name"),
      ("scorecard_linear", "scorecard model linear"),
      ("scorecard_w_by_name", "scorecard by name model w_shaped"),
      ("scorecard_u_custom", "scorecard by channel model u_shaped(30, 30)"),
      ("scorecard_decay", "scorecard model time_decay(14d)"),
    ] + attributionCases

  static let models = [
    "first_touch", "last_touch", "linear", "time_decay", "time_decay(14d)", "u_shaped", "u_shaped(30, 30)",
    "w_shaped", "w_shaped(20, 30, 40)", "full_path", "full_path(25, 25, 25, 25)", "j_shaped", "j_shaped(10, 70)",
    "inverse_j", "u_shaped(0, 0)", "full_path(50, 50, 0, 0)",
  ]

  static var attributionCases: [(String, String)] {
    var out: [(String, String)] = []
    for (b, (rows, tail)) in [
      ("closed", ("deals", "")), ("pipeline", ("deals", " on pipeline")), ("leads", ("leads", "")),
    ] {
      for (m, model) in models.enumerated() {
        out.append(("attribute_\(b)_\(m)", "\(rows) | attribute \(model)\(tail) by channel"))
      }
      out.append(("attribute_\(b)_campaign", "\(rows) | attribute w_shaped\(tail)"))
      out.append(("attribute_\(b)_kind", "\(rows) | attribute linear\(tail) by kind"))
      out.append(("attribute_\(b)_channel_kind", "\(rows) | attribute first_touch\(tail) by channel, kind"))
      out.append(("attribute_\(b)_compare", "\(rows) | attribute compare\(tail) by channel"))
      out.append(("attribute_\(b)_compare_campaign", "\(rows) | attribute compare\(tail)"))
    }
    return out
  }

  static func catalog() -> Catalog {
    let c = Catalog()
    for (name, table) in demo.all { c.setDataset(name, table) }
    c.today = Periods.parse("2026-07-01", unit: .day) ?? 0
    return c
  }

  static func compile(_ text: String, _ dialect: SQLDialect) throws -> SQLQuery {
    let (statements, diagnostics) = Parser.parse(SourceText(text: text))
    #expect(diagnostics.isEmpty, "\(text): \(diagnostics)")
    guard let statement = statements.first else { throw SQLCompileError("no statement", stage: nil) }
    let prepared = try Engine.prepare(statement, in: catalog())
    return try SQLCompiler(dialect: dialect).compile(prepared)
  }

  @Test(arguments: SQLDialect.allCases)
  func everyCaseCompiles(dialect: SQLDialect) throws {
    let dump = ProcessInfo.processInfo.environment["FUNNEL_SQL_DUMP"].map { URL(fileURLWithPath: $0) }
    if let dump { try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true) }
    var manifest = ""
    for (name, text) in Self.cases {
      let query: SQLQuery
      do {
        query = try Self.compile(text, dialect)
      } catch let e as SQLCompileError {
        Issue.record("\(name) (\(dialect.rawValue)): \(e.message)")
        continue
      }
      #expect(query.parameters.isEmpty)
      manifest += "\(name)\t\(text)\n"
      if let dump {
        try query.text.write(
          to: dump.appendingPathComponent("\(name).\(dialect.rawValue).sql"), atomically: true, encoding: .utf8)
      }
    }
    if let dump {
      try manifest.write(to: dump.appendingPathComponent("statements.tsv"), atomically: true, encoding: .utf8)
    }
  }

  @Test func funnelShapePerDialect() throws {
    let statement = "leads | funnel steps mql, sql by region within 90d"
    let duck = try Self.compile(statement, .duckdb).text
    #expect(duck.contains("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY"))
    // Within the window: sql_at at most 90 days after mql_at, the first step's day.
    #expect(duck.contains("(\"_d1\" - \"_d0\") <= 90"))
    #expect(duck.contains("ORDER BY \"region\" ASC NULLS LAST, \"_i\""))
    let pg = try Self.compile(statement, .postgres).text
    #expect(pg.contains("\"region\" COLLATE \"C\" ASC NULLS LAST"))
    #expect(pg.contains("DOUBLE PRECISION"))
    let spark = try Self.compile(statement, .spark).text
    #expect(spark.contains("percentile(CASE WHEN `_s0` = 1 AND `_s1` = 1 THEN `_g1` END, 0.5)"))
    #expect(spark.contains("datediff(`_d1`, `_d0`) <= 90"))
    #expect(!spark.contains("\""))
    #expect(
      spark.hasSuffix(
        "SELECT `region`, `step`, `count`, `step_conversion`, `overall_conversion`, `drop_off`, `median_days`\n"
          + "FROM `funnel_4`"))
  }

  @Test func attributionShapePerDialect() throws {
    let statement = "deals | attribute u_shaped(30, 30) by channel"
    let duck = try Self.compile(statement, .duckdb).text
    // Open deals' windows end on the catalog's day, written as a date.
    #expect(duck.contains("DATE '2026-07-01'"))
    #expect(duck.contains("LEFT JOIN \"touches\" t ON t.\"lead_id\" = r.\"_lead\""))
    #expect(duck.contains("ORDER BY t.\"touched_at\", t.\"touch_id\" ASC NULLS FIRST"))
    #expect(duck.contains("CAST(0.3 AS DOUBLE)"))
    let spark = try Self.compile(statement, .spark).text
    #expect(spark.contains("POWER") == false)
    #expect(spark.contains("CAST(0.3 AS DOUBLE)"))
    let decay = try Self.compile("leads | attribute time_decay(14d)", .postgres).text
    #expect(decay.contains("POWER(CAST(2.0 AS DOUBLE PRECISION)"))
    #expect(decay.contains("/ CAST(14.0 AS DOUBLE PRECISION)"))
  }

  @Test func cohortByMonthsCountsCalendarMonths() throws {
    let sql = try Self.compile("leads | cohort created_at by months", .postgres).text
    #expect(sql.contains("EXTRACT(MONTH FROM"))
    #expect(sql.contains("AS \"m12\""))
    #expect(!sql.contains("AS \"m13\""))
  }

  @Test(arguments: SQLDialect.allCases)
  func aPeriodCohortByMonthsStartsOnThePeriodsFirstDay(dialect: SQLDialect) throws {
    // Leads whose created_at is a month: the cohort starts on the month's first day.
    let leads = Table(
      names: ["lead_id", "created_at", "stage", "won_at"],
      columns: [
        Column.make(.int, [.int(1)]), Column.make(.period(.month), [.period(676, .month)]),
        Column.make(.string, [.string("won")]), Column.make(.date, [.null]),
      ])
    let c = Catalog()
    c.setDataset("leads", leads)
    for (source, piece) in [
      ("leads | cohort created_at by months", "|| '-01' AS DATE)"),
      ("leads | cohort quarter(won_at) by months", "LPAD("),
      ("leads | cohort week(won_at) by months", "'-01-04' AS DATE)"),
    ] {
      let (statements, _) = Parser.parse(SourceText(text: source))
      let prepared = try Engine.prepare(try #require(statements.first), in: c)
      #expect(try SQLCompiler(dialect: dialect).compile(prepared).text.contains(piece))
    }
  }

  @Test func scorecardByAModelSharesWonRevenueOverTouches() throws {
    let sql = try Self.compile("scorecard by channel model u_shaped(30, 30)", .duckdb).text
    #expect(sql.contains("\"scorecard_won\" AS (\n  SELECT * FROM \"deals\""))
    #expect(sql.contains("CAST(0.3 AS DOUBLE)"))
    #expect(sql.hasSuffix("FROM \"scorecard_6\""))
  }
}
