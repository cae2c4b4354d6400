import Foundation
import FunnelLanguage
import Testing

/// Every example of the language design parses, into the shape it means.
@Suite struct LanguageExamplesTests {
  @Test(arguments: [
    // §2
    (
      #"deals | where stage == "closed_won" | agg revenue = sum(amount), n = count() by owner | sort revenue desc | take 5"#,
      #"deals | where (== stage "closed_won") | agg [revenue=(call sum amount) n=(call count)] by [owner] | sort revenue desc | take 5"#
    ),
    (#"deals | agg sum(ammount) by owner"#, "deals | agg [(call sum ammount)] by [owner]"),
    // §1 statement forms
    ("let big = deals | where amount > 10000", "let big = deals | where (> amount 10000)"),
    ("let x = 1 + 2", "let x = (+ 1 2)"),
    ("let n = $limit", "let n = $limit"),
    (
      #"metric wr = count_if(stage == "closed_won") / count()"#,
      #"metric wr = (/ (call count_if (== stage "closed_won")) (call count))"#
    ),
    (".schema deals", ".schema {deals}"),
    ("1 + 2", "(+ 1 2)"),
    // §4
    (
      #".load deals "pipeline.csv" map amount = close_value, owner = sales_agent"#,
      #".load {deals "pipeline.csv" map amount = close_value, owner = sales_agent}"#
    ),
    (
      #"let deals = pipeline | rename amount = close_value, owner = sales_agent | derive stage = case deal_stage when "Won" then "closed_won" when "Lost" then "closed_lost" else "prospecting" end"#,
      #"let deals = pipeline | rename amount=close_value owner=sales_agent | derive [stage=(case deal_stage (when "Won" "closed_won") (when "Lost" "closed_lost") (else "prospecting"))]"#
    ),
    ("leads | funnel", "leads | funnel"),
    (
      "leads | funnel steps mql, sql, won by channel within 90d",
      "leads | funnel steps mql sql won by [channel] within 90d"
    ),
    (#"leads | funnel steps "mql", `sql` within 3mo"#, "leads | funnel steps mql `sql` within 3mo"),
    (
      #"deals | where stage == "closed_won" | attribute linear by channel"#,
      #"deals | where (== stage "closed_won") | attribute linear by [channel]"#
    ),
    ("deals | attribute time_decay(14d) by campaign_id", "deals | attribute time_decay(14d) by [campaign_id]"),
    ("deals | attribute compare", "deals | attribute compare"),
    ("leads | cohort month(created_at)", "leads | cohort (call month created_at)"),
    ("leads | cohort month(created_at) by months", "leads | cohort (call month created_at) by-months"),
    ("leads | cohort month(created_at) by channel", "leads | cohort (call month created_at) by [channel]"),
    (
      #"deals | compare quarter(closed_at) "2026-Q1" vs "2026-Q2" on revenue = sum(amount), win_rate() by product"#,
      #"deals | compare (call quarter closed_at) "2026-Q1" vs "2026-Q2" on [revenue=(call sum amount) (call win_rate)] by [product]"#
    ),
    ("scorecard", "scorecard"),
    ("scorecard by channel", "scorecard by [channel]"),
    ("scorecard by channel | sort channel", "scorecard by [channel] | sort channel"),
    ("campaigns | agg cpl(), roi() by channel", "campaigns | agg [(call cpl) (call roi)] by [channel]"),
    (
      #"leads | where reached("sql") | agg conversion("mql", "won"), pipeline_velocity()"#,
      #"leads | where (call reached "sql") | agg [(call conversion "mql" "won") (call pipeline_velocity)]"#
    ),
    // §8
    (
      "leads | agg n = count() by m = month(created_at) | derive g = pct_change(n) over (sort m)",
      "leads | agg [n=(call count)] by [m=(call month created_at)] | derive [g=(window pct_change n (over (sort m)))]"
    ),
    // §2 stage table
    ("deals | filter amount > 0", "deals | where (> amount 0)"),
    ("deals | select owner, total = amount * 2", "deals | select [owner total=(* amount 2)]"),
    ("deals | derive days = closed_at - created_at, owner", "deals | derive [days=(- closed_at created_at) owner]"),
    ("deals | drop product, `emp.var.rate`", "deals | drop product `emp.var.rate`"),
    ("deals | count", "deals | count"),
    ("leads | count by channel, m = month(created_at)", "leads | count by [channel m=(call month created_at)]"),
    ("deals | sort amount asc, owner desc", "deals | sort amount, owner desc"),
    ("deals | take $n", "deals | take $n"),
    ("deals | top 5 by amount", "deals | top 5 by amount"),
    ("deals | distinct", "deals | distinct"),
    ("deals | distinct owner, product", "deals | distinct owner product"),
    ("deals | join campaigns on campaign_id", "deals | join campaigns on campaign_id"),
    ("deals | join left leads on lead_id == lead_id", "deals | join left leads on lead_id == lead_id"),
    (
      "deals | agg revenue = sum(amount) by owner | chart", "deals | agg [revenue=(call sum amount)] by [owner] | chart"
    ),
    (
      "deals | agg revenue = sum(amount) by owner | chart bar owner, revenue",
      "deals | agg [revenue=(call sum amount)] by [owner] | chart bar owner revenue"
    ),
    (
      "leads | count by m = month(created_at) | chart line", "leads | count by [m=(call month created_at)] | chart line"
    ),
    (#"deals | take 10 | save "out.csv""#, #"deals | take 10 | save "out.csv""#),
    // §3 literals and expressions
    ("42", "42"),
    ("3.5", "3.5"),
    ("1_000_000", "1000000"),
    (#""text""#, #""text""#),
    ("'text'", #""text""#),
    ("true", "true"),
    ("false", "false"),
    ("null", "null"),
    ("@2026-01-31", "@20484"),
    ("x in [30d, 6w, 3mo, 1y]", "(in x [30d 6w 3mo 1y])"),
    ("`a column with spaces`", "`a column with spaces`"),
    ("`default` + `emp.var.rate`", "(+ `default` `emp.var.rate`)"),
    ("month(@2026-03-09)", "(call month @20521)"),
    ("7 / 2", "(/ 7 2)"),
    ("7 % 2", "(% 7 2)"),
    ("x == null", "(== x null)"),
    ("x != null", "(!= x null)"),
    ("channel in [\"email\", \"paid\"]", #"(in channel ["email" "paid"])"#),
    ("amount between 100 and 500", "(between amount 100 500)"),
    (#"case when amount > 1000 then "big" else "small" end"#, #"(case (when (> amount 1000) "big") (else "small"))"#),
    (#"case stage when "won" then 1 end"#, #"(case stage (when "won" 1))"#),
    ("if(score > 50, \"hot\", \"cold\")", #"(call if (> score 50) "hot" "cold")"#),
    ("days_between(created_at, today())", "(call days_between created_at (call today))"),
    (
      "round(x, 2) + abs(y) + floor(z) + ceil(w)",
      "(+ (+ (+ (call round x 2) (call abs y)) (call floor z)) (call ceil w))"
    ),
    ("coalesce(a, b, 0)", "(call coalesce a b 0)"),
    ("percentile(amount, 0.9)", "(call percentile amount 0.9)"),
    ("share(stage == \"won\")", #"(call share (== stage "won"))"#),
    ("date(\"2026-01-31\") + 30d", #"(+ (call date "2026-01-31") 30d)"#),
    ("lower(trim(name))", "(call lower (call trim name))"),
  ])
  func parsesAs(source: String, expected: String) {
    #expect(printed(source) == expected)
  }

  @Test(arguments: [
    ".help", ".help metrics", ".tables", ".schema", ".schema deals",
    #".load leads "leads.csv" with sep=";", null="NA", date="%d/%m/%Y", decimal=",""#,
    ".demo", ".demo 5000 7", ".mode csv", ".output", ".output out.txt", ".read script.funnel",
    ".timer on", ".param region EMEA", ".explain win_rate", ".explain deals | take 5", ".lesson 2",
    ".glossary mql", ".save big big.csv", ".history", ".quit",
  ])
  func commandsParse(source: String) throws {
    let statements = parseClean(source)
    let statement = try #require(statements.first)
    guard case .command(let name, let arguments, let span) = statement.kind else {
      Issue.record("not a command: \(source)")
      return
    }
    let expectedName = String(source.dropFirst().prefix { $0 != " " })
    #expect(name.text == expectedName)
    #expect(name.span.column == 2)
    let rest = String(source.dropFirst(expectedName.count + 1)).trimmingCharacters(in: .whitespaces)
    #expect(arguments == rest)
    if !rest.isEmpty { #expect(span.column == expectedName.count + 3) }
  }

  @Test func scriptWithShebangAndComments() {
    let script = """
      #!/usr/bin/env funnel
      # revenue by owner
      let won = deals | where stage == "closed_won"   # closed deals only
      won
        | agg revenue = sum(amount) by owner
        | sort revenue desc
      .mode csv
      won | take 3
      """
    let statements = parseClean(script)
    #expect(
      statements.map(SyntaxPrinter.statement) == [
        #"let won = deals | where (== stage "closed_won")"#,
        "won | agg [revenue=(call sum amount)] by [owner] | sort revenue desc",
        ".mode {csv}",
        "won | take 3",
      ])
    #expect(statements.map(\.span.line) == [3, 4, 7, 8])
    #expect(statements[0].text == #"let won = deals | where stage == "closed_won""#)
    #expect(statements[1].text == "won\n  | agg revenue = sum(amount) by owner\n  | sort revenue desc")
  }
}
