import FunnelData

/// `count_distinct(x) by keys` when x's values span a dense range (ids,
/// codes, days) but groups times values is too large for a flag per pair.
enum DistinctCounter {
  /// The values (as offsets from `min`) are bucketed by group with a
  /// counting sort, so that each group's values lie together and in row
  /// order; then each group marks its values in a bitmap of the range: a
  /// value is new to the group when its bit is clear. Linear in rows, one
  /// bit per value of the range, no hashing.
  ///
  /// Both passes of the counting sort run on every core, as `TouchIndex`'s
  /// do: each range counts its rows per group, then places them after the
  /// ranges before it, so the order within a group is the rows' order. A
  /// null row goes to one more group past the last, which is never marked:
  /// the row loops have no branch on validity. The groups are then split in
  /// two halves of about as many values, each marked on a core of its own
  /// with its own bitmap.
  static func countDense<T: FixedWidthInteger & SignedInteger>(
    _ keys: [T], valid: Bitmap?, min: Int64, slots: Int, groups g: [Int32], count: Int
  ) -> [Int64] {
    precondition(slots <= Int(UInt32.max), "countDense needs slots that a UInt32 can number")
    let n = keys.count
    let width = count + 1
    let parts = RowChunks.ranges(n).count
    // Range k's rows per group at `heads[k * width + group]`; then where its next row goes.
    var heads = [Int](repeating: 0, count: parts * width)
    heads.withUnsafeMutableBufferPointer { buffer in
      let heads = buffer
      RowChunks.forEach(n) { k, range in
        guard let head = heads.baseAddress.map({ $0 + k * width }) else { return }
        forEachGroup(range, g, valid: valid, nullGroup: count) { _, group in head[group] &+= 1 }
      }
    }
    // Each group's values follow the groups before; within a group, each
    // range's follow the ranges before it.
    var start = [Int](repeating: 0, count: width + 1)
    heads.withUnsafeMutableBufferPointer { heads in
      var total = 0
      for group in 0..<width {
        start[group] = total
        for k in 0..<parts {
          let c = heads[k * width + group]
          heads[k * width + group] = total
          total += c
        }
      }
      start[width] = total
    }
    // The values themselves are moved, not row numbers: the marking pass
    // then reads one array in order instead of gathering from the keys.
    // Every position is written once, so the array starts uninitialized.
    let total = start[width]
    let bucketed = [UInt32](unsafeUninitializedCapacity: total) { buffer, initialized in
      let out = buffer
      keys.withUnsafeBufferPointer { key in
        heads.withUnsafeMutableBufferPointer { buffer in
          let heads = buffer
          RowChunks.forEach(n) { k, range in
            guard let next = heads.baseAddress.map({ $0 + k * width }) else { return }
            forEachGroup(range, g, valid: valid, nullGroup: count) { row, group in
              out[next[group]] = UInt32(truncatingIfNeeded: Int64(key[row]) &- min)
              next[group] &+= 1
            }
          }
        }
      }
      initialized = total
    }
    // The group where the second half begins: the first whose values start
    // past the middle of the counted (not null) values.
    let counted = start[count]
    var split = 0
    while split < count, start[split] < counted / 2 { split += 1 }
    let ranges = [0..<split, split..<count]
    let shared = Shared(start: start, values: bucketed)
    let halves = Parallel.map(ranges.count) { half in
      shared.distinct(groups: ranges[half], slots: slots)
    }
    return halves[0] + halves[1]
  }

  /// Calls `body(row, group)` for each row of `rows` in order, with the row's
  /// group, or `nullGroup` where the row is null: chosen without a branch.
  @inline(__always)
  private static func forEachGroup(
    _ rows: Range<Int>, _ g: [Int32], valid: Bitmap?, nullGroup: Int, _ body: (_ row: Int, _ group: Int) -> Void
  ) {
    g.withUnsafeBufferPointer { g in
      guard let valid else {
        for i in rows { body(i, Int(g[i])) }
        return
      }
      valid.words.withUnsafeBufferPointer { words in
        for i in rows {
          let isValid = (words[i >> 6] >> UInt64(i & 63)) & 1 != 0
          body(i, isValid ? Int(g[i]) : nullGroup)
        }
      }
    }
  }

  /// What both halves read: where each group's values start, and the values.
  private struct Shared: Sendable {
    let start: [Int]
    let values: [UInt32]

    /// Each group's values marked in a bitmap of the slots, one bit each,
    /// which is cleared after the group by zeroing the words its values
    /// fell in (every bit set in them is the group's). A bit a slot keeps
    /// the marks in the caches (10M ids are 1.2 MB), where a number a slot
    /// (40 MB) sent nearly every mark to memory.
    func distinct(groups: Range<Int>, slots: Int) -> [Int64] {
      guard !groups.isEmpty else { return [] }
      var marks = [UInt64](repeating: 0, count: (slots + 63) >> 6)
      var out = [Int64](repeating: 0, count: groups.count)
      values.withUnsafeBufferPointer { values in
        marks.withUnsafeMutableBufferPointer { marks in
          for group in groups {
            var distinct: Int64 = 0
            let values = UnsafeBufferPointer(rebasing: values[start[group]..<start[group + 1]])
            for v in values {
              let word = Int(v &>> 6), bit: UInt64 = 1 &<< UInt64(v & 63)
              let before = marks[word]
              distinct &+= before & bit == 0 ? 1 : 0
              marks[word] = before | bit
            }
            for v in values { marks[Int(v &>> 6)] = 0 }
            out[group - groups.lowerBound] = distinct
          }
        }
      }
      return out
    }
  }
}
