import FunnelData

/// What `stage_durations` counts per key group and stage, visit by visit
/// (deals' visits come from `stage_changes`, leads' from their stage dates):
/// the visits entered, those exited with their whole days, and the open ones
/// with their age today.
struct StageVisitTally {
  let stages: [String]
  let groups: Grouping
  let today: Int32
  private var entered: [Int64], exited: [Int64], open: [Int64]
  private var sums: [Double]
  private var durations: GroupedMedian, ages: GroupedMedian

  init(groups: Grouping, stages: [String], today: Int32) {
    self.stages = stages
    self.groups = groups
    self.today = today
    let cells = groups.groupCount * stages.count
    entered = [Int64](repeating: 0, count: cells)
    exited = entered
    open = entered
    sums = [Double](repeating: 0, count: cells)
    durations = GroupedMedian(groupCount: cells)
    ages = GroupedMedian(groupCount: cells)
  }

  /// A visit of row `row`'s group to stage `stage` (an index into `stages`)
  /// from `day` until `next`, the day of the following change
  /// (`Column.nullDay` when there is none: the visit is still going).
  mutating func add(row: Int, stage: Int, day: Int32, next: Int32) {
    let cell = Int(groups.groupOfRow[row]) * stages.count + stage
    entered[cell] += 1
    if next == Column.nullDay {
      open[cell] += 1
      ages.add(Int64(today) - Int64(day), group: cell)
    } else {
      exited[cell] += 1
      let d = Int64(next) - Int64(day)
      sums[cell] += Double(d)
      durations.add(d, group: cell)
    }
  }

  /// The keys, then `StageDurationsVerb.columns`: a row per key group and
  /// stage, in key order then stage order.
  func table(keys: [(name: String, column: Column)]) -> Table {
    let cells = entered.count, n = stages.count
    let repeated = (0..<cells).map { Int32($0 / n) }
    var columns = groups.keyColumns(keys.map(\.column)).map { $0.gather(repeated) }
    let stageCodes = (0..<cells).map { Int32($0 % n) }
    columns.append(Column(.string(codes: stageCodes, dictionary: StringDictionary(stages))))
    columns.append(Column(.int(entered)))
    columns.append(Column(.int(exited)))
    let means = (0..<cells).map { exited[$0] > 0 ? sums[$0] / Double(exited[$0]) : nil }
    columns.append(MetricEvaluator.column(means, hint: .plain))
    columns.append(MetricEvaluator.column(durations.medians(), hint: .plain))
    columns.append(Column(.int(open)))
    columns.append(MetricEvaluator.column(ages.medians(), hint: .plain))
    return Table(names: keys.map(\.name) + StageDurationsVerb.columns.map(\.name), columns: columns)
  }
}
