import FunnelData

/// `deals | funnel [steps ...] [by keys]`: the funnel over deal stages
/// (prospecting, qualification, proposal, negotiation, closed_won), for rows
/// that are deals rather than leads.
///
/// A deal reached a step when its `stage` is that step or a later one. A
/// closed_lost deal's last stage before it was lost is not recorded, so it
/// counts at the first step only (the same rule as `reached()` on deals).
/// Deals carry no date per stage, so `median_days` is null and `within` is refused.
enum DealFunnel {
  static let stages = ["prospecting", "qualification", "proposal", "negotiation", "closed_won"]

  /// True when the funnel should walk deal stages: the steps named are deal
  /// stages, or none are named and the rows are deals (a `deal_id`, no lead dates).
  static func applies(columns: [String], steps: [String]?) -> Bool {
    if let steps, !steps.isEmpty { return steps.allSatisfy { stages.contains($0.lowercased()) } }
    return columns.contains("deal_id") && !columns.contains("mql_at")
  }

  static func check(columns: [String], steps: [String]?) -> MetricProblem? {
    guard columns.contains("stage") else {
      return MetricProblem(
        message: "funnel over deals needs a stage column",
        hints: ["map it when loading: .load deals FILE map stage = <your column>"])
    }
    return nil
  }

  static func run(deals: Table, steps: [String]?, keys: [(name: String, column: Column)], withinDays: Int64?)
    throws -> Table
  {
    if let p = check(columns: deals.names, steps: steps) { throw p }
    if withinDays != nil {
      throw MetricProblem(
        message: "funnel within needs the day each stage was reached, and deals have none",
        hints: ["run the funnel over leads, which have mql_at, sql_at, opportunity_at and won_at"])
    }
    let names = (steps ?? stages).map { $0.lowercased() }
    let rankOfStep = names.map { stages.firstIndex(of: $0) ?? 0 }
    guard let column = deals.column("stage"),
      let ranks = ClassBlocks(
        column, nullClass: -1,
        { text -> Int8 in
          let t = text.lowercased()
          if t == "closed_lost" { return 0 }
          return Int8(stages.firstIndex(of: t) ?? -1)
        })
    else { throw MetricProblem(message: "the deals' stage must be text") }
    try Interruption.check()
    let groups = try Grouping.byKeyOrder(keys.map(\.column), rows: deals.rowCount)
    try Interruption.check()
    let counts = stepCounts(ranks, steps: rankOfStep.map { Int8($0) }, groups: groups)
    try Interruption.check()
    let medians = [Double?](repeating: nil, count: counts.count)
    return FunnelVerb.output(steps: names, keys: keys, groups: groups, counts: counts, medians: medians)
  }

  /// The count of each group at each step (`[g * steps.count + j]`): a deal
  /// counts at the steps before the first whose rank its stage has not reached.
  /// Each range of rows counts how many deals of a group stop at each depth.
  private static func stepCounts(_ ranks: ClassBlocks, steps: [Int8], groups: Grouping) -> [Int64] {
    let stepCount = steps.count, groupCount = groups.groupCount
    let depthSlots = groupCount * (stepCount + 1)
    let partials = RowChunks.map(groups.groupOfRow.count) { range -> [Int] in
      var depth = [Int](repeating: 0, count: depthSlots)
      let rank = UnsafeMutablePointer<Int8>.allocate(capacity: RowChunks.blockSize)
      defer { rank.deallocate() }
      depth.withUnsafeMutableBufferPointer { buffer in
        let depth = buffer
        groups.groupOfRow.withUnsafeBufferPointer { groupOf in
          RowChunks.blocks(of: range) { b in
            ranks.fill(b, into: rank)
            for i in 0..<b.count {
              var reached = 0
              while reached < stepCount, rank[i] >= steps[reached] { reached += 1 }
              depth[Int(groupOf[b.lowerBound + i]) * (stepCount + 1) + reached] += 1
            }
          }
        }
      }
      return depth
    }
    var counts = [Int64](repeating: 0, count: groupCount * stepCount)
    for depth in partials {
      for g in 0..<groupCount {
        var atLeast = 0
        for j in stride(from: stepCount - 1, through: 0, by: -1) {
          atLeast += depth[g * (stepCount + 1) + j + 1]
          counts[g * stepCount + j] += Int64(atLeast)
        }
      }
    }
    return counts
  }
}
