import FunnelData

/// The touches of each lead, in the order attribution reads them (`touched_at`,
/// then `touch_id`), grouped by lead with a counting sort (CSR offsets) so one
/// lead's touches are a contiguous run of `order`.
struct TouchIndex {
  /// The leads indexed, as slots.
  let leads: IdIndex
  /// `order[offsets[s]..<offsets[s + 1]]` are the touch rows of slot s.
  let offsets: [Int32]
  let order: [Int32]
  /// `touched_at` of each touch row (microseconds) and its day.
  let instants: [Int64]
  let days: [Int32]

  /// Indexes the touches of the leads `leadIds` (ids in the same space as
  /// `touchLeadIds`). Touches with no time are left out: they cannot be placed.
  init(touches: Table, touchLeadIds: [Int64], leadIds: [Int64]) throws {
    guard let when = touches.column("touched_at") else {
      throw MetricProblem.missingColumn("touched_at", in: "touches", for: "attribution", rowsAre: false)
    }
    guard let instants = ColumnReader.instants(when) else {
      throw MetricProblem(message: "touches.touched_at must be a timestamp or a date, not \(when.type.name)")
    }
    let ids = touches.column("touch_id").flatMap(ColumnReader.ints)
    let leads = IdIndex(leadIds)
    var slotOf = [Int32](repeating: -1, count: touchLeadIds.count)
    var offsets = [Int32](repeating: 0, count: leads.count + 1)
    for t in 0..<touchLeadIds.count where instants[t] != Int64.min {
      let s = leads.slot(touchLeadIds[t])
      slotOf[t] = s
      if s >= 0 { offsets[Int(s) + 1] += 1 }
    }
    for s in 0..<leads.count { offsets[s + 1] += offsets[s] }
    var fill = offsets
    var order = [Int32](repeating: 0, count: Int(offsets[leads.count]))
    for t in 0..<touchLeadIds.count where slotOf[t] >= 0 {
      let s = Int(slotOf[t])
      order[Int(fill[s])] = Int32(t)
      fill[s] += 1
    }
    // Runs are a few touches long: an insertion sort per run beats one global sort.
    func before(_ a: Int32, _ b: Int32) -> Bool {
      let x = instants[Int(a)], y = instants[Int(b)]
      if x != y { return x < y }
      if let ids = ids {
        let p = ids[Int(a)], q = ids[Int(b)]
        if p != q { return p < q }
      }
      return a < b
    }
    for s in 0..<leads.count {
      let lo = Int(offsets[s]), hi = Int(offsets[s + 1])
      if hi - lo < 2 { continue }
      for i in (lo + 1)..<hi {
        let x = order[i]
        var j = i - 1
        while j >= lo, before(x, order[j]) {
          order[j + 1] = order[j]
          j -= 1
        }
        order[j + 1] = x
      }
    }
    self.leads = leads
    self.offsets = offsets
    self.order = order
    self.instants = instants
    self.days = instants.map { $0 == Int64.min ? ColumnReader.nullDay : Timestamps.day(of: $0) }
  }

  /// The positions in `order` of the touches of lead `id` on or before `day`
  /// (a prefix of the lead's run, since the run is in time order).
  func touches(of id: Int64, onOrBefore day: Int32) -> Range<Int> {
    let s = leads.slot(id)
    if s < 0 { return 0..<0 }
    let lo = Int(offsets[Int(s)])
    var hi = lo
    let end = Int(offsets[Int(s) + 1])
    while hi < end, days[Int(order[hi])] <= day { hi += 1 }
    return lo..<hi
  }
}
