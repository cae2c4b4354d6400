import FunnelData

/// Where a deal stands: open (any stage before a close), won or lost.
enum DealOutcome: Int8, Sendable {
  case open = 0, won, lost

  /// Reads each row's `stage`: `closed_won` is won, `closed_lost` lost (case and
  /// surrounding spaces aside), anything
  /// else (prospecting ... negotiation, or null) open.
  static func of(_ table: Table) throws -> [Int8]? {
    guard let column = table.column("stage") else { return nil }
    guard
      let codes = ColumnReader.classify(
        column, nullCode: DealOutcome.open.rawValue,
        { text in
          switch text {
          case "closed_won": return DealOutcome.won.rawValue
          case "closed_lost": return DealOutcome.lost.rawValue
          default: return DealOutcome.open.rawValue
          }
        })
    else { throw MetricProblem(message: "the deals' stage must be text, not \(column.type.name)") }
    return codes
  }
}
