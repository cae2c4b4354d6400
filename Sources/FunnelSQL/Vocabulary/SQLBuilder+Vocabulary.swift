import FunnelData
import FunnelEngine

extension SQLBuilder {
  /// The SQL of a vocabulary verb (`funnel`, `cohort`, `attribute`, `scorecard`).
  func vocabulary(_ input: SQLRelation?, _ plan: VocabularyPlan, columns: [String]) throws(SQLCompileError)
    -> SQLRelation
  {
    throw SQLCompileError("\(dialect.rawValue) SQL for `\(plan.text)` is not written yet", stage: plan.text)
  }
}
