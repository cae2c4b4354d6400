import Foundation
import Testing

/// `-c` given more than once: every one runs, in order, as lines of one
/// text (an error's position counts the lines before it); none is dropped.
@Suite(.enabled(if: FunnelBinary.path != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"))
struct RepeatedCommandTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-repeated-c-\(UUID().uuidString)")

  func run(_ arguments: [String]) throws -> FunnelBinary.Result {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try FunnelBinary.run(try #require(FunnelBinary.path), arguments: arguments, in: folder)
  }

  @Test func everyCommandRunsInOrder() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "id,x\n1,\n2,5\n3,\n".write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let result = try run([
      "--no-demo", "--format", "csv", "-c", ".load t t.csv", "-c", "t | where x == null | count", "-c",
      "t | agg s = sum(x)",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "count\n2\ns\n5\n")
  }

  @Test func anErrorInALaterCommandStopsThereWithItsLine() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try run(["-c", "leads | count", "-c", "nosuch | count", "-c", "deals | count"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("2:1: error: unknown dataset 'nosuch'"), "\(result.stderr)")
    #expect(!result.stdout.contains("2,400"), "the command after the error does not run")
  }
}
