import FunnelData

/// Where an exercise's answer sits in a query's result.
///
/// The solution's result is read exactly as written here; a student's own
/// query is read leniently (`readLeniently`), since a student may name columns
/// differently or end with a single number.
public enum ExerciseAnswer: Sendable, Equatable {
  /// The cell at `row` (0-based) in `column`.
  case value(row: Int, column: String)
  /// The text in `column` on the first row: the solution sorts so that the answer comes first.
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
    switch self {
    case .rowCount:
      return AnswerValue(.int(Int64(table.rowCount)))
    case .value(let row, let name):
      return try cell(table, column: name, row: row)
    case .topLabel(let name):
      return try cell(table, column: name, row: 0)
    case .valueWhere(let key, let wanted, let name):
      guard let keys = table.column(key) else { throw LessonError("the result has no column '\(key)'") }
      guard let row = (0..<table.rowCount).first(where: { keys.value(at: $0).rawText == wanted }) else {
        throw LessonError("the result has no row where \(key) is \(wanted)")
      }
      return try cell(table, column: name, row: row)
    }
  }

  /// Reads the answer from a student's query: where this case says when the
  /// columns are there, else from a result of one cell, or of one row with one
  /// number, or of one text column.
  func readLeniently(from table: Table) throws -> AnswerValue {
    if let single = onlyCell(table) {
      if case .rowCount = self, single.number == nil { return AnswerValue(.int(Int64(table.rowCount))) }
      return single
    }
    switch self {
    case .rowCount:
      return AnswerValue(.int(Int64(table.rowCount)))
    case .value(_, let name), .valueWhere(_, _, let name):
      if table.column(name) != nil, let answer = try? read(from: table) { return answer }
      let numbers = table.columns.indices.filter { table.columns[$0].type.isNumeric }
      if table.rowCount == 1, numbers.count == 1 { return try cell(table, column: table.names[numbers[0]], row: 0) }
      throw LessonError(
        "I could not find the answer in your result: end the query with one number, or keep a column named \(name)")
    case .topLabel(let name):
      if table.column(name) != nil { return try read(from: table) }
      let texts = table.columns.indices.filter { table.columns[$0].type == .string }
      if texts.count == 1 { return try cell(table, column: table.names[texts[0]], row: 0) }
      throw LessonError(
        "I could not find the answer in your result: keep a column named \(name), with the answer on the first row")
    }
  }

  private func onlyCell(_ table: Table) -> AnswerValue? {
    guard table.rowCount == 1, table.columnCount == 1 else { return nil }
    return AnswerValue(table.columns[0].value(at: 0), hint: table.columns[0].hint)
  }

  private func cell(_ table: Table, column name: String, row: Int) throws -> AnswerValue {
    guard let column = table.column(name) else {
      throw LessonError("the result has no column '\(name)' (it has \(table.names.joined(separator: ", ")))")
    }
    guard row < table.rowCount else {
      throw LessonError("the result has \(table.rowCount) row\(table.rowCount == 1 ? "" : "s"), not the row asked for")
    }
    return AnswerValue(column.value(at: row), hint: column.hint)
  }
}
