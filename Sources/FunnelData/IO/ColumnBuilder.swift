/// Turns one column of a `FieldGrid` into a typed `Column`: `ColumnAccumulator`
/// infers the type over every row, keeping what it parsed, and the rare column
/// it cannot keep takes a second pass through `ColumnAppender`.
struct ColumnBuilder {
  let name: String
  let rules: FieldRules

  /// Words that mark a decimal column as money.
  static let moneyWords = ["amount", "spend", "budget", "revenue", "price", "value", "cost"]

  /// The column with the type inferred over all of the cursor's rows.
  func inferred(_ cursor: inout FieldCursor) -> Column {
    var accumulator = ColumnAccumulator(builder: self)
    accumulator.reserveCapacity(cursor.view.rowCount)
    accumulator.add(&cursor)
    return accumulator.finish() ?? convert(&cursor, to: accumulator.type)
  }

  /// Converts fields already known to fit `type` (nulls aside).
  func convert(_ cursor: inout FieldCursor, to type: DataType) -> Column {
    var appender = ColumnAppender(type: type, rules: rules)
    appender.reserveCapacity(cursor.view.rowCount)
    appender.append(&cursor)
    return appender.column(hint: hint(for: type))
  }

  func hint(for type: DataType) -> DisplayHint {
    guard case .decimal = type else { return .plain }
    let lower = name.lowercased()
    return ColumnBuilder.moneyWords.contains { lower.contains($0) } ? .money : .plain
  }
}
