/// The words the language gives a meaning of its own.
///
/// Reserved words can never be bare column names (write `` `by` `` instead);
/// stage words are only special right after `|`, so `count` is still a
/// function and `month` still a column or a function elsewhere.
public enum Keywords {
  /// The stage keywords, in the order help lists them.
  public static let stages: [String] = [
    "where", "filter", "select", "derive", "drop", "rename", "agg", "count", "sort", "take", "top",
    "distinct", "join", "funnel", "attribute", "cohort", "compare", "chart", "save",
  ]

  /// Words that are never a bare name.
  public static let reserved: Set<String> = [
    "and", "or", "not", "in", "between", "case", "when", "then", "else", "end", "by", "on", "vs",
    "asc", "desc", "steps", "within", "let", "metric", "true", "false", "null", "left",
  ]

  /// The pipeline source that is not a dataset (`scorecard [by <keys>]`).
  public static let scorecard = "scorecard"

  /// The chart kinds `chart` accepts before its columns.
  public static let chartKinds: [String] = ["bar", "line"]

  /// The attribution models of `attribute` (LANGUAGE.md §4), for hints.
  public static let attributionModels: [String] = [
    "first_touch", "last_touch", "linear", "u_shaped", "w_shaped", "time_decay", "compare",
  ]
}
