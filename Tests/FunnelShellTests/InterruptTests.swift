import Foundation
import Testing

/// Ctrl-C at the real binary while a statement works: a big `.demo`, a big
/// `.load`, a long expression over a join. The prompt comes back and the
/// data from before the statement is still there. The bound on the wait is
/// generous (timing is measured, not judged, here); each test prints the
/// latency it saw.
@Suite(
  .serialized,
  .enabled(if: PseudoTerminal.binary != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"))
struct InterruptTests {
  static let prompt = "funnel> "
  /// Seconds the prompt may take to come back after Ctrl-C.
  static let bound = 5.0

  func started(_ arguments: [String] = []) throws -> PseudoTerminal {
    let shell = try PseudoTerminal(arguments: arguments)
    // Generous: under ThreadSanitizer on a busy machine a 1M-lead demo takes minutes.
    #expect(shell.expect(Self.prompt, timeout: 240), "first prompt: \(shell.unmatched)")
    return shell
  }

  /// Presses Ctrl-C after `delay` seconds of work; expects `cancelled` and a
  /// fresh prompt within the bound, and returns the latency seen.
  func interrupt(_ shell: PseudoTerminal, after delay: Double, _ what: String) -> Double {
    Thread.sleep(forTimeInterval: delay)
    let pressed = Date()
    shell.send("\u{03}")
    #expect(shell.expect("cancelled", timeout: Self.bound), "\(what): \(shell.unmatched)")
    let latency = Date().timeIntervalSince(pressed)
    #expect(shell.expect(Self.prompt, timeout: Self.bound), "\(what): \(shell.unmatched)")
    print("Ctrl-C during \(what): prompt back in \(Int(latency * 1000)) ms")
    return latency
  }

  @Test func ctrlCStopsABigDemoAndKeepsTheData() throws {
    let shell = try started()
    // Five million leads: a minute of work in a debug build, about 2 GB.
    shell.send(".demo 5000000\r")
    _ = interrupt(shell, after: 1.5, ".demo")
    shell.send(".tables\r")
    #expect(shell.expect("leads          20,000"), "the demo data from before: \(shell.unmatched)")
  }

  @Test func ctrlCStopsABigLoadAndKeepsTheOldDataset() throws {
    let shell = try started()
    let folder = shell.home
    let small = folder + "/small.csv", big = folder + "/big.csv"
    try "id,name\n1,a\n2,b\n3,c\n".write(toFile: small, atomically: true, encoding: .utf8)
    try Self.writeLargeCSV(big, rows: 2_000_000)
    shell.send(".load x \(small)\r")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".load x \(big)\r")
    _ = interrupt(shell, after: 1.0, ".load")
    shell.send(".tables\r")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send("x | count\r")
    #expect(shell.expect("    3\r\n"), "the old x, 3 rows: \(shell.unmatched)")
  }

  @Test func ctrlCStopsALongExpressionAndBindsNothing() throws {
    // concat and count_distinct over about 2.9 million joined rows: many
    // seconds in a debug build.
    let shell = try started(["--demo-size", "1000000"])
    shell.send(
      "let big = touches | join leads on lead_id | agg n = count_distinct(concat(kind, region, touch_id)) by channel\r")
    _ = interrupt(shell, after: 1.0, "a long expression")
    shell.send(".tables\r")
    #expect(shell.expect("leads          1,000,000"), "\(shell.unmatched)")
    #expect(shell.expect(Self.prompt), "\(shell.unmatched)")
    shell.send(".schema big\r")
    #expect(shell.expect("unknown dataset 'big'"), "a cancelled let binds nothing: \(shell.unmatched)")
  }

  /// `rows` lines of id, name, amount and day, written a block at a time.
  static func writeLargeCSV(_ path: String, rows: Int) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path)
    else {
      throw PseudoTerminalError(message: "cannot write \(path)")
    }
    defer { try? file.close() }
    file.write(Data("id,name,amount,day\n".utf8))
    var block = ""
    for i in 0..<rows {
      block +=
        "\(i),name \(i % 5_000),\(i % 10_000).\(i % 90 + 10),2025-\(i % 9 + 1 < 10 ? "0" : "")\(i % 9 + 1)-1\(i % 9)\n"
      if block.utf8.count > 1 << 20 {
        file.write(Data(block.utf8))
        block = ""
      }
    }
    file.write(Data(block.utf8))
  }
}
