/// Which groups each row of a table counts in, as offsets into a flat list (CSR):
/// row r counts in `groups[offsets[r]..<offsets[r + 1]]`, usually one group or none.
///
/// Rows of the input count in their own group; rows of another dataset count in
/// every group whose input rows hold their link id (a deal counts for a group of
/// leads when its `lead_id` is one of the group's leads), as `IN (...)` would.
struct Membership {
  var offsets: [Int32]
  var groups: [Int32]

  var rowCount: Int { offsets.count - 1 }

  /// Each row in its own group.
  static func direct(_ grouping: Grouping) -> Membership {
    Membership(offsets: (0...Int32(grouping.groupOfRow.count)).map { $0 }, groups: grouping.groupOfRow)
  }

  /// Rows of a target table in the groups of the input rows sharing their id.
  /// `sourceIds[i]` is input row i's id; `targetIds[r]` target row r's.
  static func linked(sourceIds: [Int64], grouping: Grouping, targetIds: [Int64]) -> Membership {
    let index = IdIndex(sourceIds)
    // Distinct (slot, group) pairs, grouped by slot with a counting sort.
    var slotCounts = [Int32](repeating: 0, count: index.count + 1)
    var slotOfRow = [Int32](repeating: -1, count: sourceIds.count)
    for i in 0..<sourceIds.count {
      let s = index.slot(sourceIds[i])
      slotOfRow[i] = s
      if s >= 0 { slotCounts[Int(s) + 1] += 1 }
    }
    for s in 0..<index.count { slotCounts[s + 1] += slotCounts[s] }
    var fill = slotCounts
    var pairGroups = [Int32](repeating: 0, count: Int(slotCounts[index.count]))
    for i in 0..<sourceIds.count where slotOfRow[i] >= 0 {
      let s = Int(slotOfRow[i])
      pairGroups[Int(fill[s])] = grouping.groupOfRow[i]
      fill[s] += 1
    }
    // Deduplicate each slot's groups (most slots hold one id of one group).
    var slotStart = [Int32](repeating: 0, count: index.count + 1)
    var distinct = [Int32]()
    distinct.reserveCapacity(index.count)
    for s in 0..<index.count {
      let lo = Int(slotCounts[s]), hi = Int(slotCounts[s + 1])
      if hi - lo == 1 {
        distinct.append(pairGroups[lo])
      } else if hi > lo {
        var seen = Array(pairGroups[lo..<hi])
        seen.sort()
        var last: Int32 = -1
        for g in seen where g != last {
          distinct.append(g)
          last = g
        }
      }
      slotStart[s + 1] = Int32(distinct.count)
    }
    var offsets = [Int32](repeating: 0, count: targetIds.count + 1)
    var groups = [Int32]()
    groups.reserveCapacity(targetIds.count)
    for r in 0..<targetIds.count {
      let s = index.slot(targetIds[r])
      if s >= 0 {
        for k in Int(slotStart[Int(s)])..<Int(slotStart[Int(s) + 1]) { groups.append(distinct[k]) }
      }
      offsets[r + 1] = Int32(groups.count)
    }
    return Membership(offsets: offsets, groups: groups)
  }

  /// Calls `body(row, group)` for each membership, in row order.
  @inline(__always) func forEach(_ body: (Int, Int) -> Void) {
    offsets.withUnsafeBufferPointer { o in
      groups.withUnsafeBufferPointer { g in
        for r in 0..<(o.count - 1) {
          var k = Int(o[r])
          let end = Int(o[r + 1])
          while k < end {
            // A negative group marks a row outside every group.
            if g[k] >= 0 { body(r, Int(g[k])) }
            k += 1
          }
        }
      }
    }
  }
}
