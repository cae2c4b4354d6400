import FunnelData
import FunnelEngine

/// The row stages: scan, filter, the projections, sort, take, distinct, join.
///
/// Funnel's rows have an order (a table's own, a sort's, stable on ties; an
/// aggregation's, by its keys with nulls last), and `take`, `distinct` and a
/// stable `sort` depend on it. A relation is asked for with `ordered: true`
/// when its order matters above it; a scan then numbers its rows
/// (`__funnel_row`), and each stage carries or renumbers that column. A sort
/// whose order nothing reads (`sort | agg`) is left out.
extension SQLBuilder {
  /// The name of the column holding a row's place.
  static let rowColumn = "__funnel_row"

  /// The SQL relation a plan node produces.
  func relation(_ node: PlanNode) throws(SQLCompileError) -> SQLRelation {
    try relation(node, ordered: true)
  }

  func relation(_ node: PlanNode, ordered: Bool) throws(SQLCompileError) -> SQLRelation {
    switch node {
    case .scan(let name, let schema):
      let table = SQLRelation(name: name, columns: schema.names, types: schema.types)
      return ordered ? numbered(table, stage: "scan") : table
    case .filter(let input, let predicate, let text):
      let from = try relation(input, ordered: ordered)
      let condition = try located(text) { () throws(SQLCompileError) in try expression(predicate, over: from) }
      var out = add(
        "filter", "SELECT *\nFROM \(quote(from.name))\nWHERE \(condition)", columns: from.columns, types: from.types)
      out.order = from.order
      out.hidden = from.hidden
      return out
    case .project(let input, let columns, let verb, let text):
      let from = try relation(input, ordered: ordered)
      var items = [String]()
      for c in columns {
        let sql = try located(text) { () throws(SQLCompileError) in try expression(c.expr, over: from) }
        items.append(sql == quote(c.name) ? sql : "\(sql) AS \(quote(c.name))")
      }
      return carrying(from, verb, items, columns: columns.map(\.name), types: columns.map(\.expr.type))
    case .aggregate(let input, let plan):
      return try aggregate(try relation(input, ordered: false), plan)
    case .sort(let input, let keys, let text):
      let from = try relation(input, ordered: ordered)
      guard ordered else { return from }
      var terms = [String]()
      for k in keys {
        let sql = try located(text) { () throws(SQLCompileError) in try expression(k.expr, over: from) }
        terms.append(orderTerm(sql, k.expr.type, descending: k.descending))
      }
      return renumbered(from, "sort", by: terms + from.order)
    case .limit(let input, let count):
      let from = try relation(input, ordered: true)
      let orderBy = from.order.isEmpty ? "" : "\nORDER BY " + from.order.joined(separator: ", ")
      var out = add(
        "take", "SELECT *\nFROM \(quote(from.name))\(orderBy)\nLIMIT \(count)", columns: from.columns, types: from.types
      )
      out.order = from.order
      out.hidden = from.hidden
      return out
    case .distinct(let input, let positions, let names):
      return try distinct(try relation(input, ordered: ordered), positions, names, ordered: ordered)
    case .join(let input, let plan):
      return try join(try relation(input, ordered: ordered), plan, ordered: ordered)
    case .compare(let input, let plan):
      return try compare(try relation(input, ordered: false), plan)
    case .window(let input, let plan):
      // A window reads its rows in their order (ties, `over ()`), wanted above or not.
      return try window(try relation(input, ordered: true), plan)
    case .vocabulary(let input, let plan, let columns):
      let from = try input.map { (i) throws(SQLCompileError) in try relation(i) }
      return try vocabulary(from, plan, columns: columns)
    case .save:
      // A file on the user's machine is not something a database writes: a
      // remote run leaving it out would look like success. The memory engine
      // writes it.
      throw SQLCompileError(
        "save writes a local file and has no \(dialect.rawValue) SQL form; run it with .engine memory",
        stage: "save", hint: "drop `| save ...` to run the rest on \(dialect.rawValue)")
    case .chart(let input, _):
      // A chart draws the rows its input gives: the SQL is the input's.
      return try relation(input, ordered: ordered)
    case .topN(let input, let keys, let count, let text):
      return try relation(.limit(.sort(input, keys: keys, text: text), count: count), ordered: ordered)
    case .prune(let input, _, _):
      return try relation(input, ordered: ordered)
    }
  }

  /// `sql ASC NULLS LAST`: Funnel puts nulls last in either direction.
  func orderTerm(_ sql: String, _ type: DataType, descending: Bool) -> String {
    ordered(sql, type) + (descending ? " DESC" : " ASC") + " NULLS LAST"
  }

  /// The compile error of a stage, with the stage's text for the caret.
  func located<T>(_ stage: String, _ body: () throws(SQLCompileError) -> T) throws(SQLCompileError) -> T {
    do {
      return try body()
    } catch {
      var e = error
      if e.stage == nil { e.stage = stage }
      throw e
    }
  }

  /// `relation` with its rows numbered in their order (a table in its own
  /// order: the order it is read in).
  func numbered(_ r: SQLRelation, stage: String) -> SQLRelation {
    if r.hidden == [Self.rowColumn] { return r }
    let number: String
    if r.order.isEmpty {
      switch dialect {
      case .duckdb, .postgres: number = "row_number() OVER ()"
      // Increasing in the order the rows are read; not consecutive, which no stage needs.
      case .spark: number = "monotonically_increasing_id()"
      }
    } else {
      number = "row_number() OVER (ORDER BY " + r.order.joined(separator: ", ") + ")"
    }
    let visible = r.columns.map(quote).joined(separator: ", ")
    let select = r.hidden.isEmpty && r.order.isEmpty ? "*" : visible
    var out = add(
      stage, "SELECT \(select), \(number) AS \(quote(Self.rowColumn))\nFROM \(quote(r.name))", columns: r.columns,
      types: r.types)
    out.order = [quote(Self.rowColumn)]
    out.hidden = [Self.rowColumn]
    return out
  }

  /// The rows of `r` in a new order `terms` (over its columns), numbered.
  private func renumbered(_ r: SQLRelation, _ stage: String, by terms: [String]) -> SQLRelation {
    let visible = r.columns.map(quote).joined(separator: ", ")
    let number = "row_number() OVER (ORDER BY " + terms.joined(separator: ", ") + ")"
    var out = add(
      stage, "SELECT \(visible), \(number) AS \(quote(Self.rowColumn))\nFROM \(quote(r.name))", columns: r.columns,
      types: r.types)
    out.order = [quote(Self.rowColumn)]
    out.hidden = [Self.rowColumn]
    return out
  }

  /// A projection of `items`, keeping the row order of `from` when it has one:
  /// its hidden row number, or a number from its order (which may name
  /// columns the projection drops).
  private func carrying(_ from: SQLRelation, _ stage: String, _ items: [String], columns: [String], types: [DataType])
    -> SQLRelation
  {
    var list = items
    var order: [String] = []
    var hidden: [String] = []
    if !from.hidden.isEmpty {
      list += from.hidden.map(quote)
      (order, hidden) = (from.order, from.hidden)
    } else if !from.order.isEmpty {
      list.append("row_number() OVER (ORDER BY " + from.order.joined(separator: ", ") + ") AS " + quote(Self.rowColumn))
      (order, hidden) = ([quote(Self.rowColumn)], [Self.rowColumn])
    }
    var out = add(
      stage, "SELECT " + list.joined(separator: ",\n  ") + "\nFROM \(quote(from.name))", columns: columns, types: types)
    out.order = order
    out.hidden = hidden
    return out
  }

  /// `distinct`: the first row of each combination, in the order the first rows come.
  private func distinct(_ from: SQLRelation, _ positions: [Int], _ names: [String], ordered: Bool)
    throws(SQLCompileError)
    -> SQLRelation
  {
    let items = positions.enumerated().map { i, p in
      from.columns[p] == names[i] ? quote(names[i]) : "\(quote(from.columns[p])) AS \(quote(names[i]))"
    }
    let types = positions.map { from.types[$0] }
    guard ordered else {
      return add(
        "distinct", "SELECT DISTINCT " + items.joined(separator: ", ") + "\nFROM \(quote(from.name))", columns: names,
        types: types)
    }
    let source = numbered(from, stage: "number")
    let keys = positions.map { quote(source.columns[$0]) }.joined(separator: ", ")
    var out = add(
      "distinct",
      "SELECT " + items.joined(separator: ", ") + ", min(\(quote(Self.rowColumn))) AS \(quote(Self.rowColumn))\n"
        + "FROM \(quote(source.name))\nGROUP BY \(keys)", columns: names, types: types)
    out.order = [quote(Self.rowColumn)]
    out.hidden = [Self.rowColumn]
    return out
  }

  /// `join [left] <right> on l == r`: each left row with its matches in the
  /// right's order (a left join keeps an unmatched row once, with nulls);
  /// null keys match nothing, as `=` does.
  private func join(_ left: SQLRelation, _ plan: JoinPlan, ordered: Bool) throws(SQLCompileError) -> SQLRelation {
    let l = ordered ? numbered(left, stage: "number") : left
    let right = try relation(plan.right, ordered: ordered)
    let r = ordered ? numbered(right, stage: "number") : right
    var items = l.columns.map { "l.\(quote($0))" }
    for c in plan.rightColumns {
      items.append("r.\(quote(r.columns[c.index])) AS \(quote(c.name))")
    }
    if ordered {
      let rowOrder = "row_number() OVER (ORDER BY l.\(quote(Self.rowColumn)), r.\(quote(Self.rowColumn)))"
      items.append("\(rowOrder) AS \(quote(Self.rowColumn))")
    }
    let on = "l.\(quote(l.columns[plan.leftKey])) = r.\(quote(r.columns[plan.rightKey]))"
    var out = add(
      "join",
      "SELECT " + items.joined(separator: ",\n  ") + "\nFROM \(quote(l.name)) AS l\n"
        + "\(plan.left ? "LEFT JOIN" : "JOIN") \(quote(r.name)) AS r ON \(on)",
      columns: l.columns + plan.rightColumns.map(\.name),
      types: l.types + plan.rightColumns.map { r.types[$0.index] })
    if ordered {
      out.order = [quote(Self.rowColumn)]
      out.hidden = [Self.rowColumn]
    }
    return out
  }
}
