import FunnelData
import FunnelEngine

/// The `window` step: the input's rows numbered in their order
/// (`__funnel_row`), each function a SQL window function over `PARTITION BY`
/// its keys `ORDER BY` its sort keys (nulls last, as Funnel sorts) then the
/// row number, so ties keep the input's order as Funnel's stable sort does
/// and every engine gives the same rows. The rows keep their order.
///
///     deals | derive to_date = running_sum(amount) over (by owner sort created_at)
///
///     SELECT *, CAST(sum("amount") OVER (PARTITION BY "owner" ORDER BY "created_at" ASC NULLS LAST,
///       "__funnel_row" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DECIMAL(38, 2)) AS "__window_1"
///     FROM "scan"
extension SQLBuilder {
  func window(_ input: SQLRelation, _ plan: WindowPlan) throws(SQLCompileError) -> SQLRelation {
    let from = numbered(input, stage: "number")
    var items = ["*"]
    for (spec, name) in zip(plan.functions, plan.names) {
      let sql = try located(spec.site.text) { () throws(SQLCompileError) in try window(spec, over: from) }
      items.append("\(sql) AS \(quote(name))")
    }
    var out = add(
      "window", "SELECT " + items.joined(separator: ",\n  ") + "\nFROM \(quote(from.name))",
      columns: from.columns + plan.names, types: from.types + plan.functions.map(\.type))
    out.order = from.order
    out.hidden = from.hidden
    return out
  }

  /// One function, its value for each row of `from`.
  private func window(_ spec: WindowSpec, over from: SQLRelation) throws(SQLCompileError) -> String {
    let x = try spec.argument.map { (a) throws(SQLCompileError) in try expression(a, over: from) } ?? "NULL"
    var partition = [String]()
    for k in spec.partition { partition.append(try expression(k, over: from)) }
    var keys = [String]()
    for k in spec.order {
      keys.append(orderTerm(try expression(k.expr, over: from), k.expr.type, descending: k.descending))
    }
    let by = partition.isEmpty ? "" : "PARTITION BY " + partition.joined(separator: ", ")
    func over(ties: Bool = true, frame: String? = nil) -> String {
      let order = keys + (ties ? [quote(Self.rowColumn) + " ASC"] : [])
      let parts = [by, order.isEmpty ? "" : "ORDER BY " + order.joined(separator: ", "), frame ?? ""]
      return "OVER (" + parts.filter { !$0.isEmpty }.joined(separator: " ") + ")"
    }
    let soFar = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
    let argType = spec.argument?.type ?? .int
    func double(_ sql: String) -> String { argType == .double ? sql : cast(sql, .double) }
    switch spec.function {
    case .lag(let n): return "lag(\(x), \(n)) \(over())"
    case .lead(let n): return "lead(\(x), \(n)) \(over())"
    case .rowNumber: return cast("row_number() \(over())", .int)
    // Ranked by the sort keys alone: rows that tie on them are peers and share a rank.
    case .rank: return cast("rank() \(over(ties: false))", .int)
    case .runningCount:
      return cast("count(\(spec.argument == nil ? "*" : x)) \(over(frame: soFar))", .int)
    case .runningSum:
      let sum = "sum(\(x)) \(over(frame: soFar))"
      return spec.type == .double ? sum : cast(sum, spec.type)
    case .movingAverage(let n):
      let frame =
        n == 1 ? "ROWS BETWEEN CURRENT ROW AND CURRENT ROW" : "ROWS BETWEEN \(n - 1) PRECEDING AND CURRENT ROW"
      // Spark averages a decimal in decimals cut to a few more places; Funnel's mean is a double.
      if dialect == .spark, case .decimal = argType {
        return cast("avg(\(cast(x, .double))) \(over(frame: frame))", .double)
      }
      return cast("avg(\(x)) \(over(frame: frame))", .double)
    case .shareOfTotal:
      let total = "sum(\(double(x))) OVER (\(by))"
      return "(\(double(x)) / NULLIF(\(total), 0))"
    case .change:
      let difference = "(\(x) - lag(\(x), 1) \(over()))"
      return spec.type == .double ? difference : cast(difference, spec.type)
    case .percentChange:
      return growth(double(x), double("lag(\(x), 1) \(over())"))
    case .monthGrowth:
      guard let month = spec.order.first else {
        throw SQLCompileError("internal error: lead_velocity_rate() without its month (this is a bug)", stage: nil)
      }
      let m = try expression(month.expr, over: from)
      let previous = "lag(\(m), 1) \(over())"
      let change = growth(double(x), double("lag(\(x), 1) \(over())"))
      return "CASE WHEN \(monthNumber(m)) - \(monthNumber(previous)) = 1 THEN \(change) END"
    }
  }

  /// (x − previous) ÷ previous, null for a previous value of 0.
  private func growth(_ x: String, _ previous: String) -> String {
    "((\(x) - \(previous)) / NULLIF(\(previous), 0))"
  }

  /// A month's text (`2026-03`) as a count of months, so that consecutive months differ by 1.
  private func monthNumber(_ text: String) -> String {
    "(CAST(substr(\(text), 1, 4) AS INTEGER) * 12 + CAST(substr(\(text), 6, 2) AS INTEGER))"
  }
}
