import Foundation
import Testing

/// The transcripts in docs/language.md, a block that starts with
/// `$ funnel -c '<statements>'` and shows what it prints, are what the binary
/// prints for them (on the default demo data), so the page cannot drift.
@Suite struct DocsTranscriptTests {
  /// (statements, printed) for each transcript block of docs/language.md.
  static func transcripts() throws -> [(statements: String, printed: String)] {
    let url = GoldenScriptTests.packageRoot.appendingPathComponent("docs/language.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    var out: [(String, String)] = []
    var block: [Substring]? = nil
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("```") else {
        block?.append(line)
        continue
      }
      guard let lines = block else {
        block = []
        continue
      }
      block = nil
      guard let first = lines.first, first.hasPrefix("$ funnel -c '"), first.hasSuffix("'") else { continue }
      let statements = String(first.dropFirst("$ funnel -c '".count).dropLast())
      out.append((statements, lines.dropFirst().map { $0 + "\n" }.joined()))
    }
    return out
  }

  @Test func everyTranscriptIsWhatTheBinaryPrints() throws {
    let binary = try #require(FunnelBinary.path, "build funnel first (swift build)")
    let transcripts = try Self.transcripts()
    #expect(transcripts.count >= 3)
    for t in transcripts {
      let run = try FunnelBinary.run(
        binary, arguments: ["-c", t.statements], in: GoldenScriptTests.packageRoot)
      #expect(run.status == 0, "\(t.statements): \(run.stderr)")
      // A block shows what the terminal shows: the result, then any warning under it.
      #expect(
        run.stdout == t.printed || run.stdout + run.stderr == t.printed,
        "docs/language.md shows another output for: \(t.statements)")
    }
  }
}
