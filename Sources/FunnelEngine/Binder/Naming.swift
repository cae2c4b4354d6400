import FunnelLanguage

/// The names the binder gives unnamed outputs (LANGUAGE.md §2):
/// `agg sum(amount)` → `sum_amount`, `count()` → `count`, `win_rate()` →
/// `win_rate`; `by month(created_at)` → `month`; a bare column keeps its name;
/// anything else is `expr`.
enum Naming {
  /// Aggregates whose name takes the column they read: `sum_amount`, `count_lead_id`.
  static let suffixed: Set<String> = [
    "sum", "avg", "min", "max", "median", "count", "count_distinct", "stddev", "percentile",
  ]

  static func aggregateName(_ e: Expr) -> String {
    if case .call(let id, let args) = e.kind {
      if suffixed.contains(id.text), let first = args.first, case .column(let col) = first.kind {
        return id.text + "_" + identifierSafe(col.text)
      }
      return id.text
    }
    return name(e)
  }

  /// `emp.var.rate` → `emp_var_rate`: a made-up name must be usable bare,
  /// without backquotes, in the stages after it.
  static func identifierSafe(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
  }

  static func name(_ e: Expr) -> String {
    switch e.kind {
    case .column(let id): return id.text
    case .call(let id, _), .window(let id, _, _): return id.text
    default: return "expr"
    }
  }
}
