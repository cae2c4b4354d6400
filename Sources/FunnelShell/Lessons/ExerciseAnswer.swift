import FunnelData

/// Where an exercise's answer sits in the result of its solution.
///
/// The solution's result is read exactly as written here. A student's own
/// query is judged against the whole of that result, not read the same way
/// (see `ExerciseCheck`): a student may name and order columns differently.
public enum ExerciseAnswer: Sendable, Equatable {
  /// The cell at `row` (0-based) in `column`.
  case value(row: Int, column: String)
  /// The text in `column` on the first row: the solution sorts so that the
  /// answer comes first, and the question is about that ranking.
  case topLabel(column: String)
  /// The cell in `column` on the row whose `key` column shows `equals` (as in the step `won` of a funnel).
  case valueWhere(key: String, equals: String, column: String)
  /// How many rows the result has.
  case rowCount
}

/// One answer read from a result: the cell and how it is meant to be shown.
public struct AnswerValue: Equatable, Sendable {
  public let value: Value
  public let hint: DisplayHint

  public init(_ value: Value, hint: DisplayHint = .plain) {
    self.value = value
    self.hint = hint
  }

  /// The number, when the answer is one.
  public var number: Double? { value.doubleValue }
}

extension ExerciseAnswer {
  /// Reads the answer from the solution's result, exactly where this case says.
  public func read(from table: Table) throws -> AnswerValue {
    guard let name = column else { return AnswerValue(.int(Int64(table.rowCount))) }
    guard let column = table.column(name) else {
      throw LessonError("the result has no column '\(name)' (it has \(table.names.joined(separator: ", ")))")
    }
    return AnswerValue(column.value(at: try row(in: table)), hint: column.hint)
  }

  /// The column the answer is read from; nil for a row count.
  var column: String? {
    switch self {
    case .value(_, let name), .topLabel(let name), .valueWhere(_, _, let name): return name
    case .rowCount: return nil
    }
  }

  /// The row of `table` the answer is on; 0 for a row count.
  func row(in table: Table) throws -> Int {
    switch self {
    case .rowCount:
      return 0
    case .value(let row, _):
      guard row < table.rowCount else {
        throw LessonError(
          "the result has \(table.rowCount) row\(table.rowCount == 1 ? "" : "s"), not the row asked for")
      }
      return row
    case .topLabel:
      guard table.rowCount > 0 else { throw LessonError("the result has no rows") }
      return 0
    case .valueWhere(let key, let wanted, _):
      guard let keys = table.column(key) else { throw LessonError("the result has no column '\(key)'") }
      guard let row = (0..<table.rowCount).first(where: { keys.value(at: $0).rawText == wanted }) else {
        throw LessonError("the result has no row where \(key) is \(wanted)")
      }
      return row
    }
  }
}
