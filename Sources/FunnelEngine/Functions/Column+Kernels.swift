import FunnelData

/// Typed access and construction helpers the kernels share.
extension Column {
  /// `count` copies of one value (a literal broadcast over a batch).
  static func constant(_ value: Value, type: DataType, count: Int) -> Column {
    let validity: Bitmap? = value.isNull ? Bitmap(count: count, value: false) : nil
    let data: ColumnData
    switch (type, value) {
    case (.int, .int(let v)): data = .int([Int64](repeating: v, count: count))
    case (.double, _): data = .double([Double](repeating: value.doubleValue ?? 0, count: count))
    case (.decimal(let s), .decimal(let u, let vs)):
      data = .decimal([Int64](repeating: Decimal64.rescale(u, from: vs, to: s), count: count), scale: s)
    case (.decimal(let s), .int(let v)):
      data = .decimal([Int64](repeating: v &* Decimal64.intPowersOfTen[s], count: count), scale: s)
    case (.date, .date(let d)): data = .date([Int32](repeating: d, count: count))
    case (.timestamp, .timestamp(let t)): data = .timestamp([Int64](repeating: t, count: count))
    case (.timestamp, .date(let d)):
      data = .timestamp([Int64](repeating: Int64(d) * Timestamps.microsPerDay, count: count))
    case (.bool, .bool(let b)): data = .bool([Bool](repeating: b, count: count))
    case (.string, .string(let s)):
      data = .string(codes: [Int32](repeating: 0, count: count), dictionary: StringDictionary([s]))
    case (.period(let u), .period(let p, _)): data = .period([Int32](repeating: p, count: count), unit: u)
    default: return Column.empty(type, count: count, allNull: true)
    }
    return Column(data, validity: validity)
  }

  /// A column of `count` zero values, all null when `allNull`.
  static func empty(_ type: DataType, count: Int, allNull: Bool) -> Column {
    let data: ColumnData
    switch type {
    case .int: data = .int([Int64](repeating: 0, count: count))
    case .double: data = .double([Double](repeating: 0, count: count))
    case .decimal(let s): data = .decimal([Int64](repeating: 0, count: count), scale: s)
    case .date: data = .date([Int32](repeating: 0, count: count))
    case .timestamp: data = .timestamp([Int64](repeating: 0, count: count))
    case .bool: data = .bool([Bool](repeating: false, count: count))
    case .string: data = .string(codes: [Int32](repeating: 0, count: count), dictionary: StringDictionary([""]))
    case .period(let u): data = .period([Int32](repeating: 0, count: count), unit: u)
    }
    return Column(data, validity: allNull ? Bitmap(count: count, value: false) : nil)
  }

  /// Rows `range` as a new column (a batch of a larger one).
  func slice(_ range: Range<Int>) -> Column {
    if range.lowerBound == 0, range.upperBound == count { return self }
    var validity: Bitmap? = nil
    if let v = self.validity {
      var b = Bitmap(count: range.count, value: true)
      for (i, r) in range.enumerated() where !v[r] { b[i] = false }
      validity = b
    }
    // Narrow columns stay narrow: `data` would widen every row, not the range's.
    var out: Column
    if let narrow = narrowInts {
      out = Column(narrowInts: Array(narrow[range]), validity: validity, hint: hint)
    } else if let (codes, dictionary) = narrowText {
      out = Column(narrowCodes: Array(codes[range]), dictionary: dictionary, validity: validity, hint: hint)
    } else {
      out = Column(sliced(range), validity: validity, hint: hint)
    }
    out.rowHints = rowHints.map { Array($0[range]) }
    return out
  }

  private func sliced(_ range: Range<Int>) -> ColumnData {
    let data: ColumnData
    switch self.data {
    case .int(let v): data = .int(Array(v[range]))
    case .double(let v): data = .double(Array(v[range]))
    case .decimal(let v, let s): data = .decimal(Array(v[range]), scale: s)
    case .date(let v): data = .date(Array(v[range]))
    case .timestamp(let v): data = .timestamp(Array(v[range]))
    case .bool(let v): data = .bool(Array(v[range]))
    case .string(let c, let d): data = .string(codes: Array(c[range]), dictionary: d)
    case .period(let v, let u): data = .period(Array(v[range]), unit: u)
    }
    return data
  }

  /// The rows at `indices`, where -1 gives a null row (the unmatched side of a left join).
  func gatherOrNull(_ indices: [Int32]) -> Column {
    guard indices.contains(-1) else { return gather(indices) }
    let safe = indices.map { $0 < 0 ? 0 : $0 }
    var out = count == 0 ? Column.empty(type, count: indices.count, allNull: true) : gather(safe)
    var valid = out.validity ?? Bitmap(count: indices.count, value: true)
    for (i, r) in indices.enumerated() where r < 0 { valid[i] = false }
    out.validity = valid.allSet ? nil : valid
    out.hint = hint
    return out
  }

  /// Values of int, decimal and timestamp columns (units, micros).
  var int64s: [Int64] {
    switch data {
    case .int(let v), .decimal(let v, _), .timestamp(let v): return v
    case .date(let v), .period(let v, _): return v.map { Int64($0) }
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    case .string(let c, _): return c.map { Int64($0) }
    case .double(let v): return v.map { Int64($0) }
    }
  }

  var doubles: [Double] {
    switch data {
    case .double(let v): return v
    case .int(let v): return v.map { Double($0) }
    case .decimal(let v, let s): return v.map { Double($0) / Decimal64.powersOfTen[s] }
    default: return [Double](repeating: 0, count: count)
    }
  }

  /// Values of date and period columns.
  var int32s: [Int32] {
    if let narrow = narrowInts { return narrow }
    switch data {
    case .date(let v), .period(let v, _): return v
    default: return int64s.map { Int32(truncatingIfNeeded: $0) }
    }
  }

  var bools: [Bool] {
    if case .bool(let v) = data { return v }
    return [Bool](repeating: false, count: count)
  }

  /// True at rows that are valid and true (what `where` keeps).
  var trueMask: [Bool] {
    var b = bools
    guard let v = validity else { return b }
    // Through a pointer: an element write to the array checks its uniqueness each time.
    b.withUnsafeMutableBufferPointer { b in
      for i in 0..<b.count where b[i] && !v[i] { b[i] = false }
    }
    return b
  }
}

extension Decimal64 {
  /// Units at scale `from` as units at scale `to` (truncating when narrowing).
  static func rescale(_ units: Int64, from: Int, to: Int) -> Int64 {
    if from == to { return units }
    if from < to { return units &* intPowersOfTen[to - from] }
    return units / intPowersOfTen[from - to]
  }
}

/// Validity of a result whose row is null when any input row is null.
func combinedValidity(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
  guard let a else { return b }
  guard var out = b else { return a }
  for i in 0..<out.count where !a[i] { out[i] = false }
  return out
}
