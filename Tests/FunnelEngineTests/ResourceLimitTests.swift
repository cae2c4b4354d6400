import Dispatch
import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

private typealias F = EngineFixture

/// The memory limit checked before joins, sorts, grouping and `distinct`
/// materialise their rows, and Ctrl-C reaching kernels that cannot throw.
@Suite struct ResourceLimitTests {
  /// `nums`: ids 1...5,000 and `group` = id % 4 (so a join on group multiplies rows).
  static func catalog() -> Catalog {
    let c = F.catalog()
    let ids = (1...5_000).map { Value.int(Int64($0)) }
    let groups = (1...5_000).map { Value.int(Int64($0 % 4)) }
    c.setDataset("nums", F.table([("id", .int, ids), ("group", .int, groups)]))
    return c
  }

  func run(_ text: String, in c: Catalog, limit: MemoryLimit, cancellation: Cancellation = Cancellation()) throws
    -> Outcome
  {
    let prepared = try Engine.prepare(try F.statement(text), in: c)
    return try Engine.run(prepared, in: c, cancellation: cancellation, memoryLimit: limit)
  }

  @Test(arguments: [
    (
      "let j = nums | join nums on group", "memory limit of 100 KiB exceeded while joining nums (more than 65,536 rows)"
    ),
    ("let j = nums | sort group, id desc", "memory limit of 100 KiB exceeded while sorting (5,000 rows)"),
    (
      "let j = nums | agg n = count_distinct(id) by group",
      "memory limit of 100 KiB exceeded while grouping (5,000 rows)"
    ),
    ("let j = nums | distinct group", "memory limit of 100 KiB exceeded while finding distinct rows (5,000 rows)"),
  ])
  func overTheLimitStopsBeforeMaterialising(text: String, message: String) throws {
    let c = Self.catalog()
    let error = #expect(throws: MemoryLimitExceeded.self) {
      try run(text, in: c, limit: MemoryLimit(bytes: 100 * 1024))
    }
    #expect(error?.description == message)
    #expect(c.dataset("j") == nil, "a failed let binds nothing")
    #expect(c.dataset("nums")?.rowCount == 5_000)
  }

  @Test(arguments: [
    ("let j = nums | join nums on id", 5_000),
    ("let j = nums | sort group, id desc", 5_000),
    ("let j = nums | agg n = count_distinct(id) by group", 4),
    ("let j = nums | distinct group", 4),
  ])
  func underTheLimitTheSameStatementsRun(text: String, rows: Int) throws {
    let c = Self.catalog()
    _ = try run(text, in: c, limit: MemoryLimit(bytes: 64 << 20))
    #expect(c.dataset("j")?.rowCount == rows)
  }

  @Test func cancelledLetBindsNothing() throws {
    let c = Self.catalog()
    let flag = Cancellation()
    flag.cancel()
    #expect(throws: Cancelled.self) { try run("let j = nums | take 1", in: c, limit: .standard, cancellation: flag) }
    #expect(c.dataset("j") == nil)
  }

  @Test func interruptedConcatGivesAWellFormedPlaceholder() {
    let n = 100_000
    let numbers = Column(.int((0..<Int64(n)).map { $0 }))
    let flag = Cancellation()
    flag.cancel()
    let stopped = Interruption.during(flag) { TextKernels.concat([numbers, numbers], skippingNulls: true) }
    #expect(stopped.count == n)
    #expect((0..<n).allSatisfy { stopped.isNull($0) })
    // Without the flag the kernel runs to the end.
    let full = Interruption.during(Cancellation()) { TextKernels.concat([numbers, numbers], skippingNulls: true) }
    #expect(full.value(at: n - 1) == .string("\(n - 1)\(n - 1)"))
  }

  @Test func detachedWorkStopsAtOnceOnCtrlC() throws {
    let flag = Cancellation()
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { flag.cancel() }
    // The work waits until the test lets it go: only Ctrl-C can end the wait.
    #expect(throws: Cancelled.self) {
      try DetachedWork.run(size: DetachedWork.threshold, flag) { () -> Int in
        started.signal()
        release.wait()
        return 1
      }
    }
    started.wait()
    release.signal()
    // Small work, or work nobody stops, gives its result.
    #expect(try DetachedWork.run(size: 10, flag) { 7 } == 7)
    #expect(try DetachedWork.run(size: DetachedWork.threshold, Cancellation()) { 8 } == 8)
  }

  @Test func aBigSortGivesTheSameOrderOnItsOwnThread() throws {
    let n = DetachedWork.threshold + 1_000
    let ids = (0..<n).map { Value.int(Int64(($0 * 7_919) % 100_003)) }
    let c = F.catalog()
    c.setDataset("many", F.table([("k", .int, ids)]))
    _ = try run("let s = many | sort k desc", in: c, limit: .standard)
    let sorted = try #require(c.dataset("s")?.columns[0].int64s)
    #expect(sorted.count == n)
    #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 >= $1 })
  }

  @Test func workerThreadsSeeTheStatementsFlag() {
    let flag = Cancellation()
    flag.cancel()
    let seen = Interruption.during(flag) { RowChunks.map(1_000_000) { _ in Interruption.requested } }
    #expect(!seen.isEmpty)
    #expect(seen.allSatisfy { $0 })
    #expect(!Interruption.requested, "outside the statement nothing is cancelled")
  }
}
