import FunnelData

/// `== != < <= > >=` over two columns of one comparable type, or a column and
/// a constant. Text against a constant compares dictionary codes: the test
/// runs once per distinct text, then once per row on the code.
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
      for i in 0..<n { out[i] = op.holds(a[i], b[i]) }
    }
    return Column(.bool(out), validity: combinedValidity(l.validity, r.validity))
  }

  static func compare(_ op: ComparisonOperator, _ l: Column, constant: Value) -> Column {
    let n = l.count
    var out = [Bool](repeating: false, count: n)
    switch (l.data, constant) {
    case (.string(let codes, let dict), .string(let text)):
      let table = dict.values.map { v -> Bool in
        let less = v.utf8.lexicographicallyPrecedes(text.utf8)
        let greater = text.utf8.lexicographicallyPrecedes(v.utf8)
        return op.holds(less ? -1 : (greater ? 1 : 0), 0)
      }
      codes.withUnsafeBufferPointer { c in
        for i in 0..<n { out[i] = table[Int(c[i])] }
      }
    case (.int(let a), .int(let b)), (.timestamp(let a), .timestamp(let b)):
      for i in 0..<n { out[i] = op.holds(a[i], b) }
    case (.decimal(let a, let s), .decimal(let u, let vs)):
      let b = Decimal64.rescale(u, from: vs, to: s)
      if vs <= s { for i in 0..<n { out[i] = op.holds(a[i], b) } } else {
        return compare(op, l, Column.constant(constant, type: l.type, count: n))
      }
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
}
