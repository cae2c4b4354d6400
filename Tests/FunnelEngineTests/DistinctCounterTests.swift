import FunnelData
import Testing

@testable import FunnelEngine

/// `count_distinct` by group over values too many for a flag per (group,
/// value) pair, against sets per group, on inputs large enough to be split
/// across the cores, with and without nulls.
@Suite struct DistinctCounterTests {
  /// A reproducible stream of numbers (SplitMix64).
  struct Numbers {
    var state: UInt64
    mutating func next(below bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  /// Reference: the distinct valid values of each group, counted in sets.
  static func reference(_ keys: [Int32], valid: [Bool], groups: [Int32], count: Int) -> [Int64] {
    var sets = [Set<Int32>](repeating: [], count: count)
    for i in keys.indices where valid[i] { sets[Int(groups[i])].insert(keys[i]) }
    return sets.map { Int64($0.count) }
  }

  @Test(arguments: [false, true])
  func largeInputsMatchSetsPerGroup(nulls: Bool) {
    let rows = RowChunks.parallelThreshold + 50_000
    let groupCount = 300
    var numbers = Numbers(state: nulls ? 7 : 11)
    // Values from -1,000 (a minimum below zero) over a range wider than the rows.
    let keys = (0..<rows).map { _ in Int32(numbers.next(below: 2 * rows) - 1_000) }
    // Groups skewed toward the low ids, so the two halves split unevenly.
    let groups = (0..<rows).map { _ in Int32(min(numbers.next(below: groupCount), numbers.next(below: groupCount))) }
    let valid = (0..<rows).map { _ in !nulls || numbers.next(below: 10) != 0 }
    let range = KeyRange(keys, validity: nulls ? Bitmap(valid) : nil)
    guard let range, let slots = range.slots(forRows: rows) else {
      Issue.record("no dense range")
      return
    }
    #expect(slots * groupCount > 1 << 24, "the pairs must be too many for a flag each")
    let counted = DistinctCounter.countDense(
      keys, valid: nulls ? Bitmap(valid) : nil, min: range.min, slots: slots, groups: groups, count: groupCount)
    #expect(counted == Self.reference(keys, valid: valid, groups: groups, count: groupCount))
    // The same through the aggregate, which picks this way for these sizes.
    let column = Column.make(.int, keys.indices.map { valid[$0] ? Value.int(Int64(keys[$0])) : .null })
    let out = Accumulators.countDistinct(keys, column, groups: groups, count: groupCount)
    guard case .int(let viaAggregate) = out.data else {
      Issue.record("count_distinct gave \(out.type.name)")
      return
    }
    #expect(viaAggregate == Self.reference(keys, valid: valid, groups: groups, count: groupCount))
  }

  @Test func groupsWithNoValidValuesCountZero() {
    let rows = RowChunks.parallelThreshold + 1_000
    let keys = (0..<rows).map { Int32($0 % 70_000) }
    // Group 2 holds only nulls; group 3 no rows at all.
    let groups = (0..<rows).map { Int32($0 % 3) }
    let valid = (0..<rows).map { $0 % 3 != 2 }
    let counted = DistinctCounter.countDense(
      keys, valid: Bitmap(valid), min: 0, slots: 70_000, groups: groups, count: 4)
    #expect(counted == Self.reference(keys, valid: valid, groups: groups, count: 4))
    #expect(counted[2] == 0 && counted[3] == 0)
  }
}
