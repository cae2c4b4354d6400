/// Why a metric or a verb cannot run over the rows it was given, with hints on
/// how to map the missing data. The binder turns it into a diagnostic with a span.
///
/// ```
/// cpl() needs spend: the rows are leads and no campaigns dataset is loaded
///   hint: load one: .load campaigns FILE map spend = <your column>
/// ```
public struct MetricProblem: Error, Equatable, Sendable {
  public var message: String
  public var hints: [String]

  public init(message: String, hints: [String] = []) {
    self.message = message
    self.hints = hints
  }

  /// `subject` needs `column`, which the standard dataset `dataset` lacks.
  static func missingColumn(_ column: String, in dataset: String, for subject: String, rowsAre: Bool)
    -> MetricProblem
  {
    let where_ =
      rowsAre
      ? "the rows are \(dataset) and have no column \(column)" : "the \(dataset) dataset has no column \(column)"
    var hints = [
      "map it when loading: .load \(dataset) FILE map \(column) = <your column>",
      "or derive it: let \(dataset) = \(dataset) | derive \(column) = ...",
    ]
    // A stage column is read by its values, so mapping the column alone is rarely enough.
    if column == "stage" && dataset == "deals" {
      hints.append("deals' stage reads closed_won and closed_lost; any other value is an open deal")
    } else if column.hasPrefix("stage") && dataset == "leads" {
      hints.append("leads' stage reads lead, mql, sql, opportunity, won and lost")
    }
    return MetricProblem(message: "\(subject) needs \(column): \(where_)", hints: hints)
  }

  /// `subject` needs the dataset `dataset`, which is not loaded.
  static func missingDataset(_ dataset: String, column: String, rows: String, for subject: String) -> MetricProblem {
    MetricProblem(
      message: "\(subject) needs \(column): the rows are \(rows) and no \(dataset) dataset is loaded",
      hints: ["load one: .load \(dataset) FILE map \(column) = <your column>"])
  }

  /// Text for an internal inconsistency the user can do nothing about.
  static func internalError(_ what: String) -> MetricProblem {
    MetricProblem(message: "internal error: \(what) (this is a bug)")
  }
}
