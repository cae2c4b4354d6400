import Foundation
import FunnelData
import Synchronization
import Testing

@testable import FunnelShell

/// Completion as a function: the line with `‸` at the cursor → candidates.
@Suite struct CompleterTests {
  /// A session with the demo data; the tests run in parallel, one at a time using it.
  static let shared = Mutex(TestSession())

  /// Completes `line` at its `‸` marker, in `t` or the shared session.
  static func complete(_ marked: String, in t: TestSession? = nil) -> (candidates: [String], replaceFrom: Int) {
    let cursor = marked.range(of: "‸").map { marked[..<$0.lowerBound].utf8.count } ?? marked.utf8.count
    let line = marked.replacingOccurrences(of: "‸", with: "")
    if let t { return Completer.complete(line: line, cursor: cursor, session: t.session) }
    return shared.withLock { Completer.complete(line: line, cursor: cursor, session: $0.session) }
  }

  @Test(arguments: [
    ("de‸", ["deals"]),
    ("  lea‸", ["leads"]),
    ("let big = dea‸", ["deals"]),
    ("deals | whe‸", ["where"]),
    ("deals |ta‸", ["take"]),
    ("deals | where amo‸", ["amount"]),
    ("deals | where stage == \"closed_won\" and amo‸", ["amount"]),
    ("leads | where reg‸", ["region"]),
    ("deals | agg total = sum(amo‸", ["amount"]),
    ("deals | derive big_one = amount > 10000 | where big_‸", ["big_one"]),
    ("deals | agg revenue = sum(amount) by owner | sort reve‸", ["revenue"]),
    ("deals | agg revenue = sum(amount) by owner | sort ow‸", ["owner"]),
    ("leads | count by chan‸", ["channel"]),
    ("deals |\ncount by sta‸", ["stage", "starts_with("]),  // a continued statement
    ("deals | top 5 by amo‸", ["amount"]),
    ("deals | join camp‸", ["campaigns"]),
    ("deals | attribute j‸", ["j_shaped"]),
    ("deals | attribute inv‸", ["inverse_j"]),
    ("deals | attribute f‸", ["first_touch", "full_path"]),
    ("deals | attribute w_shaped ‸", ["by", "on"]),
    ("deals | attribute w_shaped o‸", ["on"]),
    ("deals | attribute w_shaped on ‸", ["pipeline"]),
    ("deals | attribute w_shaped on p‸", ["pipeline"]),
    ("deals | attribute u_shaped(30, 30) ‸", ["by", "on"]),
    ("deals | attribute u_shaped(3‸", []),  // a share: nothing to guess
    ("deals | attribute time_decay(14d) on pipeline ‸", ["by"]),
    ("deals | attribute compare on pipeline by chan‸", ["channel"]),
    ("deals | attribute linear by ki‸", ["kind"]),  // a column of the touch
    ("leads | attribute linear ‸", ["by"]),  // leads are counted, not on pipeline
    ("deals | stage_d‸", ["stage_durations"]),
    ("deals | stage_durations ‸", ["by"]),
    ("deals | stage_durations by prod‸", ["product"]),
    ("deals | stage_durations | where sta‸", ["stage", "starts_with("]),
    ("stage_ch‸", ["stage_changes"]),
    ("deals | forec‸", ["forecast"]),
    ("deals | forecast quar‸", ["quarter("]),
    ("deals | forecast quarter(expected_cl‸", ["expected_close"]),
    ("deals | forecast quarter(expected_close) ‸", ["by"]),
    ("deals | forecast quarter(expected_close) by ow‸", ["owner"]),
    ("quo‸", ["quotas"]),
    ("campaigns | pac‸", ["pacing"]),
    ("campaigns | pacing ‸", ["by"]),
    ("campaigns | pacing by chan‸", ["channel"]),
    ("deals | where amount > 1 | take 3 | sel‸", ["select"]),
    ("deals | select deal_id, ow‸", ["owner"]),
    ("deals | drop lead_‸", ["lead_id"]),
    // Window functions and `over` only in derive; lead_velocity_rate only in agg.
    ("leads | agg n = count() by m = month(created_at) | derive g = pct_ch‸", ["pct_change("]),
    ("leads | derive p = lag(score) ov‸", ["over"]),
    ("leads | derive p = lag(score) over (so‸", ["sort"]),
    ("leads | derive p = runn‸", ["running_count(", "running_sum("]),
    ("leads | where runn‸", []),
    ("leads | agg lead_v‸", ["lead_velocity_rate("]),
    (".help wind‸", ["windows"]),
    (".explain lead_v‸", ["lead_velocity_rate"]),
    ("deals | take ‸", []),  // a number: nothing to guess
    (".sch‸", [".schema"]),
    (".sq‸", [".sql"]),
    (".eng‸", [".engine"]),
    (".sql po‸", ["postgres"]),
    (".sql dea‸", ["deals"]),
    (".sql spark dea‸", ["deals"]),
    (".sql postgres deals | whe‸", ["where"]),
    (".sql deals | where amo‸", ["amount"]),
    (".engine ‸", ["memory", "postgres://", "sc://"]),
    (".engine s‸", ["sc://"]),
    (".t‸", [".tables", ".timer"]),
    (".schema tou‸", ["touches"]),
    (".save dea‸", ["deals"]),
    (".help sta‸", ["stage_durations", "stages"]),
    (".help whe‸", ["where"]),
    (".mode js‸", ["json", "jsonl"]),
    (".mode csv s‸", ["safe"]),
    (".timer o‸", ["off", "on"]),
    (".explain deals | whe‸", ["where"]),
    (".lesson ‸", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]),
    (".lesson 3 ‸", []),
    (".les‸", [".lesson"]),
    (".glossary smark‸", ["smarketing"]),
    (".glossary win r‸", ["rate"]),
    (".glossary mq‸", ["MQL"]),
    (".check leads | fun‸", ["funnel"]),
    (".check 12‸", []),
    (".param def‸", ["default"]),
    ("deals | where owner == \"Mi‸", []),  // inside a string
    ("deals | take 5 # a comment abo‸", []),
    // The lexer decides what is inside a string: `\"` is an escape, so the `| wh` is text.
    ("deals | where owner == \"a\\\" | wh‸", []),
    ("deals | where owner == \"a\\\"\" | wh‸", ["where"]),
    ("deals | where owner == 'it\\'s | wh‸", []),
    ("deals | where created_at > @2026-0‸", []),
    ("deals | where f(a, [1, (amo‸", ["amount"]),
    ("deals | take 5 # | wh‸", []),
    (".explain deals | where owner == \"Mi‸", []),
    ("deals | where (amount > 1; deals | whe‸", ["where"]),
  ])
  func candidates(line: String, expected: [String]) {
    #expect(Self.complete(line).candidates == expected)
  }

  @Test func replacesTheWordBeingTyped() {
    #expect(Self.complete("deals | where amo‸").replaceFrom == "deals | where ".utf8.count)
    #expect(Self.complete(".schema le‸").replaceFrom == ".schema ".utf8.count)
    #expect(Self.complete(".sc‸").replaceFrom == 0)
    // The cursor in the middle: only the text before it counts.
    #expect(Self.complete("deals | whe‸ amount > 1").candidates == ["where"])
  }

  @Test func theWordStartsWhereTheLexerSays() {
    #expect(Self.complete("deals | save \"out/de‸").replaceFrom == "deals | save ".utf8.count)
    #expect(Self.complete("deals | select `emp va‸").replaceFrom == "deals | select ".utf8.count)
    #expect(Self.complete(".explain deals | select `a b‸").replaceFrom == ".explain deals | select ".utf8.count)
    #expect(Self.complete("deals | where amount > @2026-0‸").replaceFrom == "deals | where amount > ".utf8.count)
    let afterSemicolon = Self.complete("deals | where (amount > 1; deals | whe‸")
    #expect(afterSemicolon.replaceFrom == "deals | where (amount > 1; deals | ".utf8.count)
  }

  /// `metric` is a column here, not a keyword: it completes bare.
  @Test func contextualKeywordsCompleteAsNames() {
    let line = "deals | compare quarter(closed_at) \"2026-Q1\" vs \"2026-Q2\" on revenue = sum(amount) | select met‸"
    #expect(Self.complete(line).candidates == ["metric"])
  }

  @Test func glossaryTermsCompleteWholeAndByAlias() {
    let all = Self.complete(".glossary ‸").candidates
    #expect(all.count >= Glossary.terms.count)
    #expect(Self.complete(".glossary marketing q‸").candidates == ["qualified lead"])
    #expect(Self.complete(".glossary win r‸").replaceFrom == ".glossary win ".utf8.count)
  }

  @Test func functionsAndMetricsInExpressions() {
    let names = Self.complete("deals | agg cou‸").candidates
    #expect(names.contains("count("))
    #expect(names.contains("count_if("))
    let metrics = Self.complete("deals | agg win_‸").candidates
    #expect(metrics.contains("win_rate("))
  }

  @Test func stageKeywordsAfterAPipe() {
    let all = Self.complete("deals | ‸").candidates
    #expect(all.contains("where") && all.contains("agg") && all.contains("funnel"))
  }

  @Test func namesThatNeedQuotesComeInBackquotes() {
    let t = TestSession(demo: false)
    let table = Table(
      names: ["Close Value", "emp.var.rate", "by", "plain"],
      columns: (0..<4).map { _ in Column.make(.int, [.int(1)]) })
    t.session.catalog.setDataset("crm", table)
    #expect(Self.complete("crm | where Clo‸", in: t).candidates == ["`Close Value`"])
    #expect(Self.complete("crm | where `emp‸", in: t).candidates == ["`emp.var.rate`"])
    #expect(Self.complete("crm | sort b‸", in: t).candidates.contains("`by`"))
    #expect(Self.complete("crm | sort pla‸", in: t).candidates == ["plain"])
  }

  /// A measure more than a bound: completing a column of a 200-column table
  /// through two derived stages (printed; the debug build is slower than release).
  @Test func completionOnAWideTableIsQuick() {
    let t = TestSession(demo: false)
    let names = (1...200).map { "col_\($0)" }
    t.session.catalog.setDataset(
      "wide", Table(names: names, columns: names.map { _ in Column.make(.int, [.int(1), .int(2)]) }))
    let start = Date()
    let result = Self.complete("wide | derive extra = col_1 + col_2 | where col_19‸", in: t)
    let ms = Date().timeIntervalSince(start) * 1000
    #expect(
      result.candidates == [
        "col_19", "col_190", "col_191", "col_192", "col_193", "col_194", "col_195", "col_196", "col_197", "col_198",
        "col_199",
      ])
    #expect(ms < 1000)
    print("completion on 200 columns: \(String(format: "%.2f", ms)) ms")
  }

  @Test func pathsAfterLoadReadAndOutput() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-complete-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = FileManager.default.createFile(atPath: dir.path + "/deals_2026.csv", contents: Data())
    try FileManager.default.createDirectory(atPath: dir.path + "/more", withIntermediateDirectories: true)
    #expect(Self.complete(".load d \(dir.path)/dea‸").candidates == ["\(dir.path)/deals_2026.csv"])
    #expect(Self.complete(".read \(dir.path)/mo‸").candidates == ["\(dir.path)/more/"])
    #expect(Self.complete(".output \"\(dir.path)/de‸").candidates == ["\"\(dir.path)/deals_2026.csv"])
    #expect(Self.complete(".load d \(dir.path)/deals_2026.csv wi‸").candidates == ["with"])
  }
}
