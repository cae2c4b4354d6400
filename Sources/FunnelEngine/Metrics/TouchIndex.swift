import FunnelData

/// The touches of each deal's lead, in the order attribution reads them
/// (`touched_at`, then `touch_id`), grouped by lead with a counting sort (CSR
/// offsets) so one lead's touches are a contiguous run of positions. Only the
/// touches of leads that have a deal are placed: the others are counted out in
/// the first pass and never copied.
///
/// Large touch tables are read in two passes split across the cores: one counts
/// each range's touches per lead, the other places them, each range after the
/// ranges before it, so the positions are those a single pass would give.
/// (A mutable buffer is copied to a constant before the nested closures use
/// it, which would otherwise capture the inout parameter and reload it every row.)
struct TouchIndex {
  /// The slot of each deal's lead, -1 when null (see `LeadLink`).
  let dealSlots: [Int32]
  /// Positions `offsets[s]..<offsets[s + 1]` hold the touches of slot s, in order.
  let offsets: [Int32]
  /// The touch row at each position.
  let rows: [Int32]
  /// The day of the touch at each position.
  let days: [Int32]

  /// Indexes the touches of the deals' leads. Touches with no time are left
  /// out: they cannot be placed.
  init(touches: Table, link: LeadLink) throws {
    guard let when = touches.column("touched_at") else {
      throw MetricProblem.missingColumn("touched_at", in: "touches", for: "attribution", rowsAre: false)
    }
    guard let times = TouchTimes(when) else {
      throw MetricProblem(message: "touches.touched_at must be a timestamp or a date, not \(when.type.name)")
    }
    dealSlots = link.dealSlots
    let slotCount = link.slotCount
    // No deal has a lead (no deals at all, as when a query is bound): nothing to read.
    let n = slotCount == 0 ? 0 : touches.rowCount

    // Pass 1: how many touches each range has per slot, range k's at
    // `counts[k * slotCount + s]`.
    let parts = RowChunks.ranges(n).count
    var counts = [Int32](repeating: 0, count: parts * slotCount)
    counts.withUnsafeMutableBufferPointer { buffer in
      let counts = buffer
      RowChunks.forEach(n) { k, range in
        guard let count = counts.baseAddress.map({ $0 + k * slotCount }) else { return }
        TouchIndex.forEachPlaced(range, link: link, times: times) { _, s in count[s] &+= 1 }
      }
    }
    // Each slot's run follows the ones before; within it, each range's touches
    // follow the ranges before it. The counts become each range's next position.
    var offsets = [Int32](repeating: 0, count: slotCount + 1)
    var longest = 0
    counts.withUnsafeMutableBufferPointer { buffer in
      let counts = buffer
      offsets.withUnsafeMutableBufferPointer { buffer in
        let offsets = buffer
        var total: Int32 = 0
        for s in 0..<slotCount {
          offsets[s] = total
          for k in 0..<parts {
            let c = counts[k * slotCount + s]
            counts[k * slotCount + s] = total
            total += c
          }
          longest = max(longest, Int(total - offsets[s]))
        }
        offsets[slotCount] = total
      }
    }
    let placed = Int(offsets[slotCount])

    // Pass 2: place each touch's row at its position. Every position is written
    // once, so the array starts uninitialized: its pages are first touched here,
    // by the threads that fill them.
    var rows = [Int32](unsafeUninitializedCapacity: placed) { buffer, initialized in
      let rows = buffer
      counts.withUnsafeMutableBufferPointer { buffer in
        let counts = buffer
        RowChunks.forEach(n) { k, range in
          guard let next = counts.baseAddress.map({ $0 + k * slotCount }) else { return }
          TouchIndex.forEachPlaced(range, link: link, times: times) { row, s in
            rows[Int(next[s])] = Int32(row)
            next[s] &+= 1
          }
        }
      }
      initialized = placed
    }

    // Each lead's run in time order, then by touch_id, then by row; and each touch's day.
    let ids = touches.column("touch_id").flatMap(TouchIds.init)
    let days = rows.withUnsafeMutableBufferPointer { buffer in
      let rows = buffer
      return [Int32](unsafeUninitializedCapacity: placed) { buffer, initialized in
        let days = buffer
        times.withReader { time in
          RowChunks.forEach(slotCount) { _, slots in
            let instants = UnsafeMutablePointer<Int64>.allocate(capacity: max(longest, 1))
            defer { instants.deallocate() }
            for s in slots {
              let lo = Int(offsets[s]), count = Int(offsets[s + 1]) - lo
              for i in 0..<count { instants[i] = time.instant(Int(rows[lo + i])) }
              if count > 1 { TouchIndex.sortRun(lo, count, rows: rows, instants: instants, ids: ids) }
              for i in 0..<count { days[lo + i] = Timestamps.day(of: instants[i]) }
            }
          }
        }
        initialized = placed
      }
    }
    self.offsets = offsets
    self.rows = rows
    self.days = days
  }

  /// Calls `body(row, slot)` for each touch of `rows` that has a slot and a
  /// time, in row order. A block's placed touches are listed first, without a
  /// branch per touch (whether a lead has a deal falls at random), and only
  /// their slots are worked out.
  @inline(__always)
  private static func forEachPlaced(
    _ rows: Range<Int>, link: LeadLink, times: TouchTimes, _ body: (_ row: Int, _ slot: Int) -> Void
  ) {
    let block = RowChunks.blockSize
    let key = UnsafeMutablePointer<Int32>.allocate(capacity: block)
    defer { key.deallocate() }
    let placed = UnsafeMutablePointer<Int32>.allocate(capacity: block)
    defer { placed.deallocate() }
    let slot = UnsafeMutablePointer<Int32>.allocate(capacity: block)
    defer { slot.deallocate() }
    RowChunks.blocks(of: rows) { b in
      link.touchKeys(b, into: key)
      times.maskUnknown(b, key)
      var k = 0
      for i in 0..<b.count {
        placed[k] = Int32(i)
        k &+= key[i] >= 0 ? 1 : 0
      }
      for j in 0..<k { slot[j] = key[Int(placed[j])] }
      link.slots(ofKeys: slot, count: k)
      for j in 0..<k { body(b.lowerBound + Int(placed[j]), Int(slot[j])) }
    }
  }

  /// Sorts the run of `count` positions from `lo` (`instants[i]` the instant of
  /// position lo + i) by instant, then touch id (null ids as
  /// `Column.nullKey`), then row. Runs are a few touches long: an
  /// insertion sort beats one global sort.
  private static func sortRun(
    _ lo: Int, _ count: Int, rows: UnsafeMutableBufferPointer<Int32>, instants: UnsafeMutablePointer<Int64>,
    ids: TouchIds?
  ) {
    func id(_ row: Int32) -> Int64 { ids?.id(Int(row)) ?? 0 }
    for i in 1..<count {
      let row = rows[lo + i], instant = instants[i]
      var j = i - 1
      while j >= 0 {
        let other = instants[j]
        if instant > other { break }
        if instant == other {
          // Ties are rare: only then are the ids read.
          let a = id(row), b = id(rows[lo + j])
          if a > b || (a == b && row > rows[lo + j]) { break }
        }
        rows[lo + j + 1] = rows[lo + j]
        instants[j + 1] = other
        j -= 1
      }
      rows[lo + j + 1] = row
      instants[j + 1] = instant
    }
  }

  /// The positions of the touches of deal `deal`'s lead on or before `day`
  /// (a prefix of the lead's run, since the run is in time order).
  func touches(ofDeal deal: Int, onOrBefore day: Int32) -> Range<Int> {
    let s = dealSlots[deal]
    if s < 0 { return 0..<0 }
    let lo = Int(offsets[Int(s)])
    var hi = lo
    let end = Int(offsets[Int(s) + 1])
    while hi < end, days[hi] <= day { hi += 1 }
    return lo..<hi
  }
}

/// `touch_id`, the tie-break between touches at one instant: an int column,
/// read in place whether loaded 32 or 64 bits wide.
private struct TouchIds {
  private let wide: [Int64]
  private let narrow: [Int32]?
  private let validity: Bitmap?

  /// nil unless the column holds ints.
  init?(_ column: Column) {
    if let n = column.narrowInts {
      (wide, narrow) = ([], n)
    } else if case .int(let v) = column.data {
      (wide, narrow) = (v, nil)
    } else {
      return nil
    }
    validity = column.validity
  }

  /// The id of row `row`; `Column.nullKey` where null.
  func id(_ row: Int) -> Int64 {
    if let v = validity, !v[row] { return Column.nullKey }
    if let n = narrow { return Int64(n[row]) }
    return wide[row]
  }
}

/// `touched_at`: a timestamp or a date column, read as instants (microseconds;
/// midnight for a date).
private struct TouchTimes {
  private let data: ColumnData
  private let validity: Bitmap?

  /// nil unless the column is a timestamp or a date.
  init?(_ column: Column) {
    switch column.data {
    case .timestamp, .date: break
    default: return nil
    }
    data = column.data
    validity = column.validity
  }

  /// Sets `key[i]` to -1 where row `rows.lowerBound + i` has no time (null,
  /// or a timestamp of `Int64.min`, which stands for null).
  func maskUnknown(_ rows: Range<Int>, _ key: UnsafeMutablePointer<Int32>) {
    let lo = rows.lowerBound
    if case .timestamp(let v) = data {
      v.withUnsafeBufferPointer { v in
        for i in 0..<rows.count { key[i] |= v[lo + i] == Int64.min ? -1 : 0 }
      }
    }
    guard let valid = validity else { return }
    valid.words.withUnsafeBufferPointer { words in
      for i in 0..<rows.count {
        let r = lo + i
        // 0 for a valid row, all ones (-1) for a null one.
        key[i] |= Int32(truncatingIfNeeded: (words[r >> 6] >> UInt64(r & 63)) & 1) &- 1
      }
    }
  }

  /// Calls `body` with a reader of the instants, valid only during the call.
  func withReader<R>(_ body: (InstantReader) -> R) -> R {
    switch data {
    case .timestamp(let v): return v.withUnsafeBufferPointer { body(InstantReader(timestamps: $0, dates: nil)) }
    case .date(let v): return v.withUnsafeBufferPointer { body(InstantReader(timestamps: nil, dates: $0)) }
    default: return body(InstantReader(timestamps: nil, dates: nil))
    }
  }

  /// The instant of a row of the column (not null).
  struct InstantReader {
    let timestamps: UnsafeBufferPointer<Int64>?
    let dates: UnsafeBufferPointer<Int32>?

    @inline(__always) func instant(_ row: Int) -> Int64 {
      if let timestamps { return timestamps[row] }
      if let dates { return Int64(dates[row]) * Timestamps.microsPerDay }
      return 0
    }
  }
}
