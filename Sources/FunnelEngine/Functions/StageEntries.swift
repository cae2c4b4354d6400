import FunnelData
import Synchronization

/// When each deal last entered each stage, from `stage_changes` (deal_id,
/// stage, changed_at): the latest changed_at (its day) of the deal's changes
/// into the stage, stage words lowercased and trimmed; a change with no
/// deal_id, stage or changed_at is left out. The rows are read when the plan
/// first evaluates `days_in_stage()`, never while it binds. The SQL compiler
/// reads the same from the server's stage_changes (`dealId` and `changedAt`
/// are its columns' types).
package final class StageEntries: Sendable {
  package let dealId: DataType
  package let changedAt: DataType
  private let rows: @Sendable () -> Table?
  /// "deal id's text" + "\u{1F}" + stage word → day; built on first use.
  private let days = Mutex<[String: Int32]?>(nil)

  /// nil when `schema` lacks a column, its stage is not text or changed_at not a date or timestamp.
  package init?(schema: Table, rows: @escaping @Sendable () -> Table?) {
    guard let deal = schema.column("deal_id"), let stage = schema.column("stage"), stage.type == .string,
      let at = schema.column("changed_at"), at.type == .date || at.type == .timestamp
    else { return nil }
    dealId = deal.type
    changedAt = at.type
    self.rows = rows
  }

  private static func key(_ deal: String, _ word: String) -> String { deal + "\u{1F}" + word }

  private static func build(_ changes: Table?) -> [String: Int32] {
    guard let changes, let deal = changes.column("deal_id"), let stage = changes.column("stage"),
      let at = changes.column("changed_at"), let day = at.days()
    else { return [:] }
    var days: [String: Int32] = [:]
    for r in 0..<changes.rowCount where !deal.isNull(r) && !stage.isNull(r) && !at.isNull(r) {
      guard case .string(let word) = stage.value(at: r) else { continue }
      let key = Self.key(deal.value(at: r).rawText, word.lowercased().trimmingSpaces)
      days[key] = max(days[key] ?? day[r], day[r])
    }
    return days
  }

  /// The entered day of each row's deal (`deal`) and stage word (`stage`, already lowercased and trimmed).
  func days(deal: Column, stage: Column) -> Column {
    let lookup = days.withLock { cached in
      if let cached { return cached }
      let built = Self.build(rows())
      cached = built
      return built
    }
    var out = [Int32](repeating: 0, count: deal.count)
    var valid = Bitmap(count: deal.count, value: false)
    for r in 0..<deal.count where !deal.isNull(r) && !stage.isNull(r) {
      guard case .string(let word) = stage.value(at: r), let d = lookup[Self.key(deal.value(at: r).rawText, word)]
      else { continue }
      out[r] = d
      valid[r] = true
    }
    return Column(.date(out), validity: valid)
  }
}
