/// Builds a column of a known type a run of fields at a time: the conversion
/// half of reading, once inference has settled the type. Text is interned as
/// it comes, so the dictionary grows across chunks of one file.
struct ColumnAppender {
  let type: DataType
  let rules: FieldRules
  private var ints: [Int64] = []
  private var doubles: [Double] = []
  private var days: [Int32] = []
  private var bools: [Bool] = []
  /// Text's codes: a byte each while the dictionary holds at most 256 texts
  /// (a region, a stage, a channel: most loaded text), widened to `codes`
  /// once, at the 257th. Narrowing only at the end wrote four bytes a row
  /// and then read them all again, on one core.
  private var byteCodes: [UInt8] = []
  private var codes: [Int32] = []
  private var wideCodes = false
  private var interner = ByteInterner()
  private var validity = Bitmap(count: 0, value: true)

  init(type: DataType, rules: FieldRules) {
    self.type = type
    self.rules = rules
  }

  var count: Int { validity.count }

  /// Room for `rows` rows in the array this type fills.
  mutating func reserveCapacity(_ rows: Int) {
    validity.reserveCapacity(rows)
    switch type {
    case .int, .decimal, .timestamp: ints.reserveCapacity(rows)
    case .double: doubles.reserveCapacity(rows)
    case .date: days.reserveCapacity(rows)
    case .bool: bools.reserveCapacity(rows)
    default: if wideCodes { codes.reserveCapacity(rows) } else { byteCodes.reserveCapacity(rows) }
    }
  }

  /// `n` null rows (those before the first value of a column found to be text).
  mutating func appendNulls(_ n: Int) {
    validity.append(repeating: false, count: n)
    switch type {
    case .int, .decimal, .timestamp: ints.append(contentsOf: repeatElement(0, count: n))
    case .double: doubles.append(contentsOf: repeatElement(0, count: n))
    case .date: days.append(contentsOf: repeatElement(0, count: n))
    case .bool: bools.append(contentsOf: repeatElement(false, count: n))
    default:
      if wideCodes {
        codes.append(contentsOf: repeatElement(0, count: n))
      } else {
        byteCodes.append(contentsOf: repeatElement(0, count: n))
      }
    }
  }

  /// Converts the cursor's fields from row `start` on. Every field must fit
  /// the type (inference saw them all); one that does not is stored as null.
  mutating func append(_ cursor: inout FieldCursor, from start: Int = 0) {
    let point = rules.point, group = rules.plainGroup
    let rules = self.rules
    switch type {
    case .int:
      Self.fill(&ints, &validity, &cursor, start, rules, 0) { p, n, _ in
        NumberText.scan(p, n, point: point, group: group)?.units
      }
    case .decimal(let scale):
      Self.fill(&ints, &validity, &cursor, start, rules, 0) { p, n, _ in
        guard let number = NumberText.scan(p, n, point: point, group: group), let units = number.units else {
          return nil
        }
        return units * Decimal64.intPowersOfTen[scale - number.scale]
      }
    case .double:
      Self.fill(&doubles, &validity, &cursor, start, rules, 0) { p, n, _ in
        NumberText.scan(p, n, point: point, group: group).map {
          NumberText.double($0, p, n, point: point, group: group)
        }
      }
    case .date:
      Self.fill(&days, &validity, &cursor, start, rules, 0) { p, n, _ in rules.moment(p, n)?.asDate }
    case .timestamp:
      Self.fill(&ints, &validity, &cursor, start, rules, 0) { p, n, _ in rules.moment(p, n)?.asTimestamp }
    case .bool:
      Self.fill(&bools, &validity, &cursor, start, rules, false) { p, n, _ in
        TemporalText.bool(p, n, extra: rules.boolTokens)
      }
    default:
      appendText(&cursor, from: start)
    }
  }

  /// Interns the fields from row `start` on. While the dictionary fits in
  /// a byte, a chunk that takes it past 256 texts is finished with code 0
  /// from that field on, then the codes are widened and the chunk's fields
  /// interned again: a text already seen keeps its code.
  private mutating func appendText(_ cursor: inout FieldCursor, from start: Int) {
    // The interner moves out for the loop: the closure may not capture `self`
    // while the codes and `validity` are borrowed from it.
    var interner = self.interner
    self.interner = ByteInterner()
    defer { self.interner = interner }
    let rules = self.rules
    if wideCodes {
      Self.fill(&codes, &validity, &cursor, start, rules, 0) { p, n, readable in
        interner.code(p, n, readable: readable)
      }
      return
    }
    var overflowed = false
    Self.fill(&byteCodes, &validity, &cursor, start, rules, 0) { p, n, readable in
      if overflowed { return 0 }
      let code = interner.code(p, n, readable: readable)
      if code < 256 { return UInt8(truncatingIfNeeded: code) }
      overflowed = true
      return 0
    }
    guard overflowed else { return }
    wideCodes = true
    codes.reserveCapacity(byteCodes.capacity)
    codes.append(contentsOf: byteCodes.lazy.map { Int32($0) })
    byteCodes = []
    // `fill` left null rows clear in `validity` and every other row set.
    let rows = cursor.view.rowCount
    let first = codes.count - rows
    codes.withUnsafeMutableBufferPointer { out in
      for r in start..<rows {
        let (t, readable) = cursor.textReadable(r)
        if !rules.isNull(t) {
          out[first + r] = interner.code(t.baseAddress.unsafelyUnwrapped, t.count, readable: readable)
        }
      }
    }
  }

  /// Appends the fields of rows `start...` through `parse` (a field's bytes,
  /// their count, and how many bytes may be read from them: see
  /// `FieldCursor.textReadable`); nulls (and fields `parse` refuses) hold
  /// `zero` and a clear bit.
  @inline(__always)
  static func fill<T>(
    _ out: inout [T], _ validity: inout Bitmap, _ cursor: inout FieldCursor, _ start: Int, _ rules: FieldRules,
    _ zero: T, _ parse: (UnsafePointer<UInt8>, Int, Int) -> T?
  ) {
    let rows = cursor.view.rowCount
    guard start < rows else { return }
    let base = validity.count - start
    let first = out.count - start
    validity.append(repeating: true, count: rows - start)
    // Written through a pointer: an append a value checks capacity and
    // uniqueness each time.
    out.append(contentsOf: repeatElement(zero, count: rows - start))
    out.withUnsafeMutableBufferPointer { out in
      for r in start..<rows {
        let (t, readable) = cursor.textReadable(r)
        if !rules.isNull(t), let value = parse(t.baseAddress.unsafelyUnwrapped, t.count, readable) {
          out[first + r] = value
        } else {
          validity[base + r] = false
        }
      }
    }
  }

  /// The finished column.
  func column(hint: DisplayHint) -> Column {
    let data: ColumnData
    switch type {
    case .int: return Column.ints(ints, validity: validity, hint: hint)
    case .decimal(let scale): data = .decimal(ints, scale: scale)
    case .double: data = .double(doubles)
    case .date: data = .date(days)
    case .timestamp: data = .timestamp(ints)
    case .bool: data = .bool(bools)
    default:
      let dictionary = StringDictionary(interner.strings())
      if !wideCodes { return Column(narrowCodes: byteCodes, dictionary: dictionary, validity: validity, hint: hint) }
      return Column.texts(codes: codes, dictionary: dictionary, validity: validity, hint: hint)
    }
    return Column(data, validity: validity, hint: hint)
  }
}
