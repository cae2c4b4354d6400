/// Turns one column of a `FieldGrid` into a typed `Column`: a first pass infers
/// the type over every row (stopping early once it can only be text); ints,
/// decimals and times come out of that pass already parsed, and the other
/// types take a second pass that converts each field straight into its array.
struct ColumnBuilder {
  let name: String
  let rules: FieldRules

  /// Words that mark a decimal column as money.
  static let moneyWords = ["amount", "spend", "budget", "revenue", "price", "value", "cost"]

  func inferred(_ cursor: inout FieldCursor) -> Column {
    let rows = cursor.view.rowCount
    var tally = TypeTally()
    // What the pass parsed is kept (most columns are ids, amounts or times).
    // Reserved, not filled: a text column gives up on its first row and
    // should not pay for touching these pages.
    var values: [Int64] = []
    var tags: [UInt8] = []
    values.reserveCapacity(rows)
    tags.reserveCapacity(rows)
    var validity = Bitmap(count: rows, value: true)
    var kept = true
    for r in 0..<rows {
      let t = cursor.text(r)
      if rules.isNull(t) {
        validity[r] = false
        if kept {
          values.append(0)
          tags.append(0)
        }
        continue
      }
      if let parsed = tally.add(t.baseAddress.unsafelyUnwrapped, t.count, rules: rules) {
        if kept {
          values.append(parsed.value)
          tags.append(parsed.tag)
        }
      } else {
        kept = false
        if tally.isSettled { break }
      }
    }
    let type = tally.type
    guard kept else { return convert(&cursor, to: type) }
    switch type {
    case .int:
      return Column(.int(values), validity: validity)
    case .decimal(let scale):
      for r in 0..<rows where tags[r] != scale {
        values[r] *= Decimal64.intPowersOfTen[scale - Int(tags[r])]
      }
      return Column(.decimal(values, scale: scale), validity: validity, hint: hint(for: type))
    case .timestamp:
      for r in 0..<rows where tags[r] == TypeTally.dayTag { values[r] *= Timestamps.microsPerDay }
      return Column(.timestamp(values), validity: validity)
    case .date:
      return Column(.date(values.map { Int32(truncatingIfNeeded: $0) }), validity: validity)
    default:
      return convert(&cursor, to: type)
    }
  }

  /// Converts fields already known to fit `type` (nulls aside).
  func convert(_ cursor: inout FieldCursor, to type: DataType) -> Column {
    var validity = Bitmap(count: cursor.view.rowCount, value: true)
    let rules = self.rules
    func fill<T>(_ zero: T, _ parse: (UnsafePointer<UInt8>, Int) -> T?) -> [T] {
      ColumnBuilder.fill(&cursor, rules: rules, validity: &validity, zero: zero, parse)
    }
    let point = rules.point, group = rules.plainGroup
    let data: ColumnData
    switch type {
    case .int:
      data = .int(fill(0) { p, n in NumberText.scan(p, n, point: point, group: group)?.units })
    case .decimal(let scale):
      data = .decimal(
        fill(0) { p, n in
          guard let number = NumberText.scan(p, n, point: point, group: group), let units = number.units else {
            return nil
          }
          return units * Decimal64.intPowersOfTen[scale - number.scale]
        }, scale: scale)
    case .double:
      data = .double(
        fill(0) { p, n in
          NumberText.scan(p, n, point: point, group: group).map { NumberText.double($0, p, n, point: point, group: group) }
        })
    case .date:
      data = .date(fill(0) { p, n in rules.moment(p, n)?.asDate })
    case .timestamp:
      data = .timestamp(fill(0) { p, n in rules.moment(p, n)?.asTimestamp })
    case .bool:
      data = .bool(fill(false) { p, n in TemporalText.bool(p, n, extra: rules.boolTokens) })
    default:
      var interner = ByteInterner()
      let codes = fill(Int32(0)) { p, n in interner.code(UnsafeBufferPointer(start: p, count: n)) }
      data = .string(codes: codes, dictionary: StringDictionary(interner.strings()))
    }
    return Column(data, validity: validity, hint: hint(for: type))
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
