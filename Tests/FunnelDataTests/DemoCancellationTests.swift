import Testing

@testable import FunnelData

/// The demo generator stopped by Ctrl-C, and its size checked before it starts.
@Suite struct DemoCancellationTests {
  @Test func aCancelledGenerationThrows() {
    let flag = Cancellation()
    flag.cancel()
    #expect(throws: Cancelled.self) { try DemoData.generate(leads: 200_000, seed: 1, cancellation: flag) }
  }

  @Test func anUncancelledGenerationIsTheUsualData() throws {
    let watched = try DemoData.generate(leads: 3_000, seed: 9, cancellation: Cancellation())
    let plain = DemoData.generate(leads: 3_000, seed: 9)
    for ((name, a), (_, b)) in zip(watched.all, plain.all) {
      #expect(a.rowCount == b.rowCount, "\(name)")
      #expect(a.names == b.names, "\(name)")
      for r in stride(from: 0, to: a.rowCount, by: 97) { #expect(a.row(r) == b.row(r), "\(name) row \(r)") }
    }
  }

  @Test func theEstimateCoversWhatIsMade() {
    let leads = 20_000
    let demo = DemoData.generate(leads: leads, seed: 42)
    // The tables alone (8 bytes a value at most) stay under the estimate of the peak.
    let values = demo.all.reduce(0) { $0 + $1.table.rowCount * $1.table.columnCount * 8 }
    #expect(values < DemoData.estimatedBytes(leads: leads))
    #expect(DemoData.estimatedBytes(leads: Int.max) == Int.max)
    #expect(DemoData.estimatedBytes(leads: DemoData.maxLeads) < Int.max)
  }
}
