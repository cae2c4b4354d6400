import Testing

@testable import FunnelEngine

/// `DayHistogram` gives the medians `GroupedMedian` gives, however the values
/// arrive: in lists of any length, into histograms merged afterwards.
@Suite struct DayHistogramTests {
  /// Adds `values` (value, slot) to `sink` in lists of `chunk`.
  static func feed<S: SlotValueSink>(_ sink: inout S, _ values: [(Int64, Int32)], chunk: Int) {
    var start = 0
    while start < values.count {
      let part = values[start..<min(start + chunk, values.count)]
      let v = part.map(\.0), s = part.map(\.1)
      v.withUnsafeBufferPointer { v in
        s.withUnsafeBufferPointer { s in
          if let vb = v.baseAddress, let sb = s.baseAddress { sink.add(vb, slots: sb, count: part.count) }
        }
      }
      start += chunk
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func mediansMatchGroupedMedian(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let slots = Int.random(in: 1...6, using: &rng)
    // Starting at 0 (a step reached the same day), then spreading both ways.
    var values: [(Int64, Int32)] = [(0, 0)]
    for _ in 0..<Int.random(in: 0...500, using: &rng) {
      let spread = Int64.random(in: 1...400, using: &rng)
      values.append((Int64.random(in: -spread...spread, using: &rng), Int32.random(in: 0..<Int32(slots), using: &rng)))
    }
    var expected = GroupedMedian(groupCount: slots)
    Self.feed(&expected, values, chunk: values.count)
    // Two histograms, each fed half, merged: as two threads would.
    let cut = Int.random(in: 0...values.count, using: &rng)
    var first = DayHistogram(slots: slots), second = DayHistogram(slots: slots)
    Self.feed(&first, Array(values[..<cut]), chunk: 7)
    Self.feed(&second, Array(values[cut...]), chunk: 3)
    first.merge(second)
    #expect(!first.overflowed)
    #expect(first.medians() == expected.medians(), "seed \(seed)")
  }

  @Test func tooWideARangeOverflows() {
    var histogram = DayHistogram(slots: 2)
    Self.feed(&histogram, [(0, 0), (Int64(DayHistogram.maxCells), 1)], chunk: 2)
    #expect(histogram.overflowed)
  }
}
