import FunnelData

/// `== != < <= > >=` over two columns of one comparable type, or a column and
/// a constant. Text against a constant compares dictionary codes: the test
/// runs once per distinct text, then once per row on the code. Ints and
/// decimals of different scales compare exactly, without widening either
/// side (a decimal(2) of 9e16 has no decimal(4) form, yet is > 1.0001).
enum Comparisons {
  static func compare(_ op: ComparisonOperator, _ l: Column, _ r: Column) -> Column {
    let n = l.count
    var out = [Bool](repeating: false, count: n)
    switch (l.data, r.data) {
    case (.double, _), (_, .double):
      let a = l.doubles, b = r.doubles
      for i in 0..<n { out[i] = op.holds(a[i], b[i]) }
    case (.string(let ac, let ad), .string(let bc, let bd)):
      if ad === bd {
        let rank = ad.rank
        for i in 0..<n { out[i] = op.holds(rank[Int(ac[i])], rank[Int(bc[i])]) }
      } else {
        // Two dictionaries (a join, a derived text): compare the texts.
        let av = ad.values, bv = bd.values
        for i in 0..<n {
          let x = av[Int(ac[i])].utf8, y = bv[Int(bc[i])].utf8
          let less = x.lexicographicallyPrecedes(y), greater = y.lexicographicallyPrecedes(x)
          out[i] = op.holds(less ? -1 : (greater ? 1 : 0), 0)
        }
      }
    case (.date, _), (.period, _):
      let a = l.int32s, b = r.int32s
      for i in 0..<n { out[i] = op.holds(a[i], b[i]) }
    case (.bool(let a), .bool(let b)):
      for i in 0..<n { out[i] = op.holds(a[i] ? 1 : 0, b[i] ? 1 : 0) }
    default:
      let a = l.int64s, b = r.int64s
      let ls = scale(l.type), rs = scale(r.type)
      if ls == rs {
        for i in 0..<n { out[i] = op.holds(a[i], b[i]) }
      } else {
        // Different scales: both sides at the finer one, in 128 bits where nothing overflows.
        let pa = Int128(Decimal64.intPowersOfTen[max(0, rs - ls)]),
          pb = Int128(Decimal64.intPowersOfTen[max(0, ls - rs)])
        for i in 0..<n { out[i] = op.holds(Int128(a[i]) * pa, Int128(b[i]) * pb) }
      }
    }
    return Column(.bool(out), validity: combinedValidity(l.validity, r.validity))
  }

  static func compare(_ op: ComparisonOperator, _ l: Column, constant: Value) -> Column {
    let n = l.count
    if let a = l.narrowInts, case .int(let b) = constant {
      // Ints loaded narrow: compared in place, not widened first.
      return Column(.bool(a.map { op.holds(Int64($0), b) }), validity: l.validity)
    }
    if let (codes, dict) = l.narrowText, case .string(let text) = constant {
      // A byte code indexes a table of 256 answers: no bounds test a row.
      let table = textTable(op, dict, text) + repeatElement(false, count: 256 - dict.count)
      let out = [Bool](unsafeUninitializedCapacity: n) { out, initialized in
        table.withUnsafeBufferPointer { t in
          codes.withUnsafeBufferPointer { c in
            for i in 0..<n { (out.baseAddress.unsafelyUnwrapped + i).initialize(to: t[Int(c[i])]) }
          }
        }
        initialized = n
      }
      return Column(.bool(out), validity: l.validity)
    }
    var out = [Bool](repeating: false, count: n)
    switch (l.data, constant) {
    case (.string(let codes, let dict), .string(let text)):
      let table = textTable(op, dict, text)
      // `map` writes through a pointer; `out[i] =` checks uniqueness each row.
      out = codes.map { table[Int($0)] }
    case (.int(let a), .int(let b)), (.timestamp(let a), .timestamp(let b)):
      out = a.map { op.holds($0, b) }
    case (.int(let a), .decimal(let u, let vs)):
      out = scaled(op, a, scale: 0, constant: u, scale: vs)
    case (.decimal(let a, let s), .decimal(let u, let vs)):
      out = scaled(op, a, scale: s, constant: u, scale: vs)
    case (.decimal(let a, let s), .int(let u)):
      out = scaled(op, a, scale: s, constant: u, scale: 0)
    case (.double(let a), _):
      let b = constant.doubleValue ?? 0
      for i in 0..<n { out[i] = op.holds(a[i], b) }
    case (.date(let a), .date(let b)), (.period(let a, _), .period(let b, _)):
      for i in 0..<n { out[i] = op.holds(a[i], b) }
    default:
      return compare(op, l, Column.constant(constant, type: l.type, count: n))
    }
    return Column(.bool(out), validity: l.validity)
  }

  /// Whether each of the dictionary's texts compares with `text` as `op` asks.
  private static func textTable(_ op: ComparisonOperator, _ dict: StringDictionary, _ text: String) -> [Bool] {
    dict.values.map { v -> Bool in
      let less = v.utf8.lexicographicallyPrecedes(text.utf8)
      let greater = text.utf8.lexicographicallyPrecedes(v.utf8)
      return op.holds(less ? -1 : (greater ? 1 : 0), 0)
    }
  }

  /// `a[i] / 10^s  op  u / 10^vs`, exactly. The constant is brought to the
  /// column's scale once: there it may fall between two units, so `>` and
  /// `<=` test against its floor and `<` and `>=` against its ceiling; it
  /// may also lie beyond Int64, where the answer is the same for every row.
  static func scaled(_ op: ComparisonOperator, _ a: [Int64], scale s: Int, constant u: Int64, scale vs: Int) -> [Bool] {
    let n = a.count
    var floor = Int128(u), ceiling = Int128(u)
    var exact = true
    if vs < s {
      floor *= Int128(Decimal64.intPowersOfTen[s - vs])
      ceiling = floor
    } else if vs > s {
      let p = Int128(Decimal64.intPowersOfTen[vs - s])
      let q = floor / p, r = floor % p
      exact = r == 0
      floor = r < 0 ? q - 1 : q
      ceiling = r > 0 ? q + 1 : q
    }
    let bound: Int128
    switch op {
    case .equal, .notEqual:
      guard exact, let b = Int64(exactly: floor) else { return [Bool](repeating: op == .notEqual, count: n) }
      var out = [Bool](repeating: false, count: n)
      for i in 0..<n { out[i] = op.holds(a[i], b) }
      return out
    case .greater, .lessOrEqual: bound = floor
    case .less, .greaterOrEqual: bound = ceiling
    }
    if bound > Int128(Int64.max) { return [Bool](repeating: op == .less || op == .lessOrEqual, count: n) }
    if bound < Int128(Int64.min) { return [Bool](repeating: op == .greater || op == .greaterOrEqual, count: n) }
    let b = Int64(bound)
    var out = [Bool](repeating: false, count: n)
    for i in 0..<n { out[i] = op.holds(a[i], b) }
    return out
  }

  /// The decimal places of an int (0) or decimal.
  static func scale(_ t: DataType) -> Int {
    if case .decimal(let s) = t { return s }
    return 0
  }
}
