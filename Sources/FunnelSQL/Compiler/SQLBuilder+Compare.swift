import FunnelData
import FunnelEngine

/// `compare <subject> <a> vs <b> on <aggs> by <keys>` as `CompareOperator`
/// computes it: each side's rows aggregated by the keys; a row per key
/// combination present on either side and per metric, in the order the
/// metrics were written; a side with no rows for a key gets the aggregate
/// over no rows (0 for `count`, null for the others); `change` is b − a
/// (days for dates), `change_pct` (b − a) ÷ a, null when a is 0.
extension SQLBuilder {
  func compare(_ from: SQLRelation, _ plan: ComparePlan) throws(SQLCompileError) -> SQLRelation {
    try located(plan.text) { () throws(SQLCompileError) in
      let subject = try expression(plan.subject, over: from)
      let side = { (v: Value) in
        self.add(
          "compare_side",
          "SELECT *\nFROM \(self.quote(from.name))\nWHERE \(subject) = \(self.literal(v, plan.subject.type))",
          columns: from.columns, types: from.types)
      }
      let sideA = side(plan.a), sideB = side(plan.b)
      let none = add(
        "no_rows", "SELECT *\nFROM \(quote(from.name))\nWHERE FALSE", columns: from.columns, types: from.types)
      let keyNames = plan.keys.map(\.name)
      var perMetric = [(a: SQLRelation, b: SQLRelation, whole: SQLRelation)]()
      for m in plan.metrics {
        perMetric.append(
          (try aggregate(sideA, m.aggregate), try aggregate(sideB, m.aggregate), try aggregate(none, m.whole)))
      }
      // Every metric groups the same rows: the first one's groups are the keys.
      let keys: SQLRelation
      if keyNames.isEmpty {
        keys = add("compare_keys", "SELECT 1 AS \(quote("__one"))", columns: [], types: [])
      } else {
        let list = keyNames.map(quote).joined(separator: ", ")
        keys = add(
          "compare_keys",
          "SELECT \(list) FROM \(quote(perMetric[0].a.name))\nUNION\nSELECT \(list) FROM \(quote(perMetric[0].b.name))",
          columns: keyNames, types: plan.keys.map(\.expr.type))
      }
      var selects = [String]()
      for (i, m) in plan.metrics.enumerated() {
        let type = m.aggregate.outputs[0].expr.type
        func joined(_ r: SQLRelation, _ alias: String) -> String {
          keyNames.isEmpty
            ? "CROSS JOIN \(quote(r.name)) AS \(alias)"
            : "LEFT JOIN (SELECT *, 1 AS \(quote("__present")) FROM \(quote(r.name))) AS \(alias) ON "
              + keyNames.map { "\(alias).\(quote($0)) IS NOT DISTINCT FROM k.\(quote($0))" }.joined(separator: " AND ")
        }
        let value = quote(m.name)
        func pick(_ alias: String) -> String {
          keyNames.isEmpty
            ? "\(alias).\(value)"
            : "CASE WHEN \(alias).\(quote("__present")) IS NULL THEN w.\(value) ELSE \(alias).\(value) END"
        }
        let a = pick("a"), b = pick("b")
        var items = keyNames.map { "k.\(quote($0))" }
        items.append(text(m.name) + " AS " + quote(plan.columnNames[0]))
        items.append(converted(a, type, to: plan.valueType) + " AS " + quote(plan.columnNames[1]))
        items.append(converted(b, type, to: plan.valueType) + " AS " + quote(plan.columnNames[2]))
        items.append(try change(a, b, type, to: plan.changeType) + " AS " + quote(plan.columnNames[3]))
        items.append(relativeChange(a, b, type) + " AS " + quote(plan.columnNames[4]))
        items.append("\(i) AS \(quote("__funnel_metric"))")
        var sampleJoins = ""
        if plan.isTested {
          let test = plan.tests[i]
          var kind = 0
          var sample = [String](repeating: cast("NULL", .double), count: 6)
          if let stats = test.stats {
            kind = test.kind == .proportion ? 1 : 2
            let sa = try aggregate(sideA, stats), sb = try aggregate(sideB, stats)
            for j in stats.outputs.indices {
              let column = quote(stats.outputs[j].name)
              sample[j] = "COALESCE(\(cast("sa.\(column)", .double)), \(double(0.0)))"
              sample[3 + j] = "COALESCE(\(cast("sb.\(column)", .double)), \(double(0.0)))"
            }
            sampleJoins = "\n" + joined(sa, "sa") + "\n" + joined(sb, "sb")
          }
          items.append("\(kind) AS \(quote("__kind"))")
          for (j, x) in sample.enumerated() { items.append("\(x) AS \(quote(SignificanceSQL.sampleNames[j]))") }
        }
        let select: String = "SELECT " + items.joined(separator: ", ")
        let fromKeys: String = "\nFROM \(quote(keys.name)) AS k\n"
        let r = perMetric[i]
        let sides: String = joined(r.a, "a") + "\n" + joined(r.b, "b")
        selects.append(select + fromKeys + sides + "\nCROSS JOIN \(quote(r.whole.name)) AS w" + sampleJoins)
      }
      let types = plan.keys.map(\.expr.type) + [.string, plan.valueType, plan.valueType, plan.changeType, .double]
      let union = selects.joined(separator: "\nUNION ALL\n")
      var out: SQLRelation
      if plan.isTested {
        let raw = add("compare", union, columns: keyNames + plan.columnNames.prefix(5), types: types)
        let shown = (keyNames + plan.columnNames.prefix(5)).map(quote)
        out = SignificanceSQL(b: self).tests(
          over: raw, shown: shown, names: plan.columnNames.suffix(CompareTest.columns.count).map(quote),
          columns: keyNames + plan.columnNames, types: types + CompareTest.columns.map(\.type))
      } else {
        out = add("compare", union, columns: keyNames + plan.columnNames, types: types)
      }
      out.order =
        plan.keys.map { orderTerm(quote($0.name), $0.expr.type, descending: false) } + [quote("__funnel_metric")]
      out.hidden = ["__funnel_metric"]
      return out
    }
  }

  /// A metric's value in the column type the compared metrics share.
  private func converted(_ x: String, _ type: DataType, to target: DataType) -> String {
    if type == target { return x }
    if target == .string { return asText(x, type) }
    return type.isNumeric ? cast(x, target) : cast("NULL", target)
  }

  /// b − a as `CompareOperator.difference`: numbers in their type, whole days
  /// for dates, fractional days for timestamps, else null.
  private func change(_ a: String, _ b: String, _ type: DataType, to target: DataType) throws(SQLCompileError) -> String
  {
    let sides = [a, b]
    let column = { (i: Int, t: DataType) in BoundExpr.column(i, t, .plain) }
    let difference: BoundExpr
    switch type {
    case .int, .double, .decimal: difference = .arithmetic(.subtract, column(1, type), column(0, type), type)
    case .date:
      difference = .arithmetic(
        .subtract, .cast(column(1, .date), .dateToDays), .cast(column(0, .date), .dateToDays), .int)
    case .timestamp:
      difference = .arithmetic(
        .subtract, .cast(column(1, .timestamp), .timestampToDays), .cast(column(0, .timestamp), .timestampToDays),
        .double)
    default: return cast("NULL", target)
    }
    let sql = try render(difference) { sides[$0] }
    return difference.type == target ? sql : cast(sql, target)
  }

  /// (b − a) ÷ a for numbers, null when a is 0.
  private func relativeChange(_ a: String, _ b: String, _ type: DataType) -> String {
    guard type.isNumeric else { return cast("NULL", .double) }
    let x = cast(a, .double), y = cast(b, .double)
    return "((\(y) - \(x)) / NULLIF(\(x), 0))"
  }
}
