/// The typed storage of one column. Rows that are null hold an unspecified
/// value here (0, or code 0); `Column.validity` says which rows are null.
/// A text column with rows always has a dictionary entry for code 0 (see
/// `Column.init`), so a kernel may look up a null row's code like any other
/// and mask the result by validity afterwards.
public enum ColumnData: Sendable {
  case int([Int64])
  case double([Double])
  /// Exact decimals: units scaled by 10^scale.
  case decimal([Int64], scale: Int)
  /// Days since 1970-01-01.
  case date([Int32])
  /// Microseconds since 1970-01-01T00:00:00.
  case timestamp([Int64])
  case bool([Bool])
  /// Codes into the dictionary.
  case string(codes: [Int32], dictionary: StringDictionary)
  case period([Int32], unit: PeriodUnit)
}

/// A typed column with nulls: one array of values and a validity bitmap.
public struct Column: Sendable {
  /// The values; for a column kept narrow, an empty `.int` (`narrowInts`)
  /// or a `.string` with no codes and the dictionary (`narrowCodes`).
  private(set) var stored: ColumnData
  /// An int column whose every value fits in 32 bits, as loaded from a file,
  /// kept at half the width: ids and counts are most of a CRM export's
  /// numbers, and a table's memory is mostly its columns. Kernels on the hot
  /// path read these in place; everything else reads `data`, which widens
  /// them, so no reader can take the narrow form for something else.
  public private(set) var narrowInts: [Int32]?
  /// A text column of at most 256 distinct texts (channels, stages, regions,
  /// owners), as loaded from a file: its codes a byte each instead of four.
  /// Read in place by the same kernels, widened by `data` for the rest.
  public private(set) var narrowCodes: [UInt8]?

  /// The values. For a narrow column this is a widened copy, made at each
  /// call: read it once per column, not per row.
  public var data: ColumnData {
    if let narrow = narrowInts { return .int(narrow.map { Int64($0) }) }
    if let narrow = narrowCodes, case .string(_, let dictionary) = stored {
      return .string(codes: narrow.map { Int32($0) }, dictionary: dictionary)
    }
    return stored
  }

  /// A text column's dictionary, narrow or not (no codes are widened).
  public var dictionary: StringDictionary? {
    if case .string(_, let dictionary) = stored { return dictionary }
    return nil
  }

  /// About how many bytes the column holds: its values at their width, its
  /// validity, and a text column's dictionary.
  public var byteCount: Int {
    let n = count
    var total = n / 8 * (validity == nil ? 0 : 1)
    if narrowInts != nil { return total + 4 * n }
    if narrowCodes != nil {
      total += n
    } else {
      switch stored {
      case .bool: total += n
      case .date, .period, .string: total += 4 * n
      default: total += 8 * n
      }
    }
    for text in dictionary?.values ?? [] { total += 16 + text.utf8.count }
    return total
  }

  /// A narrow text column's codes and dictionary (see `narrowCodes`).
  public var narrowText: (codes: [UInt8], dictionary: StringDictionary)? {
    guard let codes = narrowCodes, case .string(_, let dictionary) = stored else { return nil }
    return (codes, dictionary)
  }

  /// nil when no row is null.
  public var validity: Bitmap?
  public var hint: DisplayHint
  /// Hints row by row where one column holds values of several kinds
  /// (`compare`'s value column: a count, then a rate); nil when `hint`
  /// holds for every row.
  public var rowHints: [DisplayHint]? = nil

  /// How row `row` is shown: its own hint where the column has them.
  public func hint(at row: Int) -> DisplayHint { rowHints?[row] ?? hint }

  public init(_ data: ColumnData, validity: Bitmap? = nil, hint: DisplayHint = .plain) {
    // A column whose every row is null (an empty CRM field) has no texts, yet
    // its null rows hold code 0: give code 0 an entry so that no kernel
    // indexes past an empty dictionary.
    if case .string(let codes, let dictionary) = data, dictionary.count == 0, !codes.isEmpty {
      self.stored = .string(codes: codes, dictionary: StringDictionary.nullRowsOnly)
    } else {
      self.stored = data
    }
    self.validity = validity.flatMap { $0.allSet ? nil : $0 }
    self.hint = hint
  }

  /// A text column held as byte codes (see `narrowCodes`); the dictionary
  /// has at most 256 entries.
  public init(
    narrowCodes: [UInt8], dictionary: StringDictionary, validity: Bitmap? = nil, hint: DisplayHint = .plain
  ) {
    precondition(dictionary.count <= 256, "byte codes number at most 256 texts")
    // As in `init(_:validity:hint:)`: code 0 always has an entry.
    let nonEmpty = dictionary.count == 0 && !narrowCodes.isEmpty ? StringDictionary.nullRowsOnly : dictionary
    self.stored = .string(codes: [], dictionary: nonEmpty)
    self.narrowCodes = narrowCodes
    self.validity = validity.flatMap { $0.allSet ? nil : $0 }
    self.hint = hint
  }

  /// A text column, with byte codes when the dictionary has at most 256
  /// texts. For loaded columns, as `ints` is.
  public static func texts(
    codes: [Int32], dictionary: StringDictionary, validity: Bitmap? = nil, hint: DisplayHint = .plain
  ) -> Column {
    guard dictionary.count <= 256 else {
      return Column(.string(codes: codes, dictionary: dictionary), validity: validity, hint: hint)
    }
    let bytes = codes.map { UInt8(truncatingIfNeeded: $0) }
    return Column(narrowCodes: bytes, dictionary: dictionary, validity: validity, hint: hint)
  }

  /// An int column held as 32-bit values (see `narrowInts`).
  public init(narrowInts: [Int32], validity: Bitmap? = nil, hint: DisplayHint = .plain) {
    self.stored = .int([])
    self.narrowInts = narrowInts
    self.validity = validity.flatMap { $0.allSet ? nil : $0 }
    self.hint = hint
  }

  /// An int column, kept narrow when every value (null rows' too) fits in 32
  /// bits. For loaded columns, which live as long as the session; a kernel's
  /// result stays as it is made.
  public static func ints(_ values: [Int64], validity: Bitmap? = nil, hint: DisplayHint = .plain) -> Column {
    guard values.withUnsafeBufferPointer(Column.allFit32) else {
      return Column(.int(values), validity: validity, hint: hint)
    }
    return Column(narrowInts: values.map { Int32(truncatingIfNeeded: $0) }, validity: validity, hint: hint)
  }

  /// Whether every value fits in 32 bits. Without a branch per value: any
  /// bit above the low 31 (sign-extended) shows.
  static func allFit32(_ values: UnsafeBufferPointer<Int64>) -> Bool {
    var outside: Int64 = 0
    for x in values { outside |= (x &>> 31) ^ (x &>> 63) }
    return outside == 0
  }

  public var type: DataType {
    switch stored {
    case .int: return .int
    case .double: return .double
    case .decimal(_, let s): return .decimal(scale: s)
    case .date: return .date
    case .timestamp: return .timestamp
    case .bool: return .bool
    case .string: return .string
    case .period(_, let u): return .period(u)
    }
  }

  public var count: Int {
    if let narrow = narrowInts { return narrow.count }
    if let narrow = narrowCodes { return narrow.count }
    switch stored {
    case .int(let v): return v.count
    case .double(let v): return v.count
    case .decimal(let v, _): return v.count
    case .date(let v): return v.count
    case .timestamp(let v): return v.count
    case .bool(let v): return v.count
    case .string(let c, _): return c.count
    case .period(let v, _): return v.count
    }
  }

  /// Inlinable: engine loops ask this a row at a time, from another module.
  @inlinable
  public func isNull(_ row: Int) -> Bool {
    guard let v = validity else { return false }
    return !v[row]
  }

  public var nullCount: Int {
    guard let v = validity else { return 0 }
    return v.count - v.setCount
  }

  /// The cell at `row` as a `Value` (not for hot loops).
  public func value(at row: Int) -> Value {
    if isNull(row) { return .null }
    if let narrow = narrowInts { return .int(Int64(narrow[row])) }
    if let narrow = narrowCodes, case .string(_, let d) = stored { return .string(d.values[Int(narrow[row])]) }
    switch stored {
    case .int(let v): return .int(v[row])
    case .double(let v): return .double(v[row])
    case .decimal(let v, let s): return .decimal(v[row], scale: s)
    case .date(let v): return .date(v[row])
    case .timestamp(let v): return .timestamp(v[row])
    case .bool(let v): return .bool(v[row])
    case .string(let c, let d): return .string(d.values[Int(c[row])])
    case .period(let v, let u): return .period(v[row], u)
    }
  }

  /// The rows at `indices`, in that order (a gather); the dictionary is shared.
  /// Every index must be a valid row number. The copy loops run on unsafe
  /// buffers, without bounds checks: gathers through selection vectors and
  /// sort permutations are on every query's hot path.
  public func gather(_ indices: [Int32]) -> Column {
    func pick<T>(_ a: [T]) -> [T] {
      a.withUnsafeBufferPointer { src in
        indices.withUnsafeBufferPointer { idx in
          [T](unsafeUninitializedCapacity: idx.count) { dst, n in
            guard let base = dst.baseAddress, let s = src.baseAddress else {
              n = 0
              return
            }
            for i in 0..<idx.count { (base + i).initialize(to: s[Int(idx[i])]) }
            n = idx.count
          }
        }
      }
    }
    var validity: Bitmap? = nil
    if let v = self.validity {
      var b = Bitmap(count: indices.count, value: true)
      for (i, r) in indices.enumerated() where !v[Int(r)] { b[i] = false }
      validity = b
    }
    if let narrow = narrowInts {
      var out = Column(narrowInts: pick(narrow), validity: validity, hint: hint)
      out.rowHints = rowHints.map { h in indices.map { h[Int($0)] } }
      return out
    }
    if let (codes, dictionary) = narrowText {
      var out = Column(narrowCodes: pick(codes), dictionary: dictionary, validity: validity, hint: hint)
      out.rowHints = rowHints.map { h in indices.map { h[Int($0)] } }
      return out
    }
    let data: ColumnData
    switch stored {
    case .int(let v): data = .int(pick(v))
    case .double(let v): data = .double(pick(v))
    case .decimal(let v, let s): data = .decimal(pick(v), scale: s)
    case .date(let v): data = .date(pick(v))
    case .timestamp(let v): data = .timestamp(pick(v))
    case .bool(let v): data = .bool(pick(v))
    case .string(let c, let d): data = .string(codes: pick(c), dictionary: d)
    case .period(let v, let u): data = .period(pick(v), unit: u)
    }
    var out = Column(data, validity: validity, hint: hint)
    out.rowHints = rowHints.map { h in indices.map { h[Int($0)] } }
    return out
  }

  /// A column of `type` built from values (small results, tests). Values that do not
  /// match the type are stored as null; ints are accepted in double and decimal columns.
  public static func make(_ type: DataType, _ values: [Value], hint: DisplayHint = .plain) -> Column {
    var valid = Bitmap(count: values.count, value: true)
    func fill<T>(_ zero: T, _ f: (Value) -> T?) -> [T] {
      var out = [T]()
      out.reserveCapacity(values.count)
      for (i, v) in values.enumerated() {
        if let x = f(v) { out.append(x) } else { out.append(zero); valid[i] = false }
      }
      return out
    }
    let data: ColumnData
    switch type {
    case .int:
      data = .int(
        fill(0) {
          if case .int(let x) = $0 { return x }; return nil
        })
    case .double:
      data = .double(fill(0) { v in v.isNull ? nil : v.doubleValue })
    case .decimal(let s):
      data = .decimal(
        fill(0) { v in
          switch v {
          // A value too large for the column's scale cannot be stored: it is null, never wrapped.
          case .decimal(let u, let vs): return Decimal64.rescaled(u, from: vs, to: s)
          case .int(let x): return Decimal64.rescaled(x, from: 0, to: s)
          default: return nil
          }
        }, scale: s)
    case .date:
      data = .date(
        fill(0) {
          if case .date(let x) = $0 { return x }; return nil
        })
    case .timestamp:
      data = .timestamp(
        fill(0) {
          if case .timestamp(let x) = $0 { return x }; return nil
        })
    case .bool:
      data = .bool(
        fill(false) {
          if case .bool(let x) = $0 { return x }; return nil
        })
    case .string:
      var builder = StringDictionaryBuilder()
      let codes = fill(Int32(0)) { v -> Int32? in
        if case .string(let s) = v { return builder.code(for: s) }
        return nil
      }
      data = .string(codes: codes, dictionary: builder.build())
    case .period(let u):
      data = .period(
        fill(0) {
          if case .period(let x, let vu) = $0, vu == u { return x }; return nil
        }, unit: u)
    }
    return Column(data, validity: valid, hint: hint)
  }
}
