import Foundation
import Testing

/// The live server's address, when there is one.
private let postgresURL = ProcessInfo.processInfo.environment["FUNNEL_PG_URL"]

/// The real binary at a pseudo-terminal on a live PostgreSQL server
/// (`FUNNEL_PG_URL`, started by scripts/services): what the banner, `.load`
/// and a charted result say there.
@Suite(
  .serialized,
  .enabled(if: PseudoTerminal.binary != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"),
  .enabled(if: postgresURL != nil, "no server: set FUNNEL_PG_URL (scripts/services start)"))
struct RemoteShellTests {
  static let prompt = "funnel> "

  /// 8 channels × 5 leads, one at each stage: `funnel by channel` has 40 rows,
  /// more than the 30-line terminal's table shows.
  static func leadsFile() throws -> String {
    let stages = ["lead", "mql", "sql", "opportunity", "won"]
    var text = "lead_id,channel,stage,created_at\n"
    var id = 0
    for c in 1...8 {
      for s in stages {
        id += 1
        text += "\(id),c\(c),\(s),2026-01-0\(c)\n"
      }
    }
    let path = NSTemporaryDirectory() + "remote-shell-\(UUID().uuidString).csv"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aChartedResultIsDrawnFromEveryRow() throws {
    let path = try Self.leadsFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let shell = try PseudoTerminal(arguments: ["--engine", try #require(postgresURL)])
    #expect(shell.expect("engine: postgres://"), "banner: \(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".load eight \(path)\r")
    #expect(shell.expect("eight: 40 rows, 4 columns (a temporary table on the server)"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("eight | funnel by channel\r")
    // The table shows a window of the rows; the chart has every channel.
    #expect(shell.expect("channel: c1"), "\(shell.unmatched)")
    #expect(shell.expect("channel: c8"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
  }
}
