import FunnelLanguage
import Testing

/// When the prompt must ask for another line.
@Suite struct CompletenessTests {
  @Test(arguments: [
    "deals |", "deals |   ", "deals | # more to come", "deals\n  | where amount > 0 |",
    "deals | where (amount > 0", "deals | where channel in [\"email\",", "deals | where f(a, g(b)",
    "deals | where name == \"abc", "deals | where name == 'abc", "deals | select `emp.var",
    "deals | where name == \"a\\\"", ".mode csv; deals |", "x == \"a\nb",
  ])
  func needsMore(text: String) {
    #expect(Completeness.needsMore(text))
  }

  @Test(arguments: [
    "", "deals", "deals | take 5", "# only a comment", "deals\n| take 5", "deals |\n  take 5",
    "deals | where name == \"a|\"", "deals | where name == \"a\\\"\"", "deals | where a == '(' ",
    "(a))", ".load x |", ".load deals \"x.csv", ".schema (", "deals | where x == \"a\nb\"",
    "deals | take 5 # |", "deals;", "deals | where `a|b` > 0",
  ])
  func isComplete(text: String) {
    #expect(!Completeness.needsMore(text))
  }
}
