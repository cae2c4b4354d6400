import FunnelLanguage
import Testing

/// When the prompt must ask for another line.
@Suite struct CompletenessTests {
  @Test(arguments: [
    "deals |", "deals |   ", "deals | # more to come", "deals\n  | where amount > 0 |",
    "deals | where (amount > 0", "deals | where channel in [\"email\",", "deals | where f(a, g(b)",
    "deals | where name == \"abc", "deals | where name == 'abc", "deals | select `emp.var",
    "deals | where name == \"a\\\"", ".mode csv; deals |", "x == \"a\nb",
    // The lexer's reading: the `|` after an escaped quote is inside the string.
    "deals | where owner == \"a\\\" | wh", "deals | where f(a, [1, (2)]", "deals | # a comment with )",
    "deals | where x in [\"a;b\"", ".schema deals\ndeals | where (a",
  ])
  func needsMore(text: String) {
    #expect(Completeness.needsMore(text))
  }

  @Test(arguments: [
    "", "deals", "deals | take 5", "# only a comment", "deals\n| take 5", "deals |\n  take 5",
    "deals | where name == \"a|\"", "deals | where name == \"a\\\"\"", "deals | where a == '(' ",
    "(a))", ".load x |", ".load deals \"x.csv", ".schema (", "deals | where x == \"a\nb\"",
    "deals | take 5 # |", "deals;", "deals | where `a|b` > 0",
    "deals | where created_at > @2026-0", "deals | where f(a, [1, (2)])", "deals | where (a; leads",
    "deals | where owner == \"a\\\"\" | take 5", "deals | take 5 # (",
  ])
  func isComplete(text: String) {
    #expect(!Completeness.needsMore(text))
  }
}
