import FunnelData

/// Finds the rows of each standard dataset a metric needs: the input rows
/// themselves when they are that dataset, else the session's dataset of that name
/// reached through the link column (`lead_id`, `campaign_id`).
enum MetricSources {
  /// The rows of one dataset for one call, and the groups each row counts in.
  struct Reach {
    let table: Table
    let membership: Membership
  }

  /// What is missing for `need`'s columns of `dataset`, or nil when nothing is.
  static func problem(
    _ dataset: StandardDataset, columns needed: [String], stages: [LeadStage], subject: String,
    rowsAre: StandardDataset, inputColumns: [String], context: MetricContext
  ) -> MetricProblem? {
    func lacking(_ columns: [String]) -> String? {
      if let c = needed.first(where: { !columns.contains($0) }) { return c }
      if let s = stages.first(where: { !LeadStage.canTell($0, columns: columns) }) {
        return "stage (or \(s.dateColumn))"
      }
      return nil
    }
    if dataset == rowsAre {
      guard let c = lacking(inputColumns) else { return nil }
      return .missingColumn(c, in: dataset.rawValue, for: subject, rowsAre: true)
    }
    let what = needed.first ?? stages.first.map { $0 == .lead ? "lead_id" : "stage" } ?? dataset.rawValue
    guard let link = rowsAre.link(to: dataset) else {
      return MetricProblem(message: "\(subject) needs \(dataset.rawValue), which \(rowsAre.rawValue) do not reach")
    }
    guard inputColumns.contains(link) else {
      return MetricProblem(
        message:
          "\(subject) needs \(what): the rows are \(rowsAre.rawValue) and have no \(link) to reach \(dataset.rawValue)",
        hints: ["keep \(link) in the rows, or start from \(dataset.rawValue)"])
    }
    guard let table = context.dataset(dataset.rawValue) else {
      return .missingDataset(dataset.rawValue, column: what, rows: rowsAre.rawValue, for: subject)
    }
    if !table.names.contains(link) { return .missingColumn(link, in: dataset.rawValue, for: subject, rowsAre: false) }
    guard let c = lacking(table.names) else { return nil }
    return .missingColumn(c, in: dataset.rawValue, for: subject, rowsAre: false)
  }

  /// The rows of `dataset` for the call; `problem` must have returned nil.
  static func reach(
    _ dataset: StandardDataset, rowsAre: StandardDataset, input: Table, grouping: Grouping, context: MetricContext
  ) throws -> Reach {
    if dataset == rowsAre { return Reach(table: input, membership: .direct(grouping)) }
    guard let link = rowsAre.link(to: dataset), let source = input.column(link),
      let table = context.dataset(dataset.rawValue), let target = table.column(link)
    else { throw MetricProblem.internalError("\(dataset.rawValue) checked but not reachable") }
    guard let (sourceIds, targetIds) = Column.linkKeys(source, target) else {
      throw MetricProblem(
        message: "\(link) must be int or text on both sides, not \(source.type.name) and \(target.type.name)")
    }
    return Reach(
      table: table, membership: .linked(sourceIds: sourceIds, grouping: grouping, targetIds: targetIds))
  }

  /// The first problem among all of `needs`, or nil.
  static func problem(
    _ needs: MetricNeeds, subject: String, rowsAre: StandardDataset?, inputColumns: [String],
    context: MetricContext
  ) -> MetricProblem? {
    guard let rowsAre = rowsAre else {
      return MetricProblem(
        message: "\(subject) cannot tell which standard dataset the rows are",
        hints: ["start from campaigns, leads, touches or deals, or keep their id column (deal_id, lead_id, ...)"])
    }
    if let c = needs.campaigns,
      let p = problem(
        .campaigns, columns: c, stages: [], subject: subject, rowsAre: rowsAre,
        inputColumns: inputColumns, context: context)
    {
      return p
    }
    if let s = needs.leadStages,
      let p = problem(
        .leads, columns: [], stages: s, subject: subject, rowsAre: rowsAre,
        inputColumns: inputColumns, context: context)
    {
      return p
    }
    if let d = needs.deals,
      let p = problem(
        .deals, columns: d, stages: [], subject: subject, rowsAre: rowsAre,
        inputColumns: inputColumns, context: context)
    {
      return p
    }
    if needs.response {
      if let p = problem(
        .leads, columns: ["lead_id", "created_at"], stages: [], subject: subject, rowsAre: rowsAre,
        inputColumns: inputColumns, context: context)
      {
        return p
      }
      guard let touches = context.dataset("touches") else {
        return .missingDataset("touches", column: "touched_at", rows: rowsAre.rawValue, for: subject)
      }
      for c in ["lead_id", "touched_at", "kind"] where !touches.names.contains(c) {
        return .missingColumn(c, in: "touches", for: subject, rowsAre: false)
      }
    }
    if needs.touches {
      guard let touches = context.dataset("touches") else {
        return .missingDataset("touches", column: "touched_at", rows: rowsAre.rawValue, for: subject)
      }
      for c in ["lead_id", "touched_at"] where !touches.names.contains(c) {
        return .missingColumn(c, in: "touches", for: subject, rowsAre: false)
      }
    }
    return nil
  }
}
