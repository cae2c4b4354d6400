import FunnelData
import FunnelEngine

/// `agg ... by ...`: one row per key combination, ordered by the keys with
/// nulls last, as Funnel gives them. Aggregates keep Funnel's types: an int
/// sum stays a BIGINT (an overflow is the server's error, as it is Funnel's),
/// a decimal sum an exact DECIMAL(38, s); averages, medians, percentiles,
/// deviations and shares are doubles.
///
///     deals | agg n = count(), revenue = sum(amount) by owner
///
///     SELECT "owner", count(*) AS "n", CAST(sum("amount") AS DECIMAL(38, 2)) AS "revenue"
///     FROM "deals"
///     GROUP BY 1
extension SQLBuilder {
  func aggregate(_ from: SQLRelation, _ plan: AggregatePlan) throws(SQLCompileError) -> SQLRelation {
    try located(plan.text) { () throws(SQLCompileError) in
      if plan.aggregates.contains(where: { if case .metric = $0.function { return true } else { return false } }) {
        return try aggregateWithMetrics(from, plan)
      }
      var keys = [String]()
      for k in plan.keys {
        let sql = try expression(k.expr, over: from)
        keys.append(sql == quote(k.name) ? sql : "\(sql) AS \(quote(k.name))")
      }
      var slots = [String]()
      for spec in plan.aggregates { slots.append(try aggregate(spec, over: from)) }
      let groupBy = keys.isEmpty ? "" : "\nGROUP BY " + (1...keys.count).map(String.init).joined(separator: ", ")
      let names = plan.keys.map(\.name) + plan.outputs.map(\.name)
      let types = plan.keys.map(\.expr.type) + plan.outputs.map(\.expr.type)
      let keyCount = plan.keys.count
      // Outputs that are each a slot as it is (`n = count()`) are named in one SELECT.
      let direct = plan.outputs.map { o -> Int? in
        if case .column(let i, _, _) = o.expr.unlocated, i >= keyCount { return i - keyCount }
        return nil
      }
      let sql: String
      if direct.allSatisfy({ $0 != nil }) {
        let items = keys + zip(plan.outputs, direct).map { o, slot in "\(slots[slot ?? 0]) AS \(quote(o.name))" }
        sql = "SELECT " + items.joined(separator: ",\n  ") + "\nFROM \(quote(from.name))" + groupBy
      } else {
        let slotNames = slots.indices.map { "__slot_\($0)" }
        let inner = keys + zip(slots, slotNames).map { "\($0) AS \(quote($1))" }
        let columns = plan.keys.map(\.name) + slotNames
        var outputs = plan.keys.map { quote($0.name) }
        for o in plan.outputs {
          outputs.append("\(try render(o.expr) { quote(columns[$0]) }) AS \(quote(o.name))")
        }
        sql =
          "SELECT " + outputs.joined(separator: ",\n  ") + "\nFROM (\n  SELECT "
          + inner.joined(separator: ",\n    ") + "\n  FROM \(quote(from.name))"
          + groupBy.replacingOccurrences(of: "\n", with: "\n  ") + "\n) AS slots"
      }
      var out = add("agg", sql, columns: names, types: types)
      out.order = plan.keys.map { orderTerm(quote($0.name), $0.expr.type, descending: false) }
      return out
    }
  }

  /// One aggregate over the rows of `from`.
  func aggregate(_ spec: AggregateSpec, over from: SQLRelation) throws(SQLCompileError) -> String {
    let argument = try spec.argument.map { (a) throws(SQLCompileError) in try expression(a, over: from) }
    let x = argument ?? "NULL"
    let argType = spec.argument?.type ?? .int
    switch spec.function {
    case .countRows: return "count(*)"
    case .count: return "count(\(x))"
    case .countIf: return "count(*) FILTER (WHERE \(x))"
    case .countDistinct: return "count(DISTINCT \(x))"
    case .sum: return spec.type == .double ? "sum(\(x))" : cast("sum(\(x))", spec.type)
    case .avg:
      // Spark averages a decimal in decimals cut to a few more places;
      // Funnel's average is a double.
      if dialect == .spark, case .decimal = argType { return cast("avg(\(cast(x, .double)))", .double) }
      return cast("avg(\(x))", .double)
    case .stddev: return cast("stddev_samp(\(x))", .double)
    case .share: return cast("avg(CASE WHEN \(x) THEN 1 ELSE 0 END)", .double)
    case .min, .max:
      let isMin = spec.function == .min
      if dialect == .postgres, argType == .bool { return "\(isMin ? "bool_and" : "bool_or")(\(x))" }
      return "\(isMin ? "min" : "max")(\(ordered(x, argType)))"
    case .median: return quantile(x, 0.5, date: spec.type == .date)
    case .percentile(let p): return quantile(x, p, date: false)
    case .metric(let call):
      // `aggregateWithMetrics` computes metrics from their facts.
      throw SQLCompileError(
        "internal error: the metric `\(call.name)` reached a plain aggregate (this is a bug)", stage: nil)
    }
  }

  /// The continuous quantile `p` (linear between the two nearest values); of
  /// dates, the day it falls on (rounded down, as Funnel's median of dates).
  private func quantile(_ x: String, _ p: Double, date: Bool) -> String {
    let fraction = String(p)
    let epoch = "DATE '1970-01-01'"
    switch (dialect, date) {
    // Over a decimal DuckDB interpolates in decimals, cut to the scale:
    // the value is read as a double first, as Funnel interpolates.
    case (.duckdb, false): return cast("quantile_cont(\(cast(x, .double)), \(fraction))", .double)
    case (.duckdb, true): return cast("quantile_cont(\(x), \(fraction))", .date)
    case (.postgres, false): return cast("percentile_cont(\(fraction)) WITHIN GROUP (ORDER BY \(x))", .double)
    case (.postgres, true):
      return
        "(\(epoch) + CAST(floor(percentile_cont(\(fraction)) WITHIN GROUP (ORDER BY (\(x) - \(epoch)))) AS INTEGER))"
    case (.spark, false): return cast("percentile(\(x), \(fraction))", .double)
    case (.spark, true):
      return "date_add(\(epoch), CAST(floor(percentile(datediff(\(x), \(epoch)), \(fraction))) AS INT))"
    }
  }
}

extension BoundExpr {
  /// The expression without the `located` wrappers around it.
  var unlocated: BoundExpr {
    if case .located(let e, _) = self { return e.unlocated }
    return self
  }
}
