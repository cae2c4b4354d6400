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
      let codes = column.classified(
        nullCode: DealOutcome.open.rawValue,
        { text in
          switch text {
          case "closed_won": return DealOutcome.won.rawValue
          case "closed_lost": return DealOutcome.lost.rawValue
          default: return DealOutcome.open.rawValue
          }
        })
    else { throw MetricProblem(message: "the deals' stage must be text, not \(column.type.name)") }
    try requireStandardStages(column, codes: codes)
    return codes
  }

  static let standardStages: Set<String> = [
    "prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost",
  ]

  /// An export's own stage words (`Won`, `Lost`) would make every deal look
  /// open and every rate null without a word; when no deal is closed and some
  /// stage is none of the standard ones, say so and show the mapping.
  private static func requireStandardStages(_ column: Column, codes: [Int8]) throws {
    guard !codes.contains(where: { $0 != DealOutcome.open.rawValue }),
      case .string(let rowCodes, let dictionary) = column.data
    else { return }
    // Only the stages the rows hold: a filtered column keeps its whole dictionary.
    var present = [Bool](repeating: false, count: dictionary.count)
    for (row, code) in rowCodes.enumerated() where !column.isNull(row) { present[Int(code)] = true }
    let foreign = dictionary.values.indices.filter {
      present[$0] && !standardStages.contains(dictionary.values[$0].lowercased().trimmingSpaces)
    }.map { dictionary.values[$0] }
    guard let first = foreign.first else { return }
    let shown = foreign.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ")
    throw MetricProblem(
      message: "no deal has the stage closed_won or closed_lost; the stages here include \(shown)",
      hints: [
        "map them onto the standard stages: derive stage = case stage when \"\(first)\" then \"closed_won\" ... end",
        "the deal stages are prospecting, qualification, proposal, negotiation, closed_won, closed_lost",
      ])
  }
}
