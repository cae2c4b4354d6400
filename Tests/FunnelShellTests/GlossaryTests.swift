import Foundation
import FunnelData
import FunnelEngine
import FunnelLanguage
import Synchronization
import Testing

@testable import FunnelShell

/// The glossary: enough terms, each complete, linked to real terms, found by
/// any of its names, every query running on the demo data, and
/// docs/glossary.md built from it.
@Suite struct GlossaryTests {
  /// One engine over a small demo; the tests run in parallel, one at a time using it.
  static let runner = Mutex(LessonEngineRunner(leads: 2_000, seed: 42))

  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/glossary.md")

  /// The dimensions on which the usual comparison of the two teams sets them apart.
  static let dimensions = ["focus", "time horizon", "approach", "metrics", "activities", "place in the process"]

  @Test func atLeastEightyTerms() {
    #expect(Glossary.terms.count >= 80)
  }

  @Test(arguments: Glossary.terms.map(\.term))
  func termIsComplete(name: String) throws {
    let term = try #require(Glossary.lookup(name))
    #expect(term.term == name)
    #expect(term.definition.count > 40)
    #expect(!term.inFunnel.isEmpty)
    #expect(!term.source.isEmpty && !term.source.contains("\n"), "\(name): \(term.source)")
    #expect(!term.related.isEmpty)
    for related in term.related {
      let found = Glossary.lookup(related)
      #expect(found != nil, "\(name): related term '\(related)' is not in the glossary")
      #expect(found?.term != name, "\(name) lists itself as related")
    }
    let (statements, diagnostics) = Parser.parse(SourceText(text: term.inFunnel))
    #expect(diagnostics.isEmpty && statements.count == 1, "\(name): \(term.inFunnel)")
  }

  /// One sentence on one line, short enough to read in a list.
  @Test(arguments: Glossary.terms.map(\.term))
  func oneLineIsOneSentence(name: String) throws {
    let line = try #require(Glossary.lookup(name)).oneLine
    #expect(!line.isEmpty && !line.contains("\n"), "\(name)")
    #expect(line.count <= 100, "\(name): \(line.count) characters")
    #expect(line.hasSuffix("."), "\(name): \(line)")
    #expect(!line.dropLast().contains(". "), "\(name) has more than one sentence: \(line)")
    #expect(line.first?.isUppercase == true || line.first?.isNumber == true, "\(name): \(line)")
  }

  /// The explanation follows the one line in an entry, so it goes on from it rather than repeating it.
  @Test(arguments: Glossary.terms.map(\.term))
  func explanationDoesNotRepeatTheOneLine(name: String) throws {
    let term = try #require(Glossary.lookup(name))
    let opening = { (text: String) in text.lowercased().split(separator: " ").prefix(4) }
    #expect(opening(term.definition) != opening(term.oneLine), "\(name): \(term.definition)")
  }

  /// Every example query runs on the demo data and shows something.
  @Test(arguments: Glossary.terms.map(\.term))
  func queryRunsOnTheDemoData(name: String) throws {
    let query = try #require(Glossary.lookup(name)).inFunnel
    try Self.runner.withLock { runner in
      let table = try runner.lessonResult(of: query)
      #expect(table.rowCount > 0, "\(name): \(query) gives no rows")
    }
  }

  /// A source that names a Funnel metric or function (`win_rate()`) names one that exists.
  @Test(arguments: Glossary.terms.map(\.term))
  func sourceNamesRealMetrics(name: String) throws {
    let source = try #require(Glossary.lookup(name)).source
    let known = Set(MetricRegistry.all.map(\.name) + FunctionRegistry.all.map(\.name))
    for call in source.matches(of: /([a-z_]+)\(/) {
      let callee = String(call.output.1)
      #expect(known.contains(callee), "\(name): '\(callee)()' is no Funnel metric or function")
    }
  }

  @Test func namesAndAliasesAreUnique() {
    // Within a term, aliases must add a spelling that lookup would not already find.
    let names = Glossary.terms.flatMap { Set(([$0.term] + $0.aliases).map(Glossary.normalized)) }
    #expect(Set(names).count == names.count, "\(Dictionary(grouping: names) { $0 }.filter { $0.value.count > 1 }.keys)")
    for term in Glossary.terms {
      let own = ([term.term] + term.aliases).map(Glossary.normalized)
      #expect(Set(own).count == own.count, "\(term.term) has aliases that differ only in case, - or _")
      // No name is shadowed by another term's name or its plural.
      for name in [term.term] + term.aliases {
        #expect(Glossary.lookup(name)?.term == term.term, "'\(name)' finds \(Glossary.lookup(name)?.term ?? "nothing")")
      }
    }
  }

  @Test(arguments: [
    "lead", "MQL", "SQL", "SAL", "SQO", "opportunity", "pipeline", "win rate", "CAC", "CPL", "CTR", "ROAS", "ROI",
    "LTV", "attribution", "first-touch", "last-touch", "linear", "U-shaped", "W-shaped", "time-decay", "cohort",
    "touch", "campaign", "funnel", "awareness", "interest", "decision", "nurturing", "lead scoring", "SLA",
    "smarketing", "churn", "quota", "brand awareness", "inbound", "outbound", "lead generation", "qualification",
    "conversion rate", "sales cycle", "pipeline velocity", "average deal size", "cost per opportunity",
    "content marketing", "SEO", "paid search", "account-based marketing", "sales", "marketing", "buyer's journey",
    "ICP", "BANT", "pipeline coverage", "forecast", "retention", "PR", "market research", "advertising",
    "product demo", "negotiation", "follow-up", "closing", "prospecting",
  ])
  func requiredTermExists(name: String) {
    #expect(Glossary.lookup(name) != nil)
  }

  /// Each dimension is an entry of both teams that says how the two differ on it.
  @Test(arguments: dimensions)
  func dimensionSetsTheTeamsApart(name: String) throws {
    let term = try #require(Glossary.lookup(name))
    #expect(term.term == name)
    #expect(term.side == .both)
    let text = term.definition.lowercased()
    #expect(text.contains("sales") && text.contains("marketing"), "\(name) does not compare the teams")
  }

  @Test(arguments: [
    ("marketing qualified lead", "MQL"), ("Marketing-Qualified Lead", "MQL"), ("mql", "MQL"), ("roas", "ROAS"),
    ("first_touch", "first-touch"), ("FIRST TOUCH", "first-touch"), ("click-through rate", "CTR"),
    ("consideration", "interest"), ("leads", "lead"), ("  win   rate ", "win rate"), ("abm", "account-based marketing"),
    ("horizon", "time horizon"), ("one-to-one", "approach"), ("KPIs", "metrics"),
    ("process stage", "place in the process"),
    ("activity", "activities"), ("goals", "focus"), ("closed lost", "lost deal"), ("pacing", "budget pacing"),
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

  /// The command reads the term as typed: an apostrophe is part of it, and quotes around it are not.
  @Test(arguments: [
    (".glossary buyer's journey", "buyer's journey (both)\n"), (".glossary \"win rate\"", "win rate (sales)\n"),
    (".glossary 'ICP'", "ICP (both)\n"),
  ])
  func commandFindsTheTermAsTyped(line: String, heading: String) {
    let t = TestSession(demo: false)
    #expect(t.run(line), "\(t.err)")
    #expect(t.out.hasPrefix(heading), "\(t.out)")
  }

  @Test func noSuggestionForNonsenseOrAKnownTerm() {
    #expect(Glossary.suggestion(for: "xqzzyv kwplm") == nil)
    #expect(Glossary.suggestion(for: "MQL") == nil)
    #expect(Glossary.lookup("") == nil)
  }

  /// The entry, in order: name and team, one line, other names, explanation, query, convention, related.
  @Test func renderShowsEveryFieldInOrder() throws {
    let term = try #require(Glossary.lookup("SLA"))
    let text = Glossary.render(term)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "SLA (both)")
    #expect(lines[1] == "  " + Glossary.wrap(term.oneLine, width: 78)[0])
    let order = [
      "also: service level agreement", String(term.definition.prefix(30)), "In Funnel:  \(term.inFunnel)",
      "Convention: \(term.source)", "Related:    " + term.related.prefix(2).joined(separator: ", "),
    ]
    // Each part is found after the one before it.
    var rest = text[...]
    for part in order {
      let found = try #require(rest.range(of: part), "'\(part)' missing or out of order in:\n\(text)")
      rest = rest[found.upperBound...]
    }
    #expect(lines.allSatisfy { $0.count <= 80 || $0.contains("In Funnel:") }, "\(text)")
  }

  @Test func indexGivesEveryTermItsLineUnderItsTeam() {
    let index = Glossary.index()
    #expect(index.hasPrefix("Glossary: \(Glossary.terms.count) terms."))
    #expect(index.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let flat = index.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for side in GlossaryTerm.Side.allCases {
      let count = Glossary.terms.filter { $0.side == side }.count
      #expect(count > 0)
      #expect(index.contains("\n\(side.heading) (\(count))\n"))
    }
    for term in Glossary.terms {
      let line = term.oneLine.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(flat.contains(term.term + " " + line), "\(term.term)")
    }
  }

  @Test func docsFileIsTheGlossary() throws {
    let expected = Glossary.markdown()
    if ProcessInfo.processInfo.environment["FUNNEL_RECORD"] == "1" {
      try expected.write(to: Self.docs, atomically: true, encoding: .utf8)
    }
    let text = try String(contentsOf: Self.docs, encoding: .utf8)
    #expect(text == expected, "docs/glossary.md is stale: run the tests with FUNNEL_RECORD=1 and review the diff")
    for term in Glossary.terms { #expect(text.contains("| \(term.term) |")) }
  }

  // Fixes from review, kept fixed.

  /// `outbound` is a channel of the demo's campaigns and leads, and the entry says so.
  @Test func outboundIsTheDemoDataChannel() throws {
    let term = try #require(Glossary.lookup("outbound"))
    #expect(term.inFunnel.contains("channel == \"outbound\""))
    #expect(term.definition.contains("campaigns.channel") && term.definition.contains("leads.channel"))
    #expect(term.definition.contains("sales development"))
    try Self.runner.withLock { runner in
      for dataset in ["campaigns", "leads"] {
        let table = try runner.lessonResult(of: "\(dataset) | where channel == \"outbound\" | count")
        #expect(table.columns[0].value(at: 0) != .int(0), "no outbound \(dataset)")
      }
    }
  }

  @Test func aLostDealIsNotChurn() throws {
    let churn = try #require(Glossary.lookup("churn"))
    #expect(!churn.definition.lowercased().contains("nearest thing"))
    #expect(churn.definition.contains("A lost deal is not churn"))
    #expect(try #require(Glossary.lookup("lost deal")).definition.contains("It is not churn"))
  }

  /// ABM names its accounts; a segment filter is not ABM.
  @Test func abmFollowsNamedAccountsNotASegment() throws {
    let abm = try #require(Glossary.lookup("ABM"))
    #expect(abm.inFunnel.contains("where lead_id in ["))
    #expect(!abm.inFunnel.contains("where company_size") && !abm.inFunnel.contains("where industry"))
  }

  /// Attribution models credit the work of both teams, so none belongs to one.
  @Test func attributionModelsBelongToBothTeams() {
    for term in Glossary.attributionTerms { #expect(term.side == .both, "\(term.term)") }
  }
}
