import FunnelData

/// `deals | funnel [steps ...] [by keys]`: the funnel over deal stages
/// (prospecting, qualification, proposal, negotiation, closed_won), for rows
/// that are deals rather than leads.
///
/// A deal reached a step when its `stage` is that step or a later one. A
/// closed_lost deal reached the steps up to its `lost_stage`, the stage it was
/// in when it was lost: one lost at proposal reached prospecting,
/// qualification and proposal, and is among the exits of proposal. Without a
/// `lost_stage` (no column, or null) a lost deal counts at prospecting only,
/// as `reached()` on deals counts it, and `note` says so. Deals carry no date
/// per stage, so `median_days` is null and `within` is refused.
///
/// Over a won deal, a deal open at proposal, and deals lost at qualification
/// and at negotiation, `deals | funnel` gives counts 4, 4, 3, 2, 1.
package enum DealFunnel {
  package static let stages = ["prospecting", "qualification", "proposal", "negotiation", "closed_won"]
  /// The class a closed_lost stage reads as before its lost_stage is looked up.
  private static let lostClass: Int8 = -2

  /// What a reader of the funnel must know that the table does not show, or
  /// nil: without a lost_stage column every lost deal counts at prospecting only.
  static func note(columns: [String], steps: [String]?) -> String? {
    guard applies(columns: columns, steps: steps), !columns.contains("lost_stage") else { return nil }
    return "the deals have no lost_stage column, so each closed_lost deal counts as reaching prospecting only"
  }

  /// True when the funnel should walk deal stages: the steps named are deal
  /// stages, or none are named and the rows are deals (a `deal_id`, no lead dates).
  package static func applies(columns: [String], steps: [String]?) -> Bool {
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
          if t == "closed_lost" { return lostClass }
          return Int8(stages.firstIndex(of: t) ?? -1)
        })
    else { throw MetricProblem(message: "the deals' stage must be text") }
    let lostRanks = try lostStageRanks(deals)
    try Interruption.check()
    let groups = try Grouping.byKeyOrder(keys.map(\.column), rows: deals.rowCount)
    try Interruption.check()
    let counts = stepCounts(ranks, lost: lostRanks, steps: rankOfStep.map { Int8($0) }, groups: groups)
    try Interruption.check()
    let medians = [Double?](repeating: nil, count: counts.count)
    return FunnelVerb.output(steps: names, keys: keys, groups: groups, counts: counts, medians: medians)
  }

  /// The rank each row's lost_stage names among the open stages (prospecting
  /// 0 ... negotiation 3); 0 when null or another word, or with no such
  /// column (nil). A column of nulls only is no column; of numbers, an error.
  private static func lostStageRanks(_ deals: Table) throws -> ClassBlocks? {
    guard let column = deals.column("lost_stage"), column.nullCount < column.count else { return nil }
    let open = stages.dropLast()
    guard
      let ranks = ClassBlocks(column, nullClass: 0, { text in Int8(open.firstIndex(of: text.lowercased()) ?? 0) })
    else { throw MetricProblem(message: "the deals' lost_stage must be text, not \(column.type.name)") }
    return ranks
  }

  /// The count of each group at each step (`[g * steps.count + j]`): a deal
  /// counts at the steps before the first whose rank its stage (for a lost
  /// deal, its lost stage) has not reached. Each range of rows counts how many
  /// deals of a group stop at each depth.
  private static func stepCounts(_ ranks: ClassBlocks, lost: ClassBlocks?, steps: [Int8], groups: Grouping)
    -> [Int64]
  {
    let stepCount = steps.count, groupCount = groups.groupCount
    let depthSlots = groupCount * (stepCount + 1)
    let partials = RowChunks.map(groups.groupOfRow.count) { range -> [Int] in
      var depth = [Int](repeating: 0, count: depthSlots)
      let rank = UnsafeMutablePointer<Int8>.allocate(capacity: RowChunks.blockSize)
      let lostRank = UnsafeMutablePointer<Int8>.allocate(capacity: RowChunks.blockSize)
      defer {
        rank.deallocate()
        lostRank.deallocate()
      }
      depth.withUnsafeMutableBufferPointer { buffer in
        let depth = buffer
        groups.groupOfRow.withUnsafeBufferPointer { groupOf in
          RowChunks.blocks(of: range) { b in
            ranks.fill(b, into: rank)
            if let lost {
              lost.fill(b, into: lostRank)
              for i in 0..<b.count where rank[i] == lostClass { rank[i] = lostRank[i] }
            } else {
              for i in 0..<b.count where rank[i] == lostClass { rank[i] = 0 }
            }
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
