import FunnelData

/// The scalar functions of LANGUAGE.md §3 after binding. `if`, `coalesce`,
/// `today()` and `days_between` bind to other expression forms.
package enum ScalarFunction: Sendable {
  /// `year quarter month week day`: the bucket of a date.
  case period(PeriodUnit)
  /// `date("2026-01-31")`: text to a date (null when it does not read as one).
  case dateFromText
  case lower, upper, trim, length
  /// `text(x)`: any value as the text machine formats show (`2026-Q1`, `12.5`).
  case text
  /// `concat(a, b, ...)`: the texts of the arguments joined; nulls are skipped.
  case concat
  case contains, startsWith, endsWith
  /// `round(x, digits)`, half away from zero; decimals stay decimal.
  case round(digits: Int)
  case abs, floor, ceil
  /// `reached("sql")`: true when the first argument (the stage) is in `stages`,
  /// or any further argument (a `<stage>_at` date) is not null.
  case reached(stages: Set<String>)
  /// `reached("proposal")` over deals with a lost_stage: true when the first
  /// argument (the stage) is in `stages`, or it is closed_lost and the second
  /// (the lost_stage) is in `lostStages`.
  case dealReached(stages: Set<String>, lostStages: Set<String>)
  /// `days_in_stage()`'s lookup: the day the deal (first argument, its id)
  /// last changed into the stage (second argument, a lowercased, trimmed
  /// word) in `stage_changes`; null when it never did (see `StageEntries`).
  case stageEntered(StageEntries)

  /// Whether the result reads like the first argument (money rounded is money).
  package var keepsHint: Bool {
    switch self {
    case .round, .abs, .floor, .ceil: return true
    default: return false
    }
  }
}
