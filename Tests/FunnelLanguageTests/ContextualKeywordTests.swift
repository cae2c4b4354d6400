import FunnelLanguage
import Testing

/// Contextual keywords (`by`, `on`, `vs`, `steps`, `within`, `metric` ...)
/// are keywords where the grammar needs them and names everywhere else.
@Suite struct ContextualKeywordTests {
  @Test(arguments: [
    // Names where a name fits.
    ("t | select metric, steps, within", "t | select [metric steps within]"),
    (
      #"deals | compare quarter(closed_at) "2026-Q1" vs "2026-Q2" on n = count() | select metric, change"#,
      #"deals | compare (call quarter closed_at) "2026-Q1" vs "2026-Q2" on [n=(call count)] | select [metric change]"#
    ),
    ("t | derive within = 1, by = 2, on = vs + left", "t | derive [within=1 by=2 on=(+ vs left)]"),
    ("t | where steps > 2 and metric == \"revenue\"", #"t | where (and (> steps 2) (== metric "revenue"))"#),
    ("t | rename by = on", "t | rename by=on"),
    ("t | drop asc, desc", "t | drop asc desc"),
    ("t | sort desc desc, asc", "t | sort desc desc, asc"),
    ("t | agg by = count() by on", "t | agg [by=(call count)] by [on]"),
    ("t | count by by", "t | count by [by]"),
    ("t | top 3 by steps", "t | top 3 by steps"),
    ("t | join left on left_id", "t | join left on left_id"),
    ("t | join on on on == by", "t | join on on on == by"),
    ("leads | funnel by metric within 30d", "leads | funnel by [metric] within 30d"),
    ("let metric = deals | take 1", "let metric = deals | take 1"),
    ("let by = 3", "let by = 3"),
    ("metric | take 5", "metric | take 5"),
    ("let + 1", "(+ let 1)"),
    ("metric steps = count()", "metric steps = (call count)"),
    // Keywords where the grammar needs them.
    ("t | join left campaigns on id", "t | join left campaigns on id"),
    ("t | sort amount desc, owner asc", "t | sort amount desc, owner"),
    ("leads | funnel steps mql, sql by channel within 90d", "leads | funnel steps mql sql by [channel] within 90d"),
    ("leads | funnel within 30d steps mql, won", "leads | funnel steps mql won within 30d"),
    (
      #"t | compare x "a" vs "b" on n = count() by owner"#,
      #"t | compare x "a" vs "b" on [n=(call count)] by [owner]"#
    ),
    ("scorecard by channel", "scorecard by [channel]"),
    ("t | cohort by by owner", "t | cohort by by [owner]"),
  ])
  func parses(source: String, expected: String) {
    #expect(printed(source) == expected)
  }

  /// A line starting with `metric` ends the statement before it only when it binds.
  @Test func aMetricColumnOnANewLineContinuesTheStatement() {
    #expect(parseClean("deals | where (amount ==\n metric)").count == 1)
    let (statements, _) = Parser.parse(SourceText(text: "deals | where (a\nmetric m = count()"))
    #expect(statements.count == 1)
    #expect(statements.first.map(SyntaxPrinter.statement) == "metric m = (call count)")
  }

  @Test(arguments: [
    // Reserved words are never names, and say how to use one as a name.
    ("t | select 1️⃣then", "expected an expression, found the keyword 'then'"),
    ("let 1️⃣and = 3", "'and' is a keyword, not a name"),
    ("t | drop 1️⃣null", "'null' is a keyword, not a name"),
    // Where a contextual word can only be the keyword, errors still teach.
    ("t | sort 1️⃣by amount", "unexpected 'by' in 'sort'"),
    ("t | top 1️⃣by amount", "'top' needs a number before 'by'"),
    ("t | cohort 1️⃣by owner", "'cohort' needs a period before 'by'"),
    ("t | attribute 1️⃣by channel", "'attribute' needs a model before 'by'"),
    (#"t | compare x "a" vs 1️⃣on n = count()"#, "expected the second value to compare, found 'on'"),
    (#"t | compare x "a" vs "b" on 1️⃣by owner"#, "expected an aggregate after 'on', found 'by'"),
    ("t | funnel steps mql, 1️⃣within 30d", "expected a stage name after ',', found 'within'"),
    ("let 1️⃣= 3", "unexpected '='"),
  ])
  func teaches(marked: String, message: String) {
    assertDiagnostic(marked, message: message)
  }

  @Test func upperCaseContextualKeywordHintsAtLowerCase() {
    assertDiagnostic(
      "t | agg n = count() 1️⃣BY owner", message: "unexpected 'BY'", hint: "keywords are written in lowercase: 'by'")
  }
}
