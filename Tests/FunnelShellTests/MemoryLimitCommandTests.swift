import Foundation
import FunnelData
import Testing

@testable import FunnelShell

/// `.memory-limit`, `--memory-limit` and `--demo-size` as the shell takes
/// them, and a session that keeps its data when a statement is stopped.
struct MemoryLimitCommandTests {
  @Test func showsAndSetsTheLimit() {
    let t = TestSession(demo: false)
    #expect(t.run(".memory-limit"))
    #expect(t.out == MemoryLimit.standard.description + "\n", "the default is 80% of physical memory")
    t.out = ""
    #expect(t.run(".memory-limit 3GB\n.memory-limit"))
    #expect(t.out == "3.0 GiB\n")
    #expect(t.session.memoryLimit == MemoryLimit(bytes: 3 << 30))
  }

  @Test func aSizeItCannotReadIsAnErrorAndKeepsTheLimit() {
    let t = TestSession(demo: false)
    t.session.memoryLimit = MemoryLimit(bytes: 1 << 30)
    #expect(!t.run(".memory-limit 3 apples"))
    #expect(t.err.contains(".memory-limit takes 0 to 1 argument"))
    t.err = ""
    #expect(!t.run(".memory-limit -5GB"))
    #expect(t.err.contains("expected a size such as 512MB, 4GB or 50%, found '-5GB'"))
    #expect(t.session.memoryLimit == MemoryLimit(bytes: 1 << 30))
  }

  @Test func helpAndCompletionKnowTheCommand() {
    let t = TestSession(demo: false)
    #expect(t.run(".help .memory-limit"))
    #expect(t.out.hasPrefix(".memory-limit [SIZE]"))
    let result = Completer.complete(line: ".memory", cursor: 7, session: t.session)
    #expect(result.candidates.contains(".memory-limit"))
  }

  @Test func aStatementOverTheLimitKeepsEveryDataset() {
    let t = TestSession(leads: 500)
    let before = t.session.catalog.datasetNames.map { t.session.catalog.dataset($0)?.rowCount ?? -1 }
    #expect(t.run(".memory-limit 64KB"))
    #expect(!t.run("let big = touches | join touches on kind"))
    #expect(t.err.contains("error: memory limit of 64 KiB exceeded while joining touches"))
    #expect(!t.run(".demo 20000"))
    #expect(t.err.contains("memory limit of 64 KiB exceeded while making the demo data (20,000 leads)"))
    #expect(t.session.catalog.dataset("big") == nil)
    let after = t.session.catalog.datasetNames.map { t.session.catalog.dataset($0)?.rowCount ?? -1 }
    #expect(after == before)
    // With room, the same statements run.
    #expect(t.run(".memory-limit 1GB\nlet big = touches | join touches on kind"))
    #expect((t.session.catalog.dataset("big")?.rowCount ?? 0) > 0)
  }

  @Test func aCancelledLoadKeepsTheDatasetOfThatName() throws {
    let t = TestSession(leads: 500)
    let path = NSTemporaryDirectory() + "funnel-cancelled-load-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "lead_id,x\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
    t.session.cancellation.cancel()
    defer { t.session.cancellation.reset() }
    #expect(throws: Cancelled.self) { try t.session.load(name: "leads", path: path) }
    #expect(t.session.catalog.dataset("leads")?.rowCount == 500)
  }

  @Test func commandLineValues() throws {
    var options = ShellOptions()
    try options.setMemoryLimit("50%")
    #expect(options.memoryLimit.bytes > 0)
    #expect(throws: ShellOptionError.self) { try options.setMemoryLimit("plenty") }
    #expect(ShellOptions.demoSizeProblem(20_000) == nil)
    #expect(ShellOptions.demoSizeProblem(DemoData.maxLeads) == nil)
    #expect(ShellOptions.demoSizeProblem(99_999_999_999) == "--demo-size must be a whole number from 1 to 50,000,000")
    #expect(ShellOptions.demoSizeProblem(0) != nil)
  }
}
