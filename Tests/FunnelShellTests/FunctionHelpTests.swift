import Testing

@testable import FunnelShell

/// `.help FUNCTION`, `.help functions` and completion of function names.
@Suite struct FunctionHelpTests {
  @Test func helpOfOneFunction() {
    let t = TestSession(demo: false)
    #expect(t.run(".help round"))
    #expect(t.out.hasPrefix("round(x: number, digits: int = 0) → number\n  x rounded half away from zero"))
    #expect(t.out.contains("\n  null: a null x gives null\n"))
    #expect(t.out.contains("\n  example: deals | select amount, k = round(amount / 1000, 1) | take 3\n"))
  }

  @Test func helpOfAFunctionWithTwoForms() {
    let t = TestSession(demo: false)
    #expect(t.run(".help median"))
    #expect(t.out.hasPrefix("median(x: number) → number\nmedian(x: date) → date\n"))
  }

  @Test func countIsAStageAndAFunction() {
    let t = TestSession(demo: false)
    #expect(t.run(".help count"))
    #expect(t.out.hasPrefix("count [by KEY, ...]\n"))
    #expect(t.out.contains("\ncount() → int\ncount(x: any) → int\n"))
  }

  @Test func helpListsFunctionsByGroup() {
    let t = TestSession(demo: false)
    #expect(t.run(".help functions"))
    for line in [
      "Dates:", "  year(d: date or timestamp) → period", "  days_between(a: date, b: date) → int", "Text:",
      "  concat(x: any, ...) → text", "Numbers:", "Conditions:", "  if(condition: bool, then: any, else: any) → any",
      "Funnel:", "  reached(stage: text) → bool", "Aggregates:", "  percentile(x: number, p: number) → number",
      "Metrics (callable in agg): see .help metrics",
    ] {
      #expect(t.out.contains(line + "\n"), "\(line)")
    }
  }

  @Test func misspelledFunctionGetsASuggestion() {
    let t = TestSession(demo: false)
    #expect(!t.run(".help rond"))
    #expect(t.err.contains("did you mean 'round'?"))
  }

  @Test func completionOffersFunctionsFromTheTable() {
    #expect(CompleterTests.complete("deals | select x = rou‸").candidates == ["round("])
    #expect(CompleterTests.complete("deals | agg p = percen‸").candidates == ["percentile("])
  }
}
