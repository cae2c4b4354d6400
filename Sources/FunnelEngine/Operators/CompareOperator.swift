import FunnelData

/// `compare`: the rows of each side aggregated by the keys, then one output
/// row per key combination (present on either side) and per metric, in the
/// order the metrics were written. A side with no rows for a key counts 0.
/// The assembly works on `Value`s: it runs once per output row, not per input row.
enum CompareOperator {
  static func run(_ input: Table, _ plan: ComparePlan, _ context: ExecutionContext) throws -> Table {
    let subject = try Evaluator.evaluate(plan.subject, Batch(input))
    let sideA = input.gather(selection(Comparisons.compare(.equal, subject, constant: plan.a)))
    let sideB = input.gather(selection(Comparisons.compare(.equal, subject, constant: plan.b)))
    let keyCount = plan.keys.count
    var keyRows = [[Value]]()
    var seen = Set<[Value]>()
    var values = [[(a: Value, b: Value)]]()  // per metric, per key row index
    var index = [[Value]: Int]()
    for (m, metric) in plan.metrics.enumerated() {
      try context.cancellation.check()
      let a = try AggregateOperator.run(sideA, metric.aggregate, context)
      let b = try AggregateOperator.run(sideB, metric.aggregate, context)
      values.append([])
      for (table, isA) in [(a, true), (b, false)] {
        for r in 0..<table.rowCount {
          // Aggregates without keys give one row even over no rows: that is a side with no rows.
          if keyCount == 0, (isA ? sideA : sideB).rowCount == 0 { continue }
          let row = table.row(r)
          let key = Array(row.prefix(keyCount))
          if seen.insert(key).inserted {
            index[key] = keyRows.count
            keyRows.append(key)
          }
          let k = index[key] ?? 0
          while values[m].count <= k { values[m].append((.int(0), .int(0))) }
          if isA { values[m][k].a = row[keyCount] } else { values[m][k].b = row[keyCount] }
        }
      }
    }
    if keyCount == 0, keyRows.isEmpty { keyRows = [[]] }
    let order = keyRows.indices.sorted { ValueOrder.less(keyRows[$0], keyRows[$1]) }
    var rows = [[Value]]()
    for k in order {
      for (m, metric) in plan.metrics.enumerated() {
        let pair: (a: Value, b: Value) = k < values[m].count ? values[m][k] : (Value.int(0), Value.int(0))
        let a = pair.a, b = pair.b
        var change = Value.null, pct = Value.null
        if let x = a.doubleValue, let y = b.doubleValue {
          change = difference(a, b)
          if x != 0 { pct = .double((y - x) / x) }
        }
        rows.append(keyRows[k] + [.string(metric.name), a, b, change, pct])
      }
    }
    var columns = [Column]()
    for (i, key) in plan.keys.enumerated() {
      columns.append(Column.make(key.expr.type, rows.map { $0[i] }, hint: key.expr.hint))
    }
    columns.append(Column.make(.string, rows.map { $0[keyCount] }))
    for j in 1...3 {
      columns.append(Column.make(plan.valueType, rows.map { convert($0[keyCount + j], plan.valueType) }, hint: plan.valueHint))
    }
    columns.append(Column.make(.double, rows.map { $0[keyCount + 4] }, hint: .rate))
    return Table(names: plan.keys.map(\.name) + plan.columnNames, columns: columns)
  }

  static func selection(_ mask: Column) -> [Int32] {
    var out = [Int32]()
    for (i, t) in mask.trueMask.enumerated() where t { out.append(Int32(i)) }
    return out
  }

  /// b − a, exact for ints and decimals.
  static func difference(_ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)): return .int(y &- x)
    case (.int(let x), .decimal): return difference(.decimal(x, scale: 0), b)
    case (.decimal, .int(let y)): return difference(a, .decimal(y, scale: 0))
    case (.decimal(let x, let s), .decimal(let y, let t)):
      let u = max(s, t)
      return .decimal(Decimal64.rescale(y, from: t, to: u) &- Decimal64.rescale(x, from: s, to: u), scale: u)
    default: return .double((b.doubleValue ?? 0) - (a.doubleValue ?? 0))
    }
  }

  static func convert(_ v: Value, _ type: DataType) -> Value {
    switch (type, v) {
    case (.double, _): return v.doubleValue.map(Value.double) ?? .null
    default: return v
    }
  }
}

/// Ascending order of rows of values, nulls last (small results only).
enum ValueOrder {
  static func less(_ a: [Value], _ b: [Value]) -> Bool {
    for (x, y) in zip(a, b) {
      if x == y { continue }
      if x.isNull { return false }
      if y.isNull { return true }
      return less(x, y)
    }
    return false
  }

  static func less(_ x: Value, _ y: Value) -> Bool {
    switch (x, y) {
    case (.string(let s), .string(let t)): return s.utf8.lexicographicallyPrecedes(t.utf8)
    case (.date(let s), .date(let t)): return s < t
    case (.timestamp(let s), .timestamp(let t)): return s < t
    case (.period(let s, _), .period(let t, _)): return s < t
    case (.bool(let s), .bool(let t)): return !s && t
    default: return (x.doubleValue ?? 0) < (y.doubleValue ?? 0)
    }
  }
}
