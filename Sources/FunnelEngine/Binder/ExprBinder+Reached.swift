import FunnelData
import FunnelLanguage

/// `reached("<stage>")`: whether a lead or deal got to a stage.
///
/// Leads (stages lead, mql, sql, opportunity, won): the stage column is that
/// stage or a later one, or the row has a date for it or a later stage
/// (`sql_at`, `opportunity_at`, `won_at`), which is how a lost lead counts
/// for the stages it went through. Every lead reached `lead`.
///
/// Deals (prospecting, qualification, proposal, negotiation, closed_won): the
/// stage is that one or later. A closed_lost deal reached the stages up to its
/// `lost_stage` (the stage it was lost in), as the deal funnel counts it; with
/// no lost_stage it counts as having reached `prospecting` and `closed_lost` only.
extension ExprBinder {
  static let leadStages = ["lead", "mql", "sql", "opportunity", "won"]
  static let dealStages = ["prospecting", "qualification", "proposal", "negotiation", "closed_won"]

  func reached(_ arg: Expr) throws -> BoundExpr {
    guard case .literal(.string(let target)) = arg.kind else {
      throw Diagnostic(message: "'reached' needs a stage name in quotes", span: arg.span, hints: ["reached(\"sql\")"])
    }
    // After `agg` (outside an aggregate) the rows are groups, with no stage of their own.
    if aggregation != nil {
      throw Diagnostic(
        message: "reached(\"\(target)\") reads each row's stage, so it must be inside an aggregate", span: arg.span,
        hints: [
          "count_if(reached(\"\(target)\")) counts the rows that reached it; share(reached(\"\(target)\")) gives their fraction"
        ])
    }
    let stageIndex = scope.index(of: "stage")
    guard let si = stageIndex, scope.types[si] == .string else {
      throw Diagnostic(
        message: "'reached' needs a text column 'stage' in \(scope.label)", span: arg.span,
        hints: ["it works on leads and deals rows"])
    }
    let stage = scope.reference(si)
    var stages: [String]
    var dateColumns: [String] = []
    if let k = Self.leadStages.firstIndex(of: target) {
      if k == 0 { return .constant(.bool(true), .bool) }
      stages = Array(Self.leadStages[k...])
      dateColumns = stages.map { $0 + "_at" }
    } else if target == "lost" {
      stages = ["lost"]
      dateColumns = ["lost_at"]
    } else if let k = Self.dealStages.firstIndex(of: target) {
      stages = Array(Self.dealStages[k...])
      if k == 0 { stages.append("closed_lost") }
      // Lost at this stage or a later open one: it got here before it was lost.
      if k > 0, k < 4, let li = scope.index(of: "lost_stage"), scope.types[li] == .string {
        let lostStages = Set(Self.dealStages[k..<4])
        return .call(.dealReached(stages: Set(stages), lostStages: lostStages), [stage, scope.reference(li)], .bool)
      }
    } else if target == "closed_lost" {
      stages = ["closed_lost"]
    } else {
      var d = Diagnostic(
        message: "unknown stage '\(target)'", span: arg.span,
        hints: [
          "lead stages: \(Self.leadStages.joined(separator: ", ")), lost",
          "deal stages: \(Self.dealStages.joined(separator: ", ")), closed_lost",
        ])
      d.suggest(target, among: Self.leadStages + ["lost"] + Self.dealStages + ["closed_lost"])
      throw d
    }
    let dates = dateColumns.compactMap { name -> BoundExpr? in
      guard let i = scope.index(of: name) else { return nil }
      return scope.reference(i)
    }
    return .call(.reached(stages: Set(stages)), [stage] + dates, .bool)
  }
}
