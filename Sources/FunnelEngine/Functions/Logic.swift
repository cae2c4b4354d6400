import FunnelData

/// Three-valued `and` `or` `not`, and `coalesce`, which picks a value per
/// row (`case` and `if` are `CaseKernel`).
enum Logic {
  /// false and null = false; true and null = null.
  static func and(_ l: Column, _ r: Column) -> Column {
    let n = l.count, a = l.bools, b = r.bools
    if l.validity == nil, r.validity == nil {
      return Column(
        .bool(
          [Bool](unsafeUninitializedCapacity: n) { out, done in
            for i in 0..<n { out.initializeElement(at: i, to: a[i] && b[i]) }
            done = n
          }))
    }
    var out = [Bool](repeating: false, count: n)
    var valid = Bitmap(count: n, value: true)
    for i in 0..<n {
      let av = !l.isNull(i), bv = !r.isNull(i)
      if (av && !a[i]) || (bv && !b[i]) { out[i] = false } else if av && bv { out[i] = true } else { valid[i] = false }
    }
    return Column(.bool(out), validity: valid)
  }

  /// true or null = true; false or null = null.
  static func or(_ l: Column, _ r: Column) -> Column {
    let n = l.count, a = l.bools, b = r.bools
    if l.validity == nil, r.validity == nil {
      return Column(
        .bool(
          [Bool](unsafeUninitializedCapacity: n) { out, done in
            for i in 0..<n { out.initializeElement(at: i, to: a[i] || b[i]) }
            done = n
          }))
    }
    var out = [Bool](repeating: false, count: n)
    var valid = Bitmap(count: n, value: true)
    for i in 0..<n {
      let av = !l.isNull(i), bv = !r.isNull(i)
      if (av && a[i]) || (bv && b[i]) { out[i] = true } else if !(av && bv) { valid[i] = false }
    }
    return Column(.bool(out), validity: valid)
  }

  static func not(_ c: Column) -> Column {
    Column(.bool(c.bools.map { !$0 }), validity: c.validity)
  }

  /// The first non-null of `columns` at each row.
  static func coalesce(_ columns: [Column], type: DataType) -> Column {
    let n = columns.first?.count ?? 0
    var pick = [Int32](repeating: -1, count: n)
    for (k, c) in columns.enumerated().reversed() {
      for i in 0..<n where !c.isNull(i) { pick[i] = Int32(k) }
    }
    return select(columns, pick, type: type)
  }

  /// Row i takes `columns[pick[i]]`'s value (null for -1). All columns have
  /// `type`; texts from several dictionaries get one merged dictionary.
  static func select(_ columns: [Column], _ pick: [Int32], type: DataType) -> Column {
    let n = pick.count
    var valid = Bitmap(count: n, value: true)
    for i in 0..<n {
      let k = Int(pick[i])
      if k < 0 || columns[k].isNull(i) { valid[i] = false }
    }
    func pickValues<T>(_ arrays: [[T]], _ zero: T) -> [T] {
      var out = [T](repeating: zero, count: n)
      for i in 0..<n where pick[i] >= 0 { out[i] = arrays[Int(pick[i])][i] }
      return out
    }
    let data: ColumnData
    switch type {
    case .double: data = .double(pickValues(columns.map { $0.doubles }, 0))
    case .decimal(let s): data = .decimal(pickValues(columns.map { $0.int64s }, 0), scale: s)
    case .int: data = .int(pickValues(columns.map { $0.int64s }, 0))
    case .timestamp: data = .timestamp(pickValues(columns.map { $0.int64s }, 0))
    case .date: data = .date(pickValues(columns.map { $0.int32s }, 0))
    case .period(let u): data = .period(pickValues(columns.map { $0.int32s }, 0), unit: u)
    case .bool: data = .bool(pickValues(columns.map { $0.bools }, false))
    case .string:
      var builder = StringDictionaryBuilder()
      var remaps = [[Int32]]()
      var codes = [[Int32]]()
      for c in columns {
        if c.dictionary != nil, case .string(let cs, let d) = c.data {
          remaps.append(d.values.map { builder.code(for: $0) })
          codes.append(cs)
        } else {
          remaps.append([])
          codes.append([Int32](repeating: 0, count: n))
        }
      }
      var out = [Int32](repeating: 0, count: n)
      for i in 0..<n where valid[i] {
        let k = Int(pick[i])
        out[i] = remaps[k][Int(codes[k][i])]
      }
      if builder.values.isEmpty { _ = builder.code(for: "") }
      data = .string(codes: out, dictionary: builder.build())
    }
    return Column(data, validity: valid, hint: columns.first?.hint ?? .plain)
  }
}
