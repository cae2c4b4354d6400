/// Converts a column to the type `ReadOptions.types` forces on it. Numbers may
/// carry currency symbols, thousands separators and a trailing `%`; any value
/// that does not fit is an error naming the file, line, column and value.
struct ForcedColumn {
  let builder: ColumnBuilder
  let grid: FieldGrid
  let column: Int
  let path: String

  func build(_ cursor: inout FieldCursor, as forced: ForcedType) throws -> Column {
    let rules = builder.rules
    switch forced {
    case .text: return builder.convert(&cursor, to: .string)
    case .int:
      try check(&cursor, "an int") { p, n in
        guard let x = lenient(p, n), let u = x.units, x.scale <= 18 else { return false }
        return u % Decimal64.intPowersOfTen[x.scale] == 0
      }
      return make(&cursor, Int64(0), as: { .int($0) }) { p, n in
        lenient(p, n).flatMap { x in x.units.map { $0 / Decimal64.intPowersOfTen[x.scale] } }
      }
    case .double:
      try check(&cursor, "a number") { p, n in LenientNumber.double(p, n, rules) != nil }
      return make(&cursor, 0.0, as: { .double($0) }) { p, n in LenientNumber.double(p, n, rules) }
    case .decimal:
      var scale = 0
      try check(&cursor, "a decimal") { p, n in
        guard let x = lenient(p, n), x.units != nil, x.scale <= 18 else { return false }
        scale = max(scale, x.scale)
        return true
      }
      let s = scale
      try check(&cursor, "a decimal(\(s)) that fits 64 bits") { p, n in
        guard let x = lenient(p, n), let u = x.units else { return false }
        return !u.multipliedReportingOverflow(by: Decimal64.intPowersOfTen[s - x.scale]).overflow
      }
      var column = make(&cursor, Int64(0), as: { .decimal($0, scale: s) }) { p, n in
        lenient(p, n).flatMap { x in x.units.map { $0 * Decimal64.intPowersOfTen[s - x.scale] } }
      }
      column.hint = builder.hint(for: .decimal(scale: s))
      return column
    case .date:
      try check(&cursor, "a date") { p, n in rules.moment(p, n) != nil }
      return make(&cursor, Int32(0), as: { .date($0) }) { p, n in rules.moment(p, n)?.asDate }
    case .timestamp:
      try check(&cursor, "a timestamp") { p, n in rules.moment(p, n) != nil }
      return make(&cursor, Int64(0), as: { .timestamp($0) }) { p, n in rules.moment(p, n)?.asTimestamp }
    case .bool:
      try check(&cursor, "a boolean") { p, n in ForcedColumn.bool(p, n, rules) != nil }
      return make(&cursor, false, as: { .bool($0) }) { p, n in ForcedColumn.bool(p, n, rules) }
    }
  }

  /// Throws at the first non-null field `fits` refuses.
  private func check(
    _ cursor: inout FieldCursor, _ what: String, _ fits: (UnsafePointer<UInt8>, Int) -> Bool
  ) throws {
    for r in 0..<cursor.view.rowCount {
      let t = cursor.text(r)
      if builder.rules.isNull(t) { continue }
      if !fits(t.baseAddress.unsafelyUnwrapped, t.count) {
        var text = String(decoding: t, as: UTF8.self)
        if text.count > 60 { text = String(text.prefix(57)) + "..." }
        throw FileError(
          path: path, line: grid.line(row: r, column: column), column: builder.name,
          message: "'\(text)' is not \(what)")
      }
    }
  }

  /// Builds the column from values `check` already accepted.
  private func make<T>(
    _ cursor: inout FieldCursor, _ zero: T, as wrap: ([T]) -> ColumnData,
    _ value: (UnsafePointer<UInt8>, Int) -> T?
  ) -> Column {
    var validity = Bitmap(count: 0, value: true)
    var values: [T] = []
    values.reserveCapacity(cursor.view.rowCount)
    ColumnAppender.fill(&values, &validity, &cursor, 0, builder.rules, zero) { p, n, _ in value(p, n) }
    return Column(wrap(values), validity: validity)
  }

  private func lenient(_ p: UnsafePointer<UInt8>, _ n: Int) -> NumberText? {
    LenientNumber.scan(p, n, builder.rules)
  }

  /// Forced booleans take `true/false`, `t/f`, `yes/no`, `y/n`, `1/0` in any
  /// case, and the `boolTokens` of the options.
  static func bool(_ p: UnsafePointer<UInt8>, _ n: Int, _ rules: FieldRules) -> Bool? {
    if let b = TemporalText.bool(p, n, extra: rules.boolTokens) { return b }
    for (word, value) in extraBools where TemporalText.equalsLowered(p, n, word) { return value }
    return nil
  }

  private static let extraBools: [([UInt8], Bool)] = [
    ("t", true), ("f", false), ("yes", true), ("no", false), ("y", true), ("n", false), ("1", true), ("0", false),
  ].map { (Array($0.0.utf8), $0.1) }
}
