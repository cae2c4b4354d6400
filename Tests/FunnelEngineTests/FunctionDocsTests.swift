import Foundation
import Testing

@testable import FunnelEngine

/// docs/language.md's function tables are `FunctionRegistry.markdown`, and
/// the rows are well formed.
@Suite(.serialized) struct FunctionDocsTests {
  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/language.md")

  /// The text with the fenced table replaced by `table`; nil when the fence is missing.
  static func replacing(_ text: String, _ kind: FunctionRegistry.Table, with table: String) -> String? {
    let fence = FunctionRegistry.markdownFence(kind)
    guard let begin = text.range(of: fence.begin),
      let end = text.range(of: fence.end + "\n", range: begin.upperBound..<text.endIndex)
    else { return nil }
    return text.replacingCharacters(in: begin.lowerBound..<end.upperBound, with: table)
  }

  /// The fenced table as the docs have it.
  static func section(_ text: String, _ kind: FunctionRegistry.Table) -> String? {
    let fence = FunctionRegistry.markdownFence(kind)
    guard let begin = text.range(of: fence.begin),
      let end = text.range(of: fence.end + "\n", range: begin.upperBound..<text.endIndex)
    else { return nil }
    return String(text[begin.lowerBound..<end.upperBound])
  }

  @Test func docsTablesMatchTheRegistry() throws {
    if ProcessInfo.processInfo.environment["FUNNEL_RECORD"] == "1" {
      var text = try String(contentsOf: Self.docs, encoding: .utf8)
      for kind in FunctionRegistry.Table.allCases {
        text = Self.replacing(text, kind, with: FunctionRegistry.markdown(kind)) ?? text
      }
      try text.write(to: Self.docs, atomically: true, encoding: .utf8)
    }
    let text = try String(contentsOf: Self.docs, encoding: .utf8)
    for kind in FunctionRegistry.Table.allCases {
      let section = Self.section(text, kind)
      #expect(section != nil, "docs/language.md lacks \(FunctionRegistry.markdownFence(kind).begin)")
      #expect(
        section == FunctionRegistry.markdown(kind),
        "docs/language.md's function table is stale: run the tests with FUNNEL_RECORD=1 and review the diff")
    }
  }

  /// Every function the docs name in a table row has a row here, with the same signatures and summary.
  @Test func everyDocumentedFunctionIsInTheTable() throws {
    let text = try String(contentsOf: Self.docs, encoding: .utf8)
    let tables = FunctionRegistry.Table.allCases.compactMap { Self.section(text, $0) }.joined()
    let rows = tables.split(separator: "\n").filter { $0.hasPrefix("| `") }
    #expect(rows.count == FunctionRegistry.all.count)
    for row in rows {
      let name = row.dropFirst(3).prefix { $0 != "(" }
      let function = FunctionRegistry.named(String(name))
      #expect(function != nil, "docs/language.md lists '\(name)', which the table does not have")
      guard let function else { continue }
      for signature in function.signatures { #expect(row.contains("`" + signature + "`"), "\(signature)") }
      #expect(row.contains(function.summary.replacingOccurrences(of: "|", with: "\\|")), "\(name)")
    }
  }

  @Test func rowsAreWellFormed() {
    let names = FunctionRegistry.all.map(\.name)
    #expect(Set(names).count == names.count, "a name has two rows")
    for f in FunctionRegistry.all {
      #expect(!f.signatures.isEmpty && !f.summary.isEmpty && !f.nullRule.isEmpty, "\(f.name)")
      for s in f.signatures { #expect(s.hasPrefix(f.name + "(") && s.contains(") → "), "\(s)") }
      #expect(f.example.contains(f.name + "("), "the example of \(f.name) does not call it")
      #expect(f.isAggregate == (f.group == .aggregates), "\(f.name) is in the wrong group")
      #expect(f.isWindow == (f.group == .windows), "\(f.name) is in the wrong group")
    }
    for group in FunctionGroup.allCases { #expect(!FunctionRegistry.group(group).isEmpty, "\(group)") }
  }
}
