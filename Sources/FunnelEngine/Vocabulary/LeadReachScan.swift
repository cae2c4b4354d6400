import FunnelData

/// How many leads of each group reached each of some stages, each stage on its
/// own (`LeadStage.reached`: by the stage rank or by a date), as `cohort` shows
/// them; and how many leads each group has.
///
/// The stage ranks and dates are read a block of rows at a time; large inputs
/// are split across the cores, each range with its own counts, added at the end.
struct LeadReachScan {
  let ranks: ClassBlocks?
  /// Each stage's dates; nil when the column is missing.
  let days: [DayBlocks?]
  /// The rank at which a lead reached each stage without a date for it.
  let thresholds: [Int8]
  let groupOf: [Int32]
  let groupCount: Int

  init(ranks: ClassBlocks?, days: [DayBlocks?], stages: [LeadStage], groups: Grouping) {
    self.ranks = ranks
    self.days = days
    thresholds = stages.map { s in s == .lead ? Int8.min : ranks == nil ? Int8.max : Int8(s.rawValue) }
    groupOf = groups.groupOfRow
    groupCount = groups.groupCount
  }

  /// The leads of each group (`size[g]`) and how many reached stage s (`reached[g * stages + s]`).
  func run() -> (size: [Int64], reached: [Int64]) {
    let stages = days.count
    // Each lead is counted once, under the set of stages it reached (a bit each).
    let sets = 1 << stages
    let partials = RowChunks.map(groupOf.count) { range -> [Int] in
      var counts = [Int](repeating: 0, count: groupCount * sets)
      counts.withUnsafeMutableBufferPointer { scan(range, counts: $0) }
      return counts
    }
    var size = [Int64](repeating: 0, count: groupCount)
    var reached = [Int64](repeating: 0, count: groupCount * stages)
    for counts in partials {
      for g in 0..<groupCount {
        for set in 0..<sets {
          let c = Int64(counts[g * sets + set])
          size[g] += c
          for s in 0..<stages where set & (1 << s) != 0 { reached[g * stages + s] += c }
        }
      }
    }
    return (size, reached)
  }

  /// Adds each row of `rows` to `counts[g * 2^stages + set]`, bit s of `set`
  /// telling whether it reached stage s. Only whether a stage's date is there
  /// matters, so the kernel reads validity words and never a day.
  private func scan(_ rows: Range<Int>, counts: UnsafeMutableBufferPointer<Int>) {
    let stages = days.count
    let scratch = DayScratch(columns: stages)
    let rank = UnsafeMutablePointer<Int8>.allocate(capacity: RowChunks.blockSize)
    defer { rank.deallocate() }
    rank.initialize(repeating: 0, count: RowChunks.blockSize)
    let valid = UnsafeMutablePointer<UnsafePointer<UInt64>>.allocate(capacity: max(stages, 1))
    defer { valid.deallocate() }
    DayBlocks.withReaders(days) { readers in
      thresholds.withUnsafeBufferPointer { threshold in
        groupOf.withUnsafeBufferPointer { groupOf in
          RowChunks.blocks(of: rows) { b in
            ranks?.fill(b, into: rank)
            for s in 0..<stages {
              valid[s] = readers[s]?.validity(b, allValid: scratch.ones) ?? UnsafePointer(scratch.zeros)
            }
            LeadReachScan.countBlock(
              b.count, group: groupOf.baseAddress.map { $0 + b.lowerBound }, rank: rank, valid: valid,
              threshold: threshold, counts: counts)
          }
        }
      }
    }
  }

  /// The body of `scan` for one block of `count` rows, apart so that its
  /// pointers are arguments kept in registers. The tests are 0 or 1 in an Int,
  /// combined without a branch: which leads reached a stage is random.
  @inline(never)
  private static func countBlock(
    _ count: Int, group: UnsafePointer<Int32>?, rank: UnsafePointer<Int8>,
    valid: UnsafePointer<UnsafePointer<UInt64>>, threshold: UnsafeBufferPointer<Int8>,
    counts: UnsafeMutableBufferPointer<Int>
  ) {
    guard let group else { return }
    let stages = threshold.count
    for i in 0..<count {
      let r = rank[i]
      let word = i >> 6, bit = UInt64(i & 63)
      var set = 0
      for s in 0..<stages {
        let known = Int(truncatingIfNeeded: (valid[s][word] >> bit) & 1)
        set |= ((r >= threshold[s] ? 1 : 0) | known) << s
      }
      counts[Int(group[i]) &<< stages &+ set] &+= 1
    }
  }
}
