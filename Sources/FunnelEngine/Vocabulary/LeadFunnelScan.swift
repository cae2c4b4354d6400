import FunnelData

/// The counting behind `leads | funnel`: how many leads of each group reach each
/// step, and the median days from the previous step (the rules are
/// `FunnelVerb.summary`'s).
///
/// One pass over the leads, a block of rows at a time: each lead's depth (how
/// many steps it counts at, in order) comes from its stage rank and the steps'
/// dates, and the days between its counted steps go to a histogram per thread.
/// A group's count at a step follows from how many of its leads stopped at each
/// depth. Large inputs are split across the cores, each range with its own
/// counts, added at the end (integers: the same sums in any order).
struct LeadFunnelScan {
  /// The leads' stage ranks; nil when there is no stage column.
  let ranks: ClassBlocks?
  /// Each step's dates; nil when the column is missing (every lead's day is null).
  let days: [DayBlocks?]
  /// The rank at which a lead reached each step without a date for it.
  let thresholds: [Int8]
  let withinDays: Int64?
  let groupOf: [Int32]
  let groupCount: Int

  init(
    ranks: ClassBlocks?, days: [DayBlocks?], stages: [LeadStage], withinDays: Int64?, groups: Grouping
  ) {
    self.ranks = ranks
    self.days = days
    // Every lead reached `lead`; ranks start at 0, so Int8.min always passes.
    // Without a stage column, only a date says a lead reached a later step.
    thresholds = stages.map { s in s == .lead ? Int8.min : ranks == nil ? Int8.max : Int8(s.rawValue) }
    self.withinDays = withinDays
    groupOf = groups.groupOfRow
    groupCount = groups.groupCount
  }

  var stepCount: Int { days.count }

  /// The count of each group at each step (`[g * stepCount + j]`) and the median
  /// days from step j - 1 to step j over the leads counted at step j (nil for j = 0
  /// and where there are none).
  func run() -> (counts: [Int64], medians: [Double?]) {
    let steps = stepCount
    let rows = groupOf.count
    let slots = groupCount * steps
    let depthSlots = groupCount * (steps + 1)
    let partials = RowChunks.map(rows) { range -> ([Int], DayHistogram) in
      var depth = [Int](repeating: 0, count: depthSlots)
      let histogram = DayHistogram(slots: slots)
      var sink = histogram
      depth.withUnsafeMutableBufferPointer { scan(range, depth: $0, differences: &sink) }
      return (depth, histogram)
    }
    var depth = [Int](repeating: 0, count: depthSlots)
    for (d, _) in partials {
      for k in 0..<depthSlots { depth[k] += d[k] }
    }
    // A lead counts at every step before the one it stopped at.
    var counts = [Int64](repeating: 0, count: slots)
    for g in 0..<groupCount {
      var atLeast = 0
      for j in stride(from: steps - 1, through: 0, by: -1) {
        atLeast += depth[g * (steps + 1) + j + 1]
        counts[g * steps + j] = Int64(atLeast)
      }
    }
    let histogram = partials[0].1
    for (_, h) in partials.dropFirst() { histogram.merge(h) }
    if !histogram.overflowed { return (counts, histogram.medians()) }
    // Many groups over a wide range of days: collect the values instead.
    var median = GroupedMedian(groupCount: slots)
    var unused = [Int](repeating: 0, count: depthSlots)
    unused.withUnsafeMutableBufferPointer { scan(0..<rows, depth: $0, differences: &median) }
    return (counts, median.medians())
  }

  /// Walks `rows`: adds each lead to `depth[g * (stepCount + 1) + d]`, d the
  /// number of steps it counts at, and the days from each counted step to the
  /// next counted one (both dates known) to `differences` at slot g * stepCount + j.
  private func scan<Sink: SlotValueSink>(
    _ rows: Range<Int>, depth: UnsafeMutableBufferPointer<Int>, differences: inout Sink
  ) {
    let steps = stepCount
    let scratch = DayScratch(columns: steps)
    let rank = UnsafeMutablePointer<Int8>.allocate(capacity: RowChunks.blockSize)
    defer { rank.deallocate() }
    rank.initialize(repeating: 0, count: RowChunks.blockSize)
    // Each step's days and validity words in the current block.
    let day = UnsafeMutablePointer<UnsafePointer<Int32>>.allocate(capacity: steps)
    defer { day.deallocate() }
    let valid = UnsafeMutablePointer<UnsafePointer<UInt64>>.allocate(capacity: steps)
    defer { valid.deallocate() }
    // The days between steps found in a block, and their slots.
    let values = UnsafeMutablePointer<Int64>.allocate(capacity: steps * RowChunks.blockSize + 1)
    defer { values.deallocate() }
    let slots = UnsafeMutablePointer<Int32>.allocate(capacity: steps * RowChunks.blockSize + 1)
    defer { slots.deallocate() }
    DayBlocks.withReaders(days) { readers in
      thresholds.withUnsafeBufferPointer { threshold in
        groupOf.withUnsafeBufferPointer { groupOf in
          RowChunks.blocks(of: rows) { b in
            ranks?.fill(b, into: rank)
            scratch.load(readers, b, day: day, valid: valid)
            let found = LeadFunnelScan.countBlock(
              b.count, group: groupOf.baseAddress.map { $0 + b.lowerBound }, rank: rank, day: day, valid: valid,
              threshold: threshold, window: withinDays, depth: depth, values: values, slots: slots)
            differences.add(values, slots: slots, count: found)
          }
        }
      }
    }
  }

  /// The body of `scan` for one block of `count` rows: counts each lead's depth,
  /// and lists the days between its counted steps in `values` with their slots
  /// in `slots` (room for a value per row and step, plus one); returns how many.
  /// Apart from `scan` so that its pointers are arguments the compiler keeps in
  /// registers rather than captures it reloads from a closure's context.
  @inline(never)
  private static func countBlock(
    _ count: Int, group: UnsafePointer<Int32>?, rank: UnsafePointer<Int8>, day: UnsafePointer<UnsafePointer<Int32>>,
    valid: UnsafePointer<UnsafePointer<UInt64>>, threshold: UnsafeBufferPointer<Int8>, window: Int64?,
    depth: UnsafeMutableBufferPointer<Int>, values: UnsafeMutablePointer<Int64>, slots: UnsafeMutablePointer<Int32>
  ) -> Int {
    guard let group else { return 0 }
    var found = 0
    let steps = threshold.count
    let limit = window ?? Int64.max
    let hasWindow = window != nil
    // Every test below is 0 or 1 in an Int and combines with & and |: a branch on
    // which leads reached a step, or have a date, would mispredict (they are random).
    let inWindow = hasWindow ? 0 : 1
    for i in 0..<count {
      let g = Int(group[i])
      let r = rank[i]
      let word = i >> 6, bit = UInt64(i & 63)
      let first = Int64(day[0][i])
      let firstKnown = Int(truncatingIfNeeded: (valid[0][word] >> bit) & 1)
      // `alive` stays 1 while the lead still counts; the depth is how many steps it stayed alive through.
      var alive = 1
      var reachedSteps = 0
      var previous = first
      var previousKnown = firstKnown
      for j in 0..<steps {
        let d = Int64(day[j][i])
        let known = Int(truncatingIfNeeded: (valid[j][word] >> bit) & 1)
        // Reached by its stage or by a date; with a window, only by a date inside it.
        var counts = (r >= threshold[j] ? 1 : 0) | known
        counts &= inWindow | (known & firstKnown & (d &- first <= limit ? 1 : 0))
        alive &= counts
        reachedSteps &+= alive
        // Listed always, kept only when both dates are known and the lead counts here.
        values[found] = d &- previous
        slots[found] = Int32(truncatingIfNeeded: g &* steps &+ j)
        found &+= alive & known & previousKnown & (j > 0 ? 1 : 0)
        previous = d
        previousKnown = known
      }
      depth[g &* (steps &+ 1) &+ reachedSteps] &+= 1
    }
    return found
  }
}
