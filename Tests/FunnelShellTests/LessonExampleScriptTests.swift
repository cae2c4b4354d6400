import Foundation
import FunnelData
import Testing

@testable import FunnelShell

/// The saved analyses in examples/: each opens with a header that says what it
/// answers, who reads it and how to run it, and each runs on the demo data with
/// the parameters its header suggests.
@Suite struct LessonExampleScriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

  static let names = [
    "channel_scorecard", "funnel_by_region", "attribution_comparison", "pipeline_review_by_owner", "cohort_report",
    "quarter_over_quarter", "campaign_roi_ranking", "handoff_report", "report",
  ]

  static func text(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name + ".funnel"), encoding: .utf8)
  }

  @Test(arguments: names)
  func headerSaysWhatWhoAndHow(name: String) throws {
    let text = try Self.text(name)
    let header = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: "\n")
    for field in ["Answers:", "Read by:", "Run:", "Parameters:"] {
      #expect(header.contains(field), "\(name): \(field)")
    }
    #expect(header.contains("funnel examples/\(name).funnel"))
    // Every parameter the script uses is shown in its Run line.
    let used = Set(
      text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line in
        line.split(separator: "$").dropFirst().map { $0.prefix { $0.isLetter || $0 == "_" } }.map(String.init)
      })
    for parameter in used { #expect(header.contains("--param \(parameter)="), "\(name): $\(parameter)") }
  }

  /// A script runs with no arguments: each parameter it uses has a
  /// `.param default` line, which a `--param` still overrides.
  @Test(arguments: names)
  func everyParameterHasADefault(name: String) throws {
    let text = try Self.text(name)
    let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    let used = Set(
      lines.flatMap { line in
        line.split(separator: "$").dropFirst().map { $0.prefix { $0.isLetter || $0 == "_" } }.map(String.init)
      })
    let defaults = Set(
      lines.compactMap { line -> String? in
        let words = line.split(separator: " ")
        return words.count >= 4 && words[0] == ".param" && words[1] == "default" ? String(words[2]) : nil
      })
    #expect(used.isSubset(of: defaults), "\(name): no default for \(used.subtracting(defaults).sorted())")
    let t = TestSession(leads: 1_000)
    #expect(t.run(text, name: name), "\(name): \(t.err)")
    // Only notes under results (the scorecard's credit rule), never a problem.
    #expect(t.err.split(separator: "\n").allSatisfy { $0.hasPrefix("note: ") }, "\(name): \(t.err)")
  }

  @Test(arguments: names)
  func runsOnTheDemoData(name: String) throws {
    let runner = LessonEngineRunner(leads: 3_000, seed: 42)
    runner.catalog.parameters = [
      "since": "2026-01-01", "min_amount": "50000", "from": "2026-Q1", "to": "2026-Q2",
      "min_spend": "5000", "sla_days": "30", "quarter": "2026-Q3",
    ]
    let tables = try runner.runScript(try Self.text(name), name: name)
    #expect(tables.count >= 2)
    #expect(tables.allSatisfy { $0.rowCount > 0 }, "\(name): an empty result")
  }
}
