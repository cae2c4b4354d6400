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

  /// Every field of the column through `parse` into a typed array; nulls (and
  /// fields `parse` refuses) hold `zero` and clear their bit in `validity`.
  static func fill<T>(
    _ cursor: inout FieldCursor, rules: FieldRules, validity: inout Bitmap, zero: T,
    _ parse: (UnsafePointer<UInt8>, Int) -> T?
  ) -> [T] {
    let rows = cursor.view.rowCount
    return [T](unsafeUninitializedCapacity: rows) { out, done in
      for r in 0..<rows {
        let t = cursor.text(r)
        var value: T? = nil
        if !rules.isNull(t) { value = parse(t.baseAddress.unsafelyUnwrapped, t.count) }
        if let value {
          out.initializeElement(at: r, to: value)
        } else {
          out.initializeElement(at: r, to: zero)
          validity[r] = false
        }
      }
      done = rows
    }
  }

  func hint(for type: DataType) -> DisplayHint {
    guard case .decimal = type else { return .plain }
    let lower = name.lowercased()
    return ColumnBuilder.moneyWords.contains { lower.contains($0) } ? .money : .plain
  }
}
