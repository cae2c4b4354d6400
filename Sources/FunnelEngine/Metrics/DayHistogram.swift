/// Where a kernel puts the whole numbers it finds per slot (days between two
/// dates, slot = group and step), a block of rows' worth at a time. A kernel
/// collects them into a list without a branch per value (a value not taken is
/// overwritten by the next: which rows have both dates is random), then hands
/// the list over.
protocol SlotValueSink {
  /// Adds `values[k]` to slot `slots[k]` for each k in `0..<count`.
  mutating func add(_ values: UnsafePointer<Int64>, slots: UnsafePointer<Int32>, count: Int)
}

extension GroupedMedian: SlotValueSink {
  mutating func add(_ values: UnsafePointer<Int64>, slots: UnsafePointer<Int32>, count: Int) {
    for k in 0..<count { add(values[k], group: Int(slots[k])) }
  }
}

/// Per-slot counts of each value, from which the medians are read: what
/// `GroupedMedian` does by collecting every value and then counting, done while
/// scanning, so that nothing per row is kept. The range of values grows as they
/// arrive (days between two steps span a few hundred values); past `maxCells`
/// the histogram gives up (`overflowed`) and the caller collects the values
/// into a `GroupedMedian` instead. One histogram per thread, merged by adding.
final class DayHistogram: SlotValueSink {
  let slots: Int
  /// The values counted are `low ..< low + width` (none at first: the first
  /// value sets the range).
  private(set) var low: Int64 = 0
  private(set) var width = 0
  private(set) var overflowed = false
  /// Whether the range has been set.
  private var started = false
  /// `counts[slot * width + (value - low)]`: a plain buffer, since the kernels
  /// add to it once per lead and step and an array would check for a copy each time.
  private var counts: UnsafeMutablePointer<Int32>

  /// The most cells a histogram may take (4 MiB).
  static let maxCells = 1 << 20

  /// A histogram of `slots` slots.
  init(slots: Int) {
    self.slots = slots
    counts = .allocate(capacity: 1)
  }

  deinit { counts.deallocate() }

  func add(_ values: UnsafePointer<Int64>, slots slotOf: UnsafePointer<Int32>, count: Int) {
    for k in 0..<count {
      let value = values[k]
      var offset = value &- low
      if UInt64(bitPattern: offset) >= UInt64(width) {
        // Rare: a value outside the range so far (any value, before the first).
        guard include(value, value) else { return }
        offset = value &- low
      }
      counts[Int(slotOf[k]) &* width &+ Int(offset)] &+= 1
    }
  }

  /// Widens the range to hold `a...b` (with room to grow further the same way);
  /// false, and `overflowed`, when that would take more than `maxCells`.
  private func include(_ a: Int64, _ b: Int64) -> Bool {
    if overflowed { return false }
    let high = low &+ Int64(width) &- 1
    if started && a >= low && b <= high { return true }
    let down = !started || a < low, up = !started || b > high
    var newLow = started ? min(low, a) : a
    var newHigh = started ? max(high, b) : b
    let (span, o1) = newHigh.subtractingReportingOverflow(newLow)
    // Room for as much again on the side that grew: a range found value by
    // value then takes a few moves, not one per value.
    let extra = o1 ? 0 : max(span, 64)
    let (l, o2) = newLow.subtractingReportingOverflow(down ? extra : 0)
    let (h, o3) = newHigh.addingReportingOverflow(up ? extra : 0)
    (newLow, newHigh) = (l, h)
    let (newSpan, o4) = newHigh.subtractingReportingOverflow(newLow)
    guard !(o1 || o2 || o3 || o4), newSpan < Int64(DayHistogram.maxCells),
      slots * (Int(newSpan) + 1) <= DayHistogram.maxCells
    else {
      overflowed = true
      return false
    }
    let newWidth = Int(newSpan) + 1
    let moved = UnsafeMutablePointer<Int32>.allocate(capacity: slots * newWidth)
    moved.initialize(repeating: 0, count: slots * newWidth)
    if started {
      let shift = Int(low - newLow)
      for s in 0..<slots { (moved + s * newWidth + shift).update(from: counts + s * width, count: width) }
    }
    counts.deallocate()
    (counts, low, width, started) = (moved, newLow, newWidth, true)
    return true
  }

  /// Adds the counts of `other` (of as many slots).
  func merge(_ other: DayHistogram) {
    if other.overflowed { overflowed = true }
    guard other.started, include(other.low, other.low + Int64(other.width) - 1) else { return }
    let shift = Int(other.low - low)
    for s in 0..<slots {
      for k in 0..<other.width { counts[s * width + shift + k] += other.counts[s * other.width + k] }
    }
  }

  /// The median of each slot (the mean of the two middle values for an even
  /// count, as `GroupedMedian` computes it); nil for a slot with no values.
  func medians() -> [Double?] {
    var out = [Double?](repeating: nil, count: slots)
    for s in 0..<slots {
      let base = s * width
      var n = 0
      for k in 0..<width { n += Int(counts[base + k]) }
      if n == 0 { continue }
      let firstRank = (n - 1) / 2, secondRank = n / 2
      var seen = 0
      var first: Int64? = nil
      for k in 0..<width where counts[base + k] > 0 {
        seen += Int(counts[base + k])
        if first == nil, seen > firstRank { first = low + Int64(k) }
        if seen > secondRank, let first {
          out[s] = (Double(first) + Double(low + Int64(k))) / 2
          break
        }
      }
    }
    return out
  }
}
