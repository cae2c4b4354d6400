import FunnelData
import FunnelEngine

extension SQLBuilder {
  /// The SQL of a vocabulary verb (`funnel`, `cohort`, `attribute`,
  /// `stage_durations`, `forecast`, `scorecard`): the CTEs of one verb, the last holding its output columns
  /// (`columns`) in the engine's row order. Throws where a verb or an option
  /// has no SQL in the dialect yet, never giving other rows than the engine.
  func vocabulary(_ input: SQLRelation?, _ plan: VocabularyPlan, columns: [String]) throws(SQLCompileError)
    -> SQLRelation
  {
    let stage = plan.text
    let out: SQLRelation
    switch plan {
    case .funnel(let steps, let keys, let withinDays, _):
      let rows = try rowsOf(input, stage: stage)
      if DealFunnel.applies(columns: rows.columns, steps: steps) {
        out = try dealFunnel(rows, steps: steps, keys: keys, stage: stage)
      } else {
        out = try leadFunnel(rows, steps: steps, keys: keys, withinDays: withinDays, stage: stage)
      }
    case .cohort(let period, let keys, let byMonths, _):
      out = try cohort(try rowsOf(input, stage: stage), period: period, keys: keys, byMonths: byMonths, stage: stage)
    case .attribute(let model, let basis, let keys, let reads, _):
      out = try attribute(
        try rowsOf(input, stage: stage), model: model, basis: basis, keys: keys, reads: reads, stage: stage)
    case .scorecard(let keys, let credit, let reads, _):
      out = try scorecard(keys: keys, credit: credit, reads: reads, stage: stage)
    case .stageDurations(let keys, let reads, _):
      out = try stageDurations(try rowsOf(input, stage: stage), keys: keys, reads: reads, stage: stage)
    case .forecast(let plan, let reads, _):
      out = try forecast(try rowsOf(input, stage: stage), plan: plan, reads: reads, stage: stage)
    }
    guard out.columns == columns else {
      throw SQLCompileError(
        "internal error: the SQL of `\(stage)` gives the columns \(out.columns.joined(separator: ", ")), "
          + "not \(columns.joined(separator: ", ")) (this is a bug)", stage: stage)
    }
    return out
  }

  private func rowsOf(_ input: SQLRelation?, stage: String) throws(SQLCompileError) -> SQLRelation {
    guard let input else {
      throw SQLCompileError("internal error: `\(stage)` has no input rows (this is a bug)", stage: stage)
    }
    return input
  }
}
