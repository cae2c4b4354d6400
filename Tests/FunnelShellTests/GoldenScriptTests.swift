import Foundation
import FunnelTestSupport
import Testing

/// Runs every `Tests/Scripts/**/*.funnel` through the built `funnel` binary,
/// without a terminal, and compares what it printed with the `.out` file
/// beside it: stdout, then stderr after a `--- stderr` line when there is any,
/// then `[exit N]`.
///
/// A script's first lines may hold `# args: --format csv --seed 7` (extra
/// command-line arguments) and `# stdin` (the script is fed on standard input
/// instead of being passed as a path). Each runs in its own folder.
/// `FUNNEL_RECORD=1 swift test` rewrites
/// the `.out` files; review the diff before committing.
@Suite struct GoldenScriptTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let allScripts: [String] = {
    let root = packageRoot.appendingPathComponent("Tests/Scripts").path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".funnel") }.sorted()
  }()

  /// Whether a script loads the real datasets beside the repository.
  static func readsRealData(_ relative: String) -> Bool {
    let url = packageRoot.appendingPathComponent("Tests/Scripts/" + relative)
    return (try? String(contentsOf: url, encoding: .utf8))?.contains("shared/data/real/") ?? false
  }

  static let scripts = allScripts.filter { !readsRealData($0) }
  static let realDataScripts = allScripts.filter(readsRealData)

  @Test func thereAreScripts() {
    #expect(Self.scripts.count >= 1)
  }

  @Test(arguments: scripts)
  func script(_ relative: String) throws {
    try check(relative)
  }

  /// The scripts over shared/data/real, skipped when it is not beside the repository.
  @Test(.enabled(if: RealData.isPresent, Comment(rawValue: RealData.absent)), arguments: realDataScripts)
  func realDataScript(_ relative: String) throws {
    try check(relative)
  }

  func check(_ relative: String) throws {
    let binary = try #require(FunnelBinary.path, "build funnel first (swift build)")
    let scriptPath = "Tests/Scripts/" + relative
    let source = try String(contentsOf: Self.packageRoot.appendingPathComponent(scriptPath), encoding: .utf8)
    let header = source.split(separator: "\n", omittingEmptySubsequences: false).prefix(5)
    var arguments: [String] = []
    var viaStandardInput = false
    for line in header {
      if line.hasPrefix("# args:") {
        arguments += line.dropFirst("# args:".count).split(separator: " ").map(String.init)
      }
      if line.trimmingCharacters(in: .whitespaces) == "# stdin" { viaStandardInput = true }
    }
    let scriptURL = Self.packageRoot.appendingPathComponent(scriptPath)
    if !viaStandardInput { arguments.append(scriptURL.lastPathComponent) }

    // The script's own folder is the working directory, so its relative paths
    // (files it loads or saves) and the name in its messages are short.
    let run = try FunnelBinary.run(
      binary, arguments: arguments, in: scriptURL.deletingLastPathComponent(),
      input: viaStandardInput ? source : nil)
    var actual = run.stdout
    if !run.stderr.isEmpty {
      if !actual.isEmpty, !actual.hasSuffix("\n") { actual += "\n" }
      actual += "--- stderr\n" + run.stderr
    }
    if !actual.isEmpty, !actual.hasSuffix("\n") { actual += "\n" }
    actual += "[exit \(run.status)]\n"

    let expectedURL = Self.packageRoot.appendingPathComponent(
      String(scriptPath.dropLast(".funnel".count)) + ".out")
    if ProcessInfo.processInfo.environment["FUNNEL_RECORD"] == "1" {
      try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
      return
    }
    let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
    #expect(actual == expected, "\(scriptPath): output differs\n\(lineDiff(expected, actual))")
  }
}

/// The first differing lines, enough to see what changed.
func lineDiff(_ expected: String, _ actual: String) -> String {
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var out: [String] = []
  for i in 0..<max(e.count, a.count) {
    let l = i < e.count ? String(e[i]) : "<none>"
    let r = i < a.count ? String(a[i]) : "<none>"
    if l != r {
      out.append("line \(i + 1):\n  expected: \(l)\n  actual:   \(r)")
      if out.count == 8 { break }
    }
  }
  return out.joined(separator: "\n")
}
