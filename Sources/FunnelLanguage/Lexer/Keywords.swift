/// The words the language gives a meaning of its own.
///
/// Reserved words can never be bare names (write `` `and` `` instead): they
/// build expressions, so a name in their place could be read two ways.
/// Contextual words (`by`, `on`, `vs`, `steps`, `metric` ...) are keywords
/// only where the grammar expects them, after an expression or at the start
/// of a clause, and names everywhere else: `compare ... | select metric`,
/// `derive within = 1`. Stage words are only special right after `|`, so
/// `count` is still a function and `month` still a column elsewhere.
public enum Keywords {
  /// The stage keywords, in the order help lists them.
  public static let stages: [String] = [
    "where", "filter", "select", "derive", "drop", "rename", "agg", "count", "sort", "take", "top",
    "distinct", "join", "funnel", "attribute", "cohort", "stage_durations", "forecast", "pacing", "compare", "chart",
    "save",
  ]

  /// Words that are never a bare name: the operators, `case`, and the literals.
  public static let reserved: Set<String> = [
    "and", "or", "not", "in", "between", "case", "when", "then", "else", "end", "true", "false", "null",
  ]

  /// Words that are keywords only where the grammar needs them, names elsewhere.
  public static let contextual: Set<String> = [
    "by", "on", "vs", "asc", "desc", "steps", "within", "let", "metric", "left", "over",
  ]

  /// A reserved or a contextual keyword.
  public static func isKeyword(_ word: String) -> Bool {
    reserved.contains(word) || contextual.contains(word)
  }

  /// The pipeline source that is not a dataset (`scorecard [by <keys>]`).
  public static let scorecard = "scorecard"

  /// The chart kinds `chart` accepts before its columns.
  public static let chartKinds: [String] = ["bar", "line"]

  /// The attribution models of `attribute` (LANGUAGE.md §4), for hints.
  public static let attributionModels: [String] = [
    "first_touch", "last_touch", "linear", "time_decay", "u_shaped", "w_shaped", "full_path", "j_shaped", "inverse_j",
    "compare",
  ]
}
