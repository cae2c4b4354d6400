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

    // Pass 1: how many touches each range has per slot.
    var counts = RowChunks.map(n) { range -> [Int32] in
      var count = [Int32](repeating: 0, count: slotCount)
      count.withUnsafeMutableBufferPointer { buffer in
        let count = buffer
        TouchIndex.forEachPlaced(range, link: link, times: times) { _, s in count[s] &+= 1 }
      }
      return count
    }
    var offsets = [Int32](repeating: 0, count: slotCount + 1)
    for s in 0..<slotCount {
      var total = offsets[s]
      // Each range's first position for slot s follows the ranges before it.
      for k in 0..<counts.count {
        let c = counts[k][s]
        counts[k][s] = total
        total += c
      }
      offsets[s + 1] = total
    }

    // Pass 2: place each touch's row at its position.
    var rows = [Int32](repeating: 0, count: Int(offsets[slotCount]))
    rows.withUnsafeMutableBufferPointer { buffer in
      let rows = buffer
      RowChunks.forEach(n) { k, range in
        var next = counts[k]
        next.withUnsafeMutableBufferPointer { buffer in
          let next = buffer
          TouchIndex.forEachPlaced(range, link: link, times: times) { row, s in
            rows[Int(next[s])] = Int32(row)
            next[s] &+= 1
          }
        }
      }
    }

    // Each lead's run in time order, then by touch_id, then by row; and each touch's day.
    var days = [Int32](repeating: 0, count: rows.count)
    let ids: (values: [Int64], validity: Bitmap?)? =
      switch touches.column("touch_id")?.data {
      case .int(let v): (v, touches.column("touch_id")?.validity)
      default: nil
      }
    rows.withUnsafeMutableBufferPointer { buffer in
      let rows = buffer
      days.withUnsafeMutableBufferPointer { buffer in
        let days = buffer
        times.withReader { time in
          RowChunks.forEach(slotCount) { _, slots in
            var instants = [Int64](repeating: 0, count: 16)
            for s in slots {
              let run = Int(offsets[s])..<Int(offsets[s + 1])
              if instants.count < run.count { instants = [Int64](repeating: 0, count: run.count) }
              for (i, p) in run.enumerated() { instants[i] = time.instant(Int(rows[p])) }
              TouchIndex.sortRun(run, rows: rows, instants: &instants, ids: ids)
              for (i, p) in run.enumerated() { days[p] = Timestamps.day(of: instants[i]) }
            }
          }
        }
      }
    }
    self.offsets = offsets
    self.rows = rows
    self.days = days
  }

  /// Calls `body(row, slot)` for each touch of `rows` that has a slot and a
  /// time, in row order. A block's placed touches are listed first, without a
  /// branch per touch (whether a lead has a deal falls at random).
  @inline(__always)
  private static func forEachPlaced(
    _ rows: Range<Int>, link: LeadLink, times: TouchTimes, _ body: (_ row: Int, _ slot: Int) -> Void
  ) {
    let block = RowChunks.blockSize
    let slot = UnsafeMutablePointer<Int32>.allocate(capacity: block)
    defer { slot.deallocate() }
    let placed = UnsafeMutablePointer<Int32>.allocate(capacity: block)
    defer { placed.deallocate() }
    RowChunks.blocks(of: rows) { b in
      link.touchSlots(b, into: slot)
      times.maskUnknown(b, slot)
      var k = 0
      for i in 0..<b.count {
        placed[k] = Int32(i)
        k &+= slot[i] >= 0 ? 1 : 0
      }
      for j in 0..<k {
        let i = Int(placed[j])
        body(b.lowerBound + i, Int(slot[i]))
      }
    }
  }

  /// Sorts one run (`instants[i]` the instant of position run.lowerBound + i) by
  /// instant, then touch id (null ids as `ColumnReader.nullKey`), then row. Runs
  /// are a few touches long: an insertion sort beats one global sort.
  private static func sortRun(
    _ run: Range<Int>, rows: UnsafeMutableBufferPointer<Int32>, instants: inout [Int64],
    ids: (values: [Int64], validity: Bitmap?)?
  ) {
    if run.count < 2 { return }
    func id(_ row: Int32) -> Int64 {
      guard let ids else { return 0 }
      if let v = ids.validity, !v[Int(row)] { return ColumnReader.nullKey }
      return ids.values[Int(row)]
    }
    let base = run.lowerBound
    for i in 1..<run.count {
      let row = rows[base + i], instant = instants[i]
      var j = i - 1
      while j >= 0 {
        let other = instants[j]
        if instant > other { break }
        if instant == other {
          // Ties are rare: only then are the ids read.
          let a = id(row), b = id(rows[base + j])
          if a > b || (a == b && row > rows[base + j]) { break }
        }
        rows[base + j + 1] = rows[base + j]
        instants[j + 1] = other
        j -= 1
      }
      rows[base + j + 1] = row
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

  /// Sets `slot[i]` to -1 where row `rows.lowerBound + i` has no time (null,
  /// or a timestamp of `Int64.min`, which stands for null).
  func maskUnknown(_ rows: Range<Int>, _ slot: UnsafeMutablePointer<Int32>) {
    let lo = rows.lowerBound
    if case .timestamp(let v) = data {
      v.withUnsafeBufferPointer { v in
        for i in 0..<rows.count { slot[i] |= v[lo + i] == Int64.min ? -1 : 0 }
      }
    }
    guard let valid = validity else { return }
    valid.words.withUnsafeBufferPointer { words in
      for i in 0..<rows.count {
        let r = lo + i
        // 0 for a valid row, all ones (-1) for a null one.
        slot[i] |= Int32(truncatingIfNeeded: (words[r >> 6] >> UInt64(r & 63)) & 1) &- 1
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
