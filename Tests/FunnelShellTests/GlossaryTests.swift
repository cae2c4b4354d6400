import FunnelLanguage
import Testing

@testable import FunnelShell

/// The glossary: enough terms, each complete, linked to real terms, and found by any of its names.
@Suite struct GlossaryTests {
  @Test func atLeastFortyTerms() {
    #expect(Glossary.terms.count >= 40)
  }

  @Test(arguments: Glossary.terms.map(\.term))
  func termIsComplete(name: String) throws {
    let term = try #require(Glossary.lookup(name))
    #expect(term.term == name)
    #expect(term.definition.count > 40)
    #expect(!term.inFunnel.isEmpty)
    #expect(!term.related.isEmpty)
    for related in term.related {
      let found = Glossary.lookup(related)
      #expect(found != nil, "\(name): related term '\(related)' is not in the glossary")
      #expect(found?.term != name, "\(name) lists itself as related")
    }
    let (statements, diagnostics) = Parser.parse(SourceText(text: term.inFunnel))
    #expect(diagnostics.isEmpty && statements.count == 1, "\(name): \(term.inFunnel)")
  }

  @Test func namesAndAliasesAreUnique() {
    // Within a term, aliases must add a spelling that lookup would not already find.
    let names = Glossary.terms.flatMap { Set(([$0.term] + $0.aliases).map(Glossary.normalized)) }
    #expect(Set(names).count == names.count, "\(Dictionary(grouping: names) { $0 }.filter { $0.value.count > 1 }.keys)")
    for term in Glossary.terms {
      let own = ([term.term] + term.aliases).map(Glossary.normalized)
      #expect(Set(own).count == own.count, "\(term.term) has aliases that differ only in case, - or _")
    }
  }

  @Test(arguments: [
    "lead", "MQL", "SQL", "SAL", "opportunity", "pipeline", "win rate", "CAC", "CPL", "CTR", "ROAS", "ROI", "LTV",
    "attribution", "first-touch", "last-touch", "linear", "U-shaped", "W-shaped", "time-decay", "cohort", "touch",
    "campaign", "funnel", "awareness", "interest", "decision", "nurturing", "lead scoring", "SLA", "smarketing",
    "churn",
    "quota", "brand awareness", "inbound", "outbound", "lead generation", "qualification", "conversion rate",
    "sales cycle", "pipeline velocity", "average deal size", "cost per opportunity", "content marketing", "SEO",
    "paid search", "account-based marketing",
  ])
  func requiredTermExists(name: String) {
    #expect(Glossary.lookup(name) != nil)
  }

  @Test(arguments: [
    ("marketing qualified lead", "MQL"), ("Marketing-Qualified Lead", "MQL"), ("mql", "MQL"), ("roas", "ROAS"),
    ("first_touch", "first-touch"), ("FIRST TOUCH", "first-touch"), ("click-through rate", "CTR"),
    ("consideration", "interest"), ("leads", "lead"), ("  win   rate ", "win rate"), ("abm", "account-based marketing"),
  ])
  func lookupByAliasAndCase(text: String, term: String) {
    #expect(Glossary.lookup(text)?.term == term)
  }

  @Test(arguments: [
    ("atribution", "attribution"), ("pipline", "pipeline"), ("smarketting", "smarketing"), ("coh0rt", "cohort"),
  ])
  func suggestionForAMisspelling(text: String, term: String) {
    #expect(Glossary.lookup(text) == nil)
    #expect(Glossary.suggestion(for: text) == term)
  }

  @Test func noSuggestionForNonsenseOrAKnownTerm() {
    #expect(Glossary.suggestion(for: "xqzzyv kwplm") == nil)
    #expect(Glossary.suggestion(for: "MQL") == nil)
    #expect(Glossary.lookup("") == nil)
  }

  @Test func renderShowsEveryField() throws {
    let term = try #require(Glossary.lookup("SLA"))
    let text = Glossary.render(term)
    #expect(text.hasPrefix("SLA (both)"))
    #expect(text.contains("also: service level agreement"))
    #expect(text.contains("In Funnel: \(term.inFunnel)"))
    #expect(text.contains("Related: " + term.related.joined(separator: ", ")))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.contains("In Funnel:") })
  }

  @Test func indexGroupsEveryTermBySide() {
    let index = Glossary.index()
    for side in GlossaryTerm.Side.allCases {
      #expect(index.contains(side.heading))
      #expect(Glossary.terms.contains { $0.side == side })
    }
    let flattened = index.replacingOccurrences(of: "\n  ", with: " ")
    for term in Glossary.terms { #expect(flattened.contains(term.term)) }
  }
}
