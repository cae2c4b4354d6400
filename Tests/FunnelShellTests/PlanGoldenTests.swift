import Foundation
import Testing

/// Pins the plans of the example scripts: `funnel --dump plan examples/NAME.funnel`
/// (the demo data, today fixed) must print `Tests/Plans/NAME.plan`: for each
/// statement its logical plan, the rewrite rules that fired and its physical
/// plan. `FUNNEL_RECORD=1 swift test --filter PlanGoldenTests` rewrites the
/// files; review the diff before committing.
@Suite struct PlanGoldenTests {
  static let examples: [String] = {
    let root = GoldenScriptTests.packageRoot.appendingPathComponent("examples").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.filter { $0.hasSuffix(".funnel") }.map { String($0.dropLast(".funnel".count)) }.sorted()
  }()

  @Test func everyExampleHasAPlan() {
    #expect(Self.examples.count >= 8)
  }

  @Test(arguments: examples)
  func plan(_ name: String) throws {
    let binary = try #require(FunnelBinary.path, "build funnel first (swift build)")
    let folder = GoldenScriptTests.packageRoot.appendingPathComponent("examples")
    let run = try FunnelBinary.run(binary, arguments: ["--dump", "plan", name + ".funnel"], in: folder)
    var actual = run.stdout
    if !run.stderr.isEmpty { actual += "--- stderr\n" + run.stderr }
    actual += "[exit \(run.status)]\n"
    let expectedURL = GoldenScriptTests.packageRoot.appendingPathComponent("Tests/Plans/\(name).plan")
    if ProcessInfo.processInfo.environment["FUNNEL_RECORD"] == "1" {
      try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
      return
    }
    let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
    #expect(actual == expected, "Tests/Plans/\(name).plan differs\n\(lineDiff(expected, actual))")
  }
}
