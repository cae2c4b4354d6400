import FunnelData
import FunnelEngine
import FunnelSQL
import Testing

/// The SQL of representative statements, per dialect. The values are checked
/// against real databases by Tests/Differential/test_sql_duckdb.py.
@Suite struct SQLCompilerTests {
  @Test func filterAndAggregateAreOneCTEEach() throws {
    let q = try SQLFixture.sql(#"deals | where stage == "closed_won" | agg revenue = sum(amount) by owner"#, .duckdb)
    #expect(
      q.text == """
        WITH "filter" AS (
          SELECT *
          FROM "deals"
          WHERE ("stage" = 'closed_won')
        ),
        "agg" AS (
          SELECT "owner",
            CAST(sum("amount") AS DECIMAL(38, 2)) AS "revenue"
          FROM "filter"
          GROUP BY 1
        )
        SELECT "owner", "revenue"
        FROM "agg"
        ORDER BY "owner" ASC NULLS LAST
        """)
    #expect(q.parameters.isEmpty)
  }

  @Test(arguments: [
    (SQLDialect.duckdb, "DOUBLE", "\"owner\" ASC NULLS LAST"),
    (.postgres, "DOUBLE PRECISION", "(\"owner\" COLLATE \"C\") ASC NULLS LAST"),
    (.spark, "DOUBLE", "`owner` ASC NULLS LAST"),
  ])
  func typesAndTextOrderPerDialect(dialect: SQLDialect, double: String, order: String) throws {
    let q = try SQLFixture.sql("deals | agg a = avg(amount) by owner", dialect)
    #expect(q.text.contains("CAST(avg(") && q.text.contains("AS \(double))"))
    #expect(q.text.hasSuffix("ORDER BY " + order))
  }

  @Test func divisionIsDoubleAndNullForZero() throws {
    let q = try SQLFixture.sql("campaigns | select r = clicks / impressions", .duckdb)
    #expect(q.text.contains(#"(CAST("clicks" AS DOUBLE) / NULLIF(CAST("impressions" AS DOUBLE), 0)) AS "r""#))
  }

  @Test(arguments: [
    (SQLDialect.duckdb, "CAST($1 AS BIGINT)"),
    (.postgres, "CAST($1 AS BIGINT)"),
    (.spark, "CAST(:min AS BIGINT)"),
  ])
  func parametersAreBoundNotWritten(dialect: SQLDialect, placeholder: String) throws {
    let q = try SQLFixture.sql(
      "deals | where amount > $min and deal_id > $min | count", dialect, parameters: ["min": "50000"])
    #expect(q.text.contains(placeholder))
    #expect(!q.text.contains("50000"))
    #expect(q.parameters.count == 1)
    #expect(q.parameters.first?.name == "min")
    #expect(q.parameters.first?.value == .int(50000))
  }

  @Test func letScalarIsAParameter() throws {
    let statements = try SQLFixture.compile(
      "let floor_amount = 40000\ndeals | where amount > floor_amount | count", .postgres)
    #expect(statements[0]?.kind == .scalar(name: "floor_amount"))
    #expect(statements[0]?.query.text == #"SELECT 40000 AS "value""#)
    #expect(statements[1]?.query.parameters.first?.value == .int(40000))
  }

  @Test(arguments: [
    (SQLDialect.duckdb, "CREATE OR REPLACE TEMP VIEW \"won\" AS\n"),
    (.postgres, "CREATE OR REPLACE TEMP VIEW \"won\" AS\n"),
    (.spark, "CREATE OR REPLACE TEMP VIEW `won` AS\n"),
  ])
  func letDatasetIsATempView(dialect: SQLDialect, prefix: String) throws {
    let statements = try SQLFixture.compile(
      #"let won = deals | where stage == "closed_won" and amount > $min"#, dialect, parameters: ["min": "1000"])
    let view = try #require(statements[0])
    #expect(view.kind == .view(name: "won"))
    #expect(view.query.text.hasPrefix(prefix))
    // A view cannot hold placeholders: the value is written, as a literal.
    #expect(view.query.parameters.isEmpty && view.query.text.contains("> 1000"))
  }

  @Test func metricDefinitionHasNoSQL() throws {
    let statements = try SQLFixture.compile(#"metric wr = count_if(stage == "closed_won") / count()"#, .duckdb)
    #expect(statements.count == 1 && statements[0] == nil)
  }

  @Test func scalarStatementIsAOneRowQuery() throws {
    #expect(try SQLFixture.sql("1 + 2", .duckdb).text == #"SELECT (1 + 2) AS "value""#)
  }

  @Test(arguments: [
    (SQLDialect.duckdb, #"'it''s \'"#),
    (.postgres, #"'it''s \'"#),
    (.spark, #"'it''s \\'"#),
  ])
  func textLiteralsAreEscaped(dialect: SQLDialect, literal: String) throws {
    let q = try SQLFixture.sql(#"leads | where channel == "it's \\" | count"#, dialect)
    #expect(q.text.contains(literal))
  }

  @Test(arguments: [
    (SQLDialect.duckdb, "strftime(\"created_at\", '%Y-%m')"),
    (.postgres, "to_char(\"created_at\", 'YYYY-MM')"),
    (.spark, "date_format(`created_at`, 'yyyy-MM')"),
  ])
  func monthIsItsText(dialect: SQLDialect, month: String) throws {
    #expect(try SQLFixture.sql("leads | count by month(created_at)", dialect).text.contains(month))
  }

  @Test(arguments: [
    (SQLDialect.duckdb, "CAST((\"created_at\" + INTERVAL (3) MONTH) AS DATE)"),
    (.postgres, "CAST((\"created_at\" + make_interval(months => 3)) AS DATE)"),
    (.spark, "add_months(`created_at`, 3)"),
  ])
  func monthsClampToTheMonthEnd(dialect: SQLDialect, shifted: String) throws {
    #expect(try SQLFixture.sql("leads | select d = created_at + 3mo", dialect).text.contains(shifted))
  }

  @Test(arguments: [
    (SQLDialect.duckdb, "CAST(quantile_cont(CAST(\"amount\" AS DOUBLE), 0.5) AS DOUBLE)"),
    (.postgres, "CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY \"amount\") AS DOUBLE PRECISION)"),
    (.spark, "CAST(percentile(`amount`, 0.5) AS DOUBLE)"),
  ])
  func medianInEveryDialect(dialect: SQLDialect, median: String) throws {
    #expect(try SQLFixture.sql("deals | agg m = median(amount)", dialect).text.contains(median))
  }

  @Test func stableSortNumbersTheRows() throws {
    let text = try SQLFixture.sql("deals | sort product | take 3", .duckdb).text
    #expect(text.contains("row_number() OVER ()"))
    #expect(text.contains(#"row_number() OVER (ORDER BY "product" ASC NULLS LAST, "__funnel_row")"#))
    #expect(text.hasSuffix(#"ORDER BY "__funnel_row""#))
  }

  @Test func sortWhoseOrderNothingReadsIsLeftOut() throws {
    #expect(!(try SQLFixture.sql("deals | sort amount | count by product", .duckdb).text.contains("\"sort\"")))
  }

  @Test func inListWithNullHoldsNullRows() throws {
    let text = try SQLFixture.sql(#"leads | where region in ["EMEA", null] | count"#, .duckdb).text
    #expect(text.contains(#"("region" IS NULL OR "region" IN ('EMEA'))"#))
  }

  @Test func saveHasNoSQL() throws {
    #expect(throws: SQLCompileError.self) { try SQLFixture.sql(#"deals | save "/tmp/x.csv""#, .postgres) }
  }

  @Test func compareHasARowPerKeyAndMetric() throws {
    let text = try SQLFixture.sql(
      #"deals | compare stage "closed_won" vs "closed_lost" on n = count() by product"#, .duckdb
    ).text
    #expect(text.contains("UNION"))
    #expect(text.hasSuffix(#"ORDER BY "product" ASC NULLS LAST, "__funnel_metric""#))
  }
}
