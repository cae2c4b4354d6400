import FunnelEngine
import Testing

@testable import FunnelShell

/// `.help` and `.explain` find what people type: a metric in capitals or
/// in words, a word of the field, `case`.
struct HelpLookupTests {
  @Test func explainFindsAMetricHoweverItIsWritten() {
    for asked in ["CAC", "cac()", "Cac"] {
      let t = TestSession()
      #expect(t.run(".explain \(asked)"), "\(asked): \(t.err)")
      #expect(t.out.hasPrefix("cac()\n  formula:"), "\(asked)")
    }
    let t = TestSession()
    #expect(t.run(".explain win rate"), "\(t.err)")
    #expect(t.out.hasPrefix("win_rate()\n"))
    #expect(t.out.contains("  value:     "))
  }

  /// Every function of the function table has its help, found as typed
  /// in any case, with its forms, its null rule and an example.
  @Test func helpCoversEveryFunction() {
    let t = TestSession(demo: false)
    for function in FunctionRegistry.all {
      for asked in [function.name, function.name.uppercased() + "()"] {
        t.out = ""
        #expect(t.run(".help \(asked)"), "\(asked): \(t.err)")
        // `count` is a stage as well: its help comes first, then the function's.
        #expect(
          t.out.hasPrefix(function.name + "(") || t.out.contains("\n" + function.name + "("), "\(asked): \(t.out)")
        #expect(t.out.contains("  null: ") && t.out.contains("  example: "), "\(asked)")
      }
    }
  }

  @Test func helpFindsATermWithAnApostrophe() {
    let t = TestSession(demo: false)
    #expect(t.run(".help buyer's journey"), "\(t.err)")
    #expect(t.out.lowercased().hasPrefix("buyer's journey"), "\(t.out)")
  }

  @Test func explainFallsBackToTheGlossary() {
    let t = TestSession()
    #expect(t.run(".explain ltv"), "\(t.err)")
    #expect(t.out.hasPrefix("'ltv' is not a metric in Funnel; from the glossary (.glossary LTV):\n\nLTV"))
    // A term that is a metric's other name explains the metric.
    let cpl = TestSession()
    #expect(cpl.run(".explain cost per lead"), "\(cpl.err)")
    #expect(cpl.out.hasPrefix("cpl()\n  formula:"))
  }

  @Test func explainSaysWhatIsMissingAndWhatIsNear() {
    let t = TestSession()
    #expect(!t.run(".explain wn rate"))
    #expect(t.err.contains("error: no metric, verb or glossary term named 'wn rate'"))
    #expect(t.err.contains("did you mean 'win_rate'?"))
  }

  @Test func explainOfADatasetIsStillAPlan() {
    let t = TestSession()
    #expect(t.run(".explain leads"), "\(t.err)")
    #expect(t.out.hasPrefix("logical plan:\n  1. scan leads"))
  }

  @Test func helpKnowsTermsMetricsAndCase() {
    var t = TestSession(demo: false)
    #expect(t.run(".help mql"), "\(t.err)")
    #expect(t.out.hasPrefix("MQL (marketing)\n"))
    t = TestSession(demo: false)
    #expect(t.run(".help case"), "\(t.err)")
    #expect(t.out.hasPrefix("case when COND then VALUE"))
    t = TestSession(demo: false)
    #expect(t.run(".help win rate"), "\(t.err)")
    #expect(t.out.hasPrefix("win_rate()\n  closed_won deals"))
    t = TestSession(demo: false)
    #expect(t.run(".help share"), "\(t.err)")
    #expect(t.out.hasPrefix("share(condition: bool)"))
  }
}
