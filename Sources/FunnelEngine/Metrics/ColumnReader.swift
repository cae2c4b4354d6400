import FunnelData

/// Typed views of input columns for the vocabulary's loops: plain arrays with a
/// sentinel for null, read once per column so the loops never touch a `Value`.
enum ColumnReader {
  /// A null key; no real id takes it.
  static let nullKey = Int64.min
  /// A null day.
  static let nullDay = Int32.min

  /// Days since 1970-01-01 of a date or timestamp column (a timestamp's day);
  /// `nullDay` where null. nil when the column holds neither.
  static func days(_ column: Column) -> [Int32]? {
    switch column.data {
    case .date: return masked(column.int32s, column, as: nullDay)
    case .timestamp(let v): return masked(v.map { Timestamps.day(of: $0) }, column, as: nullDay)
    case .period(let v, let unit): return masked(v.map { Periods.firstDay($0, unit: unit) }, column, as: nullDay)
    default: return nil
    }
  }

  /// Whole numbers of an int column (or of a decimal/double column, truncated),
  /// with 0 where null: counts such as impressions and clicks.
  static func counts(_ column: Column) -> [Int64]? {
    switch column.data {
    case .int: return masked(column.int64s, column, as: 0)
    case .decimal(let v, let s): return masked(v.map { $0 / Decimal64.intPowersOfTen[s] }, column, as: 0)
    case .double(let v): return masked(v.map { $0.isFinite ? Int64($0) : 0 }, column, as: 0)
    default: return nil
    }
  }

  /// `values` (one per row of `column`) with `null` at the rows where `column` is null:
  /// the one place a reader turns validity into a sentinel.
  static func masked<T>(_ values: [T], _ column: Column, as null: T) -> [T] {
    guard let valid = column.validity, valid.setCount < values.count else { return values }
    var out = values
    for i in 0..<out.count where !valid[i] { out[i] = null }
    return out
  }

  /// The two sides of a link (`deals.lead_id` to `leads.lead_id`) as ids in one
  /// space, `nullKey` where null. Int ids are taken as they are; text ids are
  /// numbered by their text, through the dictionaries rather than per row.
  /// nil when either side is neither int nor text.
  static func linkKeys(_ a: Column, _ b: Column) -> ([Int64], [Int64])? {
    if case .int = a.data, case .int = b.data {
      guard let x = ints(a), let y = ints(b) else { return nil }
      return (x, y)
    }
    var numbering = [String: Int64]()
    func ids(_ c: Column) -> [Int64]? {
      switch c.data {
      case .string(let codes, let dictionary):
        let byCode = dictionary.values.map { text -> Int64 in
          if let id = numbering[text] { return id }
          let id = Int64(numbering.count)
          numbering[text] = id
          return id
        }
        return masked(codes.map { byCode[Int($0)] }, c, as: nullKey)
      case .int(let v):
        // A text id on the other side: number these by their decimal text.
        let ids = v.map { value -> Int64 in
          let text = String(value)
          if let id = numbering[text] { return id }
          let id = Int64(numbering.count)
          numbering[text] = id
          return id
        }
        return masked(ids, c, as: nullKey)
      default: return nil
      }
    }
    guard let x = ids(a), let y = ids(b) else { return nil }
    return (x, y)
  }

  /// Int ids with `nullKey` where null.
  static func ints(_ column: Column) -> [Int64]? {
    guard case .int = column.data else { return nil }
    return masked(column.int64s, column, as: nullKey)
  }

  /// A per-row code of a text column mapped through `classify`, which sees each
  /// distinct text once (lowercased, trimmed); `nullCode` where null.
  static func classify(_ column: Column, nullCode: Int8, _ classify: (String) -> Int8) -> [Int8]? {
    guard case .string(let codes, let dictionary) = column.data else { return nil }
    let byCode = dictionary.values.map { classify($0.lowercased().trimmingSpaces) }
    var out = [Int8](repeating: nullCode, count: codes.count)
    codes.withUnsafeBufferPointer { c in
      for i in 0..<c.count { out[i] = byCode[Int(c[i])] }
    }
    return masked(out, column, as: nullCode)
  }
}

extension String {
  /// Without leading and trailing spaces and tabs (Foundation-free).
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
