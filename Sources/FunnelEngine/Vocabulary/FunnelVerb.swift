import FunnelData

/// `leads | funnel [steps s, ...] [by keys] [within N]`: how many leads reach
/// each step, one funnel per key combination (see `summary`).
///
/// Over six leads of which five reached mql, three of those sql and one of
/// those won, `leads | funnel steps mql, sql, won` gives:
/// ```
/// step  count  step_conversion  overall_conversion  drop_off  median_days
/// mql       5                1                   1         0
/// sql       3              0.6                 0.6         2   (median of sql_at - mql_at)
/// won       1             0.33                 0.2         2   (median of won_at - sql_at)
/// ```
/// A lead whose `stage` says it reached a step but whose date for it is null
/// still counts without a window; with a window it cannot be placed in time, so
/// it stops counting at that step.
public enum FunnelVerb {
  /// The rules in words (docs/metrics.md).
  public static let summary = """
    `leads | funnel [steps <s>, ...] [by <keys>] [within <duration>]` counts the leads
    at each step (default: lead, mql, sql, opportunity, won). A lead counts at a step
    only if it reached that step and every earlier listed step, and with `within N`
    only if each of those steps' dates is at most N days after its first listed
    step's date. A step's date is `created_at` for `lead`, else `<stage>_at`; a lead
    whose stage says it reached a step but whose date is null counts without a
    window and stops counting there with one. Columns: the keys, `step`, `count`,
    `step_conversion` (from the previous step, 1 on the first), `overall_conversion`
    (from the first step), `drop_off` and `median_days` (median days from the
    previous step's date, over the leads counted at the step). Over deals (rows
    with a deal_id, or steps that are deal stages) the steps are prospecting,
    qualification, proposal, negotiation, closed_won: a deal reached a step when its
    stage is that step or later; a closed_lost deal reached the steps up to its
    `lost_stage` (the stage it was lost in), so each stage's exits show. A lost deal
    with no lost_stage (null, or no such column) counts at prospecting only, and
    without the column a note under the result says so. median_days is null and
    `within` is refused.
    """

  /// The steps when none are listed.
  package static let defaultSteps: [LeadStage] = LeadStage.allCases

  /// nil when rows with these columns can make the funnel.
  public static func check(columns: [String], steps: [String]?) -> MetricProblem? {
    if DealFunnel.applies(columns: columns, steps: steps) { return DealFunnel.check(columns: columns, steps: steps) }
    let stages: [LeadStage]
    switch parse(steps) {
    case .failure(let p): return p
    case .success(let s): stages = s
    }
    for s in stages where !LeadStage.canTell(s, columns: columns) {
      return MetricProblem(
        message: "funnel needs stage or \(s.dateColumn) to tell which leads reached \(s.name)",
        hints: [
          "map it when loading: .load leads FILE map stage = <your column>",
          "or derive it: derive stage = ...",
        ])
    }
    return nil
  }

  /// The funnel table: key columns, then step, count, step_conversion,
  /// overall_conversion, drop_off, median_days.
  public static func run(
    leads: Table, steps: [String]?, keys: [(name: String, column: Column)], withinDays: Int64?
  ) throws -> Table {
    if DealFunnel.applies(columns: leads.names, steps: steps) {
      return try DealFunnel.run(deals: leads, steps: steps, keys: keys, withinDays: withinDays)
    }
    if let p = check(columns: leads.names, steps: steps) { throw p }
    let stages = try parse(steps).get()
    let ranks = try LeadStage.rankBlocks(leads)
    var days: [DayBlocks?] = []
    for s in stages {
      try Interruption.check()
      let d = try LeadStage.dayBlocks(s, in: leads)
      if withinDays != nil && d == nil {
        throw MetricProblem(
          message: "funnel within needs \(s.dateColumn) to place \(s.name) in time",
          hints: ["map it when loading: .load leads FILE map \(s.dateColumn) = <your column>"])
      }
      days.append(d)
    }
    try Interruption.check()
    let groups = try Grouping.byKeyOrder(keys.map(\.column), rows: leads.rowCount)
    try Interruption.check()
    let scan = LeadFunnelScan(ranks: ranks, days: days, stages: stages, withinDays: withinDays, groups: groups)
    let (counts, medians) = scan.run()
    try Interruption.check()
    return output(steps: stages.map(\.name), keys: keys, groups: groups, counts: counts, medians: medians)
  }

  static func output(
    steps: [String], keys: [(name: String, column: Column)], groups: Grouping, counts: [Int64],
    medians: [Double?]
  ) -> Table {
    let stepCount = steps.count
    let rows = groups.groupCount * stepCount
    var keyRows = [Int32]()
    var step = [Value](), count = [Value](), stepConversion = [Value](), overall = [Value](), dropOff = [Value]()
    var medianDays = [Value]()
    keyRows.reserveCapacity(rows)
    for g in 0..<groups.groupCount {
      let first = counts[g * stepCount]
      for j in 0..<stepCount {
        let c = counts[g * stepCount + j]
        keyRows.append(groups.firstRow[g])
        step.append(.string(steps[j]))
        count.append(.int(c))
        if j == 0 {
          stepConversion.append(.double(1))
          overall.append(.double(1))
          dropOff.append(.int(0))
          medianDays.append(.null)
        } else {
          let previous = counts[g * stepCount + j - 1]
          stepConversion.append(previous == 0 ? .null : .double(Double(c) / Double(previous)))
          overall.append(first == 0 ? .null : .double(Double(c) / Double(first)))
          dropOff.append(.int(previous - c))
          medianDays.append(medians[g * stepCount + j].map { .double($0) } ?? .null)
        }
      }
    }
    var names = keys.map(\.name)
    var columns = keys.map { $0.column.gather(keyRows) }
    names += ["step", "count", "step_conversion", "overall_conversion", "drop_off", "median_days"]
    columns += [
      Column.make(.string, step), Column.make(.int, count), Column.make(.double, stepConversion, hint: .rate),
      Column.make(.double, overall, hint: .rate), Column.make(.int, dropOff), Column.make(.double, medianDays),
    ]
    return Table(names: names, columns: columns)
  }

  /// The listed steps as stages, or the problem with the first unknown one.
  private static func parse(_ steps: [String]?) -> Result<[LeadStage], MetricProblem> {
    guard let steps = steps else { return .success(defaultSteps) }
    if steps.isEmpty { return .failure(MetricProblem(message: "funnel steps needs at least one step")) }
    var out: [LeadStage] = []
    for s in steps {
      guard let stage = LeadStage(name: s) else { return .failure(LeadStage.unknown(s, in: "funnel")) }
      out.append(stage)
    }
    return .success(out)
  }
}
