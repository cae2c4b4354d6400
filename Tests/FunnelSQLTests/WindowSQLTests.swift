import FunnelData
import FunnelEngine
import FunnelLanguage
import Testing

@testable import FunnelSQL

/// Window functions compiled to SQL: every function in every dialect, and
/// the shape that makes every engine give Funnel's rows in Funnel's order
/// (the values are checked on DuckDB, PostgreSQL and Spark by Tests/FourWay).
@Suite struct WindowSQLTests {
  /// Each window function once at least, with and without partitions and sort
  /// keys, over text, dates, money and counts; and `lead_velocity_rate()`.
  static let cases = [
    "leads | agg n = count() by m = month(created_at) | derive g = pct_change(n) over (sort m)",
    "deals | derive p = lag(amount) over (by owner sort created_at), q = lead(stage, 2) over (sort amount desc)",
    "deals | derive s = running_sum(amount) over (by owner sort created_at), c = running_count() over (by product)",
    "deals | derive c = running_count(closed_at) over (sort created_at), v = moving_avg(amount, 3) over ()",
    "deals | derive v = moving_avg(term_months, 1) over (by owner)",
    "deals | derive n = row_number() over (by owner sort amount desc), r = rank() over (sort product, amount desc)",
    "deals | agg revenue = sum(amount) by product | derive share = pct_of_total(revenue) over ()",
    "leads | derive d = change(score) over (by channel sort created_at), p = pct_change(score) over (by region)",
    "leads | derive p = lag(score) over (sort lead_id), c = change(p) over (sort lead_id) | where c > 0",
    "leads | agg mqls = count_if(reached(\"mql\")), lvr = lead_velocity_rate() by channel, m = month(mql_at)",
  ]

  @Test(arguments: SQLDialect.allCases)
  func everyFunctionCompiles(dialect: SQLDialect) throws {
    var seen = Set<String>()
    for text in Self.cases {
      let sql = try SQLFixture.sql(text, dialect).text
      #expect(sql.contains(dialect.quote("window")), "\(text)")
      for name in FunctionRegistry.windowNames where text.contains(name + "(") { seen.insert(name) }
    }
    #expect(seen == Set(FunctionRegistry.windowNames))
  }

  @Test func theLanguageExampleIsOneWindowOverTheNumberedMonths() throws {
    let q = try SQLFixture.sql(
      "leads | agg n = count() by m = month(created_at) | derive g = pct_change(n) over (sort m)", .duckdb)
    let over = "OVER (ORDER BY \"m\" ASC NULLS LAST, \"__funnel_row\" ASC)"
    #expect(
      q.text == """
        WITH "agg" AS (
          SELECT strftime("created_at", '%Y-%m') AS "m",
            count(*) AS "n"
          FROM "leads"
          GROUP BY 1
        ),
        "number" AS (
          SELECT "m", "n", row_number() OVER (ORDER BY "m" ASC NULLS LAST) AS "__funnel_row"
          FROM "agg"
        ),
        "window" AS (
          SELECT *,
            ((CAST("n" AS DOUBLE) - CAST(lag("n", 1) \(over) AS DOUBLE)) / NULLIF(CAST(lag("n", 1) \(over) AS DOUBLE), 0)) AS "__window_1"
          FROM "number"
        ),
        "derive" AS (
          SELECT "m",
            "n",
            "__window_1" AS "g",
            "__funnel_row"
          FROM "window"
        )
        SELECT "m", "n", "g"
        FROM "derive"
        ORDER BY "__funnel_row"
        """)
  }

  /// Ties keep the input's order (the row number breaks them), except in
  /// `rank`, whose ties are its peers; running frames are rows, not ranges.
  @Test func tiesFramesAndTextOrder() throws {
    let duck = try SQLFixture.sql(
      "deals | derive r = rank() over (by owner sort amount desc), s = running_sum(amount) over (sort owner)", .duckdb
    ).text
    #expect(duck.contains("CAST(rank() OVER (PARTITION BY \"owner\" ORDER BY \"amount\" DESC NULLS LAST) AS BIGINT)"))
    #expect(
      duck.contains(
        "CAST(sum(\"amount\") OVER (ORDER BY \"owner\" ASC NULLS LAST, \"__funnel_row\" ASC "
          + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DECIMAL(38, 2))"))
    // PostgreSQL sorts text by bytes, as Funnel does.
    let pg = try SQLFixture.sql("deals | derive s = running_sum(amount) over (sort owner)", .postgres).text
    #expect(pg.contains("ORDER BY (\"owner\" COLLATE \"C\") ASC NULLS LAST, \"__funnel_row\" ASC ROWS"))
    #expect(pg.contains("AS NUMERIC(38, 2))"))
    let spark = try SQLFixture.sql("deals | derive v = moving_avg(amount, 3) over (by owner)", .spark).text
    #expect(
      spark.contains(
        "CAST(avg(CAST(`amount` AS DOUBLE)) OVER (PARTITION BY `owner` ORDER BY `__funnel_row` ASC "
          + "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS DOUBLE)"))
  }

  /// A window reads its input in order even where nothing above needs an
  /// order (`| agg`): the rows are numbered before it.
  @Test func aWindowUnderAnAggregationStillNumbersItsRows() throws {
    let q = try SQLFixture.sql(
      "deals | sort amount | derive n = row_number() over () | agg top = max(n) by owner", .duckdb)
    #expect(q.text.contains("row_number() OVER (ORDER BY \"amount\" ASC NULLS LAST, \"__funnel_row\")"))
    #expect(q.text.contains("CAST(row_number() OVER (ORDER BY \"__funnel_row\" ASC) AS BIGINT)"))
  }

  @Test func monthGrowthComparesMonthNumbers() throws {
    let q = try SQLFixture.sql("leads | agg lvr = lead_velocity_rate() by m = month(mql_at)", .postgres).text
    #expect(q.contains("CASE WHEN (CAST(substr(\"m\", 1, 4) AS INTEGER) * 12 + CAST(substr(\"m\", 6, 2) AS INTEGER))"))
    #expect(q.contains("AS \"__slot_1\""))
  }
}
