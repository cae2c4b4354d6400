import FunnelData

/// Typed views of a column for the vocabulary's and the metrics' loops: plain
/// arrays with a sentinel for null, read once per column so the loops never
/// touch a `Value`. The other accessors (`int64s`, `int32s`, `isNull`) are in
/// Column+Kernels.swift; these are the ones that fold validity into the values.
extension Column {
  /// A null key; no real id takes it.
  static let nullKey = Int64.min
  /// A null day.
  static let nullDay = Int32.min

  /// Days since 1970-01-01 of a date or timestamp column (a timestamp's day);
  /// `nullDay` where null. nil when the column holds neither.
  func days() -> [Int32]? {
    switch data {
    case .date: return masked(int32s, as: Column.nullDay)
    case .timestamp(let v): return masked(v.map { Timestamps.day(of: $0) }, as: Column.nullDay)
    case .period(let v, let unit): return masked(v.map { Periods.firstDay($0, unit: unit) }, as: Column.nullDay)
    default: return nil
    }
  }

  /// Whole numbers of an int column (or of a decimal/double column, truncated),
  /// with 0 where null: counts such as impressions and clicks.
  func wholeNumbers() -> [Int64]? {
    if narrowInts != nil { return masked(int64s, as: 0) }
    switch data {
    case .int: return masked(int64s, as: 0)
    case .decimal(let v, let s): return masked(v.map { $0 / Decimal64.intPowersOfTen[s] }, as: 0)
    case .double(let v): return masked(v.map { $0.isFinite ? Int64($0) : 0 }, as: 0)
    default: return nil
    }
  }

  /// `values` (one per row) with `null` at the rows that are null: the one
  /// place a reader turns validity into a sentinel.
  func masked<T>(_ values: [T], as null: T) -> [T] {
    guard let valid = validity, valid.setCount < values.count else { return values }
    var out = values
    for i in 0..<out.count where !valid[i] { out[i] = null }
    return out
  }

  /// The two sides of a link (`deals.lead_id` to `leads.lead_id`) as ids in one
  /// space, `nullKey` where null. Int ids are taken as they are; text ids are
  /// numbered by their text, through the dictionaries rather than per row.
  /// nil when either side is neither int nor text.
  static func linkKeys(_ a: Column, _ b: Column) -> ([Int64], [Int64])? {
    // By type, not `data`: that would widen narrow ids only to look at them.
    if a.type == .int, b.type == .int {
      guard let x = a.ids(), let y = b.ids() else { return nil }
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
        return c.masked(codes.map { byCode[Int($0)] }, as: nullKey)
      case .int(let v):
        // A text id on the other side: number these by their decimal text.
        let ids = v.map { value -> Int64 in
          let text = String(value)
          if let id = numbering[text] { return id }
          let id = Int64(numbering.count)
          numbering[text] = id
          return id
        }
        return c.masked(ids, as: nullKey)
      default: return nil
      }
    }
    guard let x = ids(a), let y = ids(b) else { return nil }
    return (x, y)
  }

  /// Int ids with `nullKey` where null.
  func ids() -> [Int64]? {
    guard type == .int else { return nil }
    return masked(int64s, as: Column.nullKey)
  }

  /// A per-row code of a text column mapped through `classify`, which sees each
  /// distinct text once (lowercased, trimmed); `nullCode` where null.
  func classified(nullCode: Int8, _ classify: (String) -> Int8) -> [Int8]? {
    if let (codes, dictionary) = narrowText {
      return masked(Column.classify(codes, dictionary, classify), as: nullCode)
    }
    guard case .string(let codes, let dictionary) = data else { return nil }
    return masked(Column.classify(codes, dictionary, classify), as: nullCode)
  }

  /// `classify` of each row's text, seen once per distinct text.
  private static func classify<Code: FixedWidthInteger>(
    _ codes: [Code], _ dictionary: StringDictionary, _ classify: (String) -> Int8
  ) -> [Int8] {
    let byCode = dictionary.values.map { classify($0.lowercased().trimmingSpaces) }
    var out = [Int8](repeating: 0, count: codes.count)
    codes.withUnsafeBufferPointer { c in
      for i in 0..<c.count { out[i] = byCode[Int(c[i])] }
    }
    return out
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
