import FunnelData
import FunnelLanguage

/// The stages a lead moves through, in order: lead, mql, sql, opportunity, won
/// (`lost` is terminal and implies no stage but `lead`).
///
/// A lead reached a stage when its `stage` is that stage or a later one, or it has
/// a date for it (`mql_at`, `sql_at`, `opportunity_at`, `won_at`); every lead
/// reached `lead`, at `created_at`.
package enum LeadStage: Int, CaseIterable, Sendable {
  case lead = 0, mql, sql, opportunity, won

  /// `lead, mql, sql, opportunity, won`.
  static let names = allCases.map(\.name)

  package var name: String {
    switch self {
    case .lead: return "lead"
    case .mql: return "mql"
    case .sql: return "sql"
    case .opportunity: return "opportunity"
    case .won: return "won"
    }
  }

  package init?(name: String) {
    guard let s = LeadStage.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
    self = s
  }

  /// The column holding the day the stage was reached.
  package var dateColumn: String { self == .lead ? "created_at" : "\(name)_at" }

  /// Problem for a stage name that is none of the five.
  static func unknown(_ name: String, in subject: String) -> MetricProblem {
    var hints = ["the lead stages are \(names.joined(separator: ", "))"]
    if let near = names.nearest(to: name) { hints.insert("did you mean '\(near)'?", at: 0) }
    return MetricProblem(message: "\(subject): '\(name)' is not a lead stage", hints: hints)
  }

  /// Whether a table with these columns can tell when a lead reached the stage.
  static func canTell(_ stage: LeadStage, columns: [String]) -> Bool {
    stage == .lead || columns.contains("stage") || columns.contains(stage.dateColumn)
  }

  /// The rank of each row's `stage` (a lost lead, an unknown or a null stage rank 0).
  static func ranks(_ table: Table) throws -> [Int8]? {
    guard let column = table.column("stage") else { return nil }
    guard let ranks = column.classified(nullCode: 0, { Int8(LeadStage(name: $0)?.rawValue ?? 0) })
    else { throw MetricProblem(message: "the leads' stage must be text, not \(column.type.name)") }
    return ranks
  }

  /// `ranks` read a block of rows at a time (see `ClassBlocks`).
  static func rankBlocks(_ table: Table) throws -> ClassBlocks? {
    guard let column = table.column("stage") else { return nil }
    guard let ranks = ClassBlocks(column, nullClass: 0, { Int8(LeadStage(name: $0)?.rawValue ?? 0) }) else {
      throw MetricProblem(message: "the leads' stage must be text, not \(column.type.name)")
    }
    return ranks
  }

  /// `days` read a block of rows at a time (see `DayBlocks`).
  static func dayBlocks(_ stage: LeadStage, in table: Table) throws -> DayBlocks? {
    guard let column = table.column(stage.dateColumn) else { return nil }
    guard let days = DayBlocks(column) else {
      throw MetricProblem(message: "\(stage.dateColumn) must be a date, not \(column.type.name)")
    }
    return days
  }

  /// The day each row reached the stage, `Column.nullDay` where unknown;
  /// nil when the table has no date column for it.
  static func days(_ stage: LeadStage, in table: Table) throws -> [Int32]? {
    guard let column = table.column(stage.dateColumn) else { return nil }
    guard let days = column.days() else {
      throw MetricProblem(message: "\(stage.dateColumn) must be a date, not \(column.type.name)")
    }
    return days
  }

  /// Whether each row reached the stage, from `ranks` (may be nil) and `days` (may be nil).
  static func reached(_ stage: LeadStage, ranks: [Int8]?, days: [Int32]?, rows: Int) -> [Bool] {
    if stage == .lead { return [Bool](repeating: true, count: rows) }
    var out = [Bool](repeating: false, count: rows)
    let k = Int8(stage.rawValue)
    if let r = ranks { for i in 0..<rows where r[i] >= k { out[i] = true } }
    if let d = days { for i in 0..<rows where d[i] != Column.nullDay { out[i] = true } }
    return out
  }
}
