import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

@Suite struct ExpressionTests {
  typealias F = EngineFixture

  @Test(arguments: [
    ("1 + 2", "3"), ("7 / 2", "3.5"), ("7 % 3", "1"), ("2 * 3.5", "7.0"), ("1.25 + 1.5", "2.75"),
    ("1 / 0", ""), ("5 % 0", ""), ("1.5 / 0", ""), ("-(2 - 5)", "3"), ("10 - 2.5", "7.5"),
    ("0.1 * 0.2", "0.02"), ("0.001 * 0.0001 > 0.00000009", "true"),
    ("null + 1", ""), ("null ?? 4", "4"), ("2 ?? 4", "2"),
  ])
  func arithmetic(source: String, expected: String) throws {
    #expect(try F.scalar(source).rawText == expected)
  }

  @Test func integerDivisionIsTrueDivision() throws {
    #expect(try F.scalar("7 / 2") == .double(3.5))
  }

  @Test(arguments: [
    ("true and null", ""), ("false and null", "false"), ("true or null", "true"), ("false or null", ""),
    ("not null", ""), ("null == null", "true"), ("1 == null", "false"), ("1 != null", "true"),
    ("1 < 2 and 2 < 3", "true"), ("not (1 > 2)", "true"), ("2 in [1, 2, 3]", "true"), ("5 not in [1, 2]", "true"),
    ("3 between 1 and 3", "true"), ("if(null, 1, 2)", "2"), ("case when 1 > 2 then \"a\" end", ""),
    ("case 2 when 1 then \"a\" when 2 then \"b\" else \"c\" end", "b"), ("coalesce(null, null, 3)", "3"),
    ("if(true, 1, 2.5)", "1.0"),
  ])
  func nullsAndLogic(source: String, expected: String) throws {
    #expect(try F.scalar(source).rawText == expected)
  }

  @Test func nullTestsInWhere() throws {
    #expect(F.texts(try F.table("deals | where owner == null"), "deal_id") == ["6"])
    #expect(try F.table("deals | where closed_at != null").rowCount == 4)
    #expect(F.texts(try F.table("deals | derive a = amount ?? 0 | where a == 0"), "deal_id") == ["6"])
  }

  @Test(arguments: [
    ("@2026-03-09 - @2026-03-01", "8"), ("@2026-01-31 + 1mo", "2026-02-28"), ("@2024-01-31 + 1mo", "2024-02-29"),
    ("@2026-03-31 - 1mo", "2026-02-28"), ("@2026-01-01 + 30d", "2026-01-31"), ("@2026-01-01 + 2w", "2026-01-15"),
    ("@2025-02-28 + 1y", "2026-02-28"), ("@2026-01-01 + 3mo", "2026-04-01"), ("month(@2026-03-09)", "2026-03"),
    ("quarter(@2026-03-09)", "2026-Q1"), ("week(@2026-03-09)", "2026-W11"), ("year(@2026-03-09)", "2026"),
    ("day(@2026-03-09)", "2026-03-09"), ("date(\"2026-01-31\")", "2026-01-31"), ("date(\"nope\")", ""),
    ("today()", "2026-07-01"), ("days_between(@2026-01-01, @2026-01-31)", "30"),
    ("days_between(\"2026-01-31\", \"2026-01-01\")", "-30"),
  ])
  func dates(source: String, expected: String) throws {
    #expect(try F.scalar(source).rawText == expected)
  }

  @Test func textLiteralsComparedWithDatesAndPeriods() throws {
    #expect(F.texts(try F.table(#"deals | where closed_at >= "2026-04-01""#), "deal_id") == ["2", "5"])
    #expect(F.texts(try F.table(#"deals | where quarter(closed_at) == "2026-Q1""#), "deal_id") == ["1", "3"])
    #expect(
      F.texts(try F.table(#"deals | where month(created_at) in ["2026-01", "2026-05"]"#), "deal_id") == ["1", "2", "6"])
    #expect(
      F.texts(try F.table(#"deals | where created_at between "2026-02-01" and "2026-03-01""#), "deal_id") == ["3", "4"])
  }

  @Test func periodsSortInTimeOrder() throws {
    let t = try F.table("deals | derive w = week(created_at) | sort w desc | take 2")
    #expect(F.texts(t, "w") == ["2026-W18", "2026-W14"])
  }

  @Test func dateDifferencesAndTimestamps() throws {
    let t = try F.table("deals | derive days = closed_at - created_at | take 2")
    #expect(F.texts(t, "days") == ["36", "82"])
    let ts = Periods.parse("2026-01-01", unit: .day).map { Int64($0) * Timestamps.microsPerDay } ?? 0
    let c = F.catalog()
    c.setDataset(
      "events", F.table([("at", .timestamp, [.timestamp(ts), .timestamp(ts + Timestamps.microsPerDay / 2)])]))
    let e = try F.table(
      #"events | derive d = date(at), later = at + 1mo, half = at - @2025-12-31 | where at > "2026-01-01 06:00""#, in: c
    )
    #expect(F.rows(e) == ["2026-01-01 12:00:00|2026-01-01|2026-02-01 12:00:00|1.5"])
  }

  @Test(arguments: [
    ("lower(\"AbC\")", "abc"), ("upper(\"abc\")", "ABC"), ("trim(\"  x \")", "x"), ("length(\"héllo\")", "5"),
    ("contains(\"pipeline\", \"line\")", "true"), ("starts_with(\"pipeline\", \"pipe\")", "true"),
    ("ends_with(\"pipeline\", \"pipe\")", "false"), ("round(2.5)", "3"), ("round(-2.5)", "-3"),
    ("round(3.14159, 2)", "3.14"), ("round(1234, -2)", "1200"), ("abs(-4)", "4"), ("abs(-1.50)", "1.50"),
    ("floor(2.7)", "2"), ("ceil(2.1)", "3"), ("floor(-2.5)", "-3"), ("round(7 / 2)", "4"),
  ])
  func scalarFunctions(source: String, expected: String) throws {
    #expect(try F.scalar(source).rawText == expected)
  }

  @Test func textFunctionsOverColumns() throws {
    let t = try F.table(
      #"deals | where starts_with(upper(stage), "CLOSED") | select s = length(stage), c = contains(stage, "won")"#)
    #expect(F.rows(t) == ["10|true", "10|true", "11|false", "10|true"])
  }

  @Test func roundKeepsDecimals() throws {
    let t = try F.table("deals | select r = round(amount), r1 = round(amount, 1) | take 2")
    #expect(F.rows(t) == ["1000|1000.0", "251|250.5"])
    #expect(t.column("r")?.type == .decimal(scale: 0))
  }

  @Test func decimalArithmeticStaysExact() throws {
    let t = try F.table("deals | select a = amount + 0.005, b = amount * 3, c = amount * 1.5, d = amount / 4 | take 2")
    #expect(F.rows(t) == ["1000.005|3000.00|1500.000|250", "250.505|751.50|375.750|62.625"])
    #expect(t.column("a")?.type == .decimal(scale: 3))
    #expect(t.column("d")?.type == .double)
  }

  @Test func parametersAreTyped() throws {
    let c = F.catalog()
    c.parameters = ["min": "500", "who": "ann", "from": "2026-02-01", "rate": "0.5", "flag": "true"]
    #expect(F.texts(try F.table("deals | where amount >= $min", in: c), "deal_id") == ["1", "3", "4"])
    #expect(F.texts(try F.table("deals | where owner == $who", in: c), "deal_id") == ["1", "3"])
    #expect(
      F.texts(try F.table("deals | where created_at >= $from and $flag", in: c), "deal_id") == ["3", "4", "5", "6"])
    #expect(try F.scalar("$rate * 2", in: c).rawText == "1")
  }

  @Test func letScalarsAndColumnsWinOverThem() throws {
    let c = F.catalog()
    guard case .boundScalar(let name, let value) = try F.run("let owner = 5 * 2", in: c) else {
      Issue.record("not a scalar")
      return
    }
    #expect(name == "owner" && value == .int(10))
    #expect(try F.scalar("owner + 1", in: c) == .int(11))
    // In a pipeline over deals, `owner` is the column.
    #expect(F.texts(try F.table(#"deals | where owner == "bob""#, in: c), "deal_id") == ["2", "5"])
  }

  @Test func reachedForDealsAndLeads() throws {
    let t = try F.table(
      #"deals | select a = reached("proposal"), b = reached("prospecting"), c = reached("closed_lost")"#)
    #expect(
      F.rows(t) == [
        "true|true|false", "true|true|false", "false|true|true", "true|true|false", "true|true|false",
        "false|true|false",
      ])
    let c = F.catalog()
    c.setDataset(
      "leads",
      F.table([
        ("stage", .string, ["lead", "mql", "lost", "won", "lost"].map(F.text)),
        ("sql_at", .date, [.null, .null, F.day("2026-01-02"), F.day("2026-01-02"), .null]),
      ]))
    let l = try F.table(
      #"leads | select s = reached("sql"), m = reached("mql"), x = reached("lead"), lost = reached("lost")"#, in: c)
    #expect(
      F.rows(l) == [
        "false|false|true|false", "false|true|true|false", "true|true|true|true", "true|true|true|false",
        "false|false|true|true",
      ])
  }

  @Test func columnNamedLikeAFunctionIsTheColumn() throws {
    let c = F.catalog()
    c.setDataset("m", F.table([("month", .int, [.int(3)]), ("d", .date, [F.day("2026-05-02")])]))
    let t = try F.table("m | select month, mm = month(d)", in: c)
    #expect(F.rows(t) == ["3|2026-05"])
  }
}
