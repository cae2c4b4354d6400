import FunnelData
import FunnelLanguage

/// `compare`: the rows of each side aggregated by the keys, then one output
/// row per key combination (present on either side) and per metric, in the
/// order the metrics were written. A side with no rows for a key gets the
/// aggregate's value over no rows (0 for `count`, null for the others).
/// Values of any type are shown; the change is b − a for numbers, whole days
/// for dates (fractional for timestamps) and null for other types.
/// The assembly works on `Value`s: it runs once per output row, not per input row.
enum CompareOperator {
  static func run(_ input: Table, _ plan: ComparePlan, _ context: ExecutionContext) throws -> Table {
    let subject = try Evaluator.evaluate(plan.subject, Batch(input))
    let sideA = input.gather(selection(Comparisons.compare(.equal, subject, constant: plan.a)))
    let sideB = input.gather(selection(Comparisons.compare(.equal, subject, constant: plan.b)))
    let noRows = input.gather([])
    let keyCount = plan.keys.count
    var keyRows = [[Value]]()
    var values = [[(a: Value?, b: Value?)]]()  // per metric, per key row index; nil = no rows on that side
    var overNoRows = [Value]()  // per metric
    var index = [[Value]: Int]()
    for (m, metric) in plan.metrics.enumerated() {
      try context.cancellation.check()
      let a = try AggregateOperator.run(sideA, metric.aggregate, context)
      let b = try AggregateOperator.run(sideB, metric.aggregate, context)
      // Without keys an aggregation gives exactly one row, even over no rows.
      let whole = try AggregateOperator.run(noRows, metric.whole, context)
      overNoRows.append(whole.rowCount > 0 ? whole.row(0)[whole.columnCount - 1] : .null)
      values.append([])
      for (table, isA) in [(a, true), (b, false)] {
        if keyCount == 0, (isA ? sideA : sideB).rowCount == 0 { continue }
        for r in 0..<table.rowCount {
          let row = table.row(r)
          let key = Array(row.prefix(keyCount))
          let k: Int
          if let known = index[key] {
            k = known
          } else {
            k = keyRows.count
            index[key] = k
            keyRows.append(key)
          }
          while values[m].count <= k { values[m].append((nil, nil)) }
          if isA { values[m][k].a = row[keyCount] } else { values[m][k].b = row[keyCount] }
        }
      }
    }
    if keyCount == 0, keyRows.isEmpty { keyRows = [[]] }
    let samples = try plan.tests.map { test in
      try test.stats.map { (a: try samplesByKey(sideA, $0, context), b: try samplesByKey(sideB, $0, context)) }
    }
    let order = keyRows.indices.sorted { ValueOrder.less(keyRows[$0], keyRows[$1]) }
    var rows = [[Value]]()
    for k in order {
      for (m, metric) in plan.metrics.enumerated() {
        let pair: (a: Value?, b: Value?) = k < values[m].count ? values[m][k] : (nil, nil)
        let a = pair.a ?? overNoRows[m], b = pair.b ?? overNoRows[m]
        var row = keyRows[k] + [.string(metric.name), a, b, try difference(a, b), relativeChange(a, b)]
        if plan.isTested {
          let outcome = samples[m].map { outcomeOf(plan.tests[m].kind, $0.a[keyRows[k]], $0.b[keyRows[k]]) }
          row += testValues(outcome)
        }
        rows.append(row)
      }
    }
    var columns = [Column]()
    for (i, key) in plan.keys.enumerated() {
      columns.append(Column.make(key.expr.type, rows.map { $0[i] }, hint: key.expr.hint))
    }
    columns.append(Column.make(.string, rows.map { $0[keyCount] }))
    // Metrics of several kinds (a count and a rate) share the value columns:
    // each row is then shown as its metric is (see `DisplayHint`).
    let hints = plan.metrics.map { $0.aggregate.outputs[0].expr.hint }
    let mixed = hints.contains { $0 != hints[0] }
    let rowHints = mixed ? order.flatMap { _ in hints } : nil
    for j in 1...2 {
      var c = Column.make(plan.valueType, rows.map { convert($0[keyCount + j], plan.valueType) }, hint: plan.valueHint)
      c.rowHints = rowHints
      columns.append(c)
    }
    var change = Column.make(
      plan.changeType, rows.map { convert($0[keyCount + 3], plan.changeType) }, hint: plan.changeHint)
    change.rowHints = rowHints?.map(changeHint)
    columns.append(change)
    columns.append(Column.make(.double, rows.map { $0[keyCount + 4] }, hint: .rate))
    if plan.isTested {
      for (j, c) in CompareTest.columns.enumerated() {
        let interval = c.name == "ci_low" || c.name == "ci_high"
        var column = Column.make(c.type, rows.map { $0[keyCount + 5 + j] }, hint: interval ? plan.changeHint : .plain)
        if interval { column.rowHints = rowHints?.map(changeHint) }
        columns.append(column)
      }
    }
    return Table(names: plan.keys.map(\.name) + plan.columnNames, columns: columns)
  }

  static func selection(_ mask: Column) -> [Int32] {
    var out = [Int32]()
    for (i, t) in mask.trueMask.enumerated() where t { out.append(Int32(i)) }
    return out
  }

  /// The type of a metric's change: numbers their own, dates whole days,
  /// timestamps fractional days; nil (a null change) for other types.
  static func changeType(_ t: DataType) -> DataType? {
    switch t {
    case .int, .double, .decimal: return t
    case .date: return .int
    case .timestamp: return .double
    default: return nil
    }
  }

  /// How a change is shown: a rate's change in percentage points, others as
  /// their values are.
  static func changeHint(_ valueHint: DisplayHint) -> DisplayHint {
    valueHint == .rate ? .points : valueHint
  }

  /// b − a: exact for ints and decimals, days for dates and timestamps;
  /// null when either side is null or the values are not numbers or dates.
  /// A change that leaves its type (two huge sums of opposite sign) is the
  /// overflow error of every other kernel, never a wrapped number.
  static func difference(_ a: Value, _ b: Value) throws -> Value {
    func checked(_ r: (partialValue: Int64, overflow: Bool), _ type: DataType) throws -> Int64 {
      if r.overflow { throw Diagnostic.overflow(Overflow(type), at: nil) }
      return r.partialValue
    }
    switch (a, b) {
    case (.int(let x), .int(let y)): return .int(try checked(y.subtractingReportingOverflow(x), .int))
    case (.int(let x), .decimal): return try difference(.decimal(x, scale: 0), b)
    case (.decimal, .int(let y)): return try difference(a, .decimal(y, scale: 0))
    case (.decimal(let x, let s), .decimal(let y, let t)):
      let u = max(s, t)
      guard let x2 = Decimal64.rescaled(x, from: s, to: u), let y2 = Decimal64.rescaled(y, from: t, to: u) else {
        throw Diagnostic.overflow(Overflow(.decimal(scale: u)), at: nil)
      }
      return .decimal(try checked(y2.subtractingReportingOverflow(x2), .decimal(scale: u)), scale: u)
    case (.double, _), (_, .double):
      guard isNumber(a), isNumber(b), let x = a.doubleValue, let y = b.doubleValue else { return .null }
      return .double(y - x)
    case (.date(let x), .date(let y)): return .int(Int64(y) - Int64(x))
    case (.timestamp(let x), .timestamp(let y)):
      return .double((Double(y) - Double(x)) / Double(Timestamps.microsPerDay))
    default: return .null
    }
  }

  /// (b − a) ÷ a for numbers; null when a is 0 or either is null or not a number.
  static func relativeChange(_ a: Value, _ b: Value) -> Value {
    guard isNumber(a), isNumber(b), let x = a.doubleValue, let y = b.doubleValue, x != 0 else { return .null }
    return .double((y - x) / x)
  }

  static func isNumber(_ v: Value) -> Bool {
    switch v {
    case .int, .double, .decimal: return true
    default: return false
    }
  }

  /// A value as a cell of a column of `type` (text shows any value as machine formats write it).
  static func convert(_ v: Value, _ type: DataType) -> Value {
    if v.isNull { return .null }
    switch type {
    case .double: return isNumber(v) ? v.doubleValue.map(Value.double) ?? .null : .null
    case .string: return .string(v.rawText)
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
