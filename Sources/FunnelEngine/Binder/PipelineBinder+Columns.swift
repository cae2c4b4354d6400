import FunnelData
import FunnelLanguage

/// `select`, `derive` and `agg`.
extension PipelineBinder {
  func bindSelect(_ items: [NamedExpr], _ node: PlanNode, _ scope: Scope) throws -> (PlanNode, Scope) {
    let binder = ExprBinder(scope: scope, catalog: catalog, clause: "select")
    var names = NameAllocator()
    var columns = [OutputColumn]()
    for item in items {
      let expr = try binder.bind(item.expr)
      columns.append(OutputColumn(name: names.claim(item.name?.text ?? Naming.name(item.expr)), expr: expr))
    }
    let text = items.map(ExprText.text).joined(separator: ", ")
    return (
      .project(node, columns: columns, verb: "select", text: text),
      Scope(columns: columns, label: scope.label, origin: scope.origin)
    )
  }

  /// Items are bound in order over the columns so far, so a later item sees
  /// an earlier one (its expression is substituted in).
  func bindDerive(_ items: [NamedExpr], _ node: PlanNode, _ scope: Scope) throws -> (PlanNode, Scope) {
    var columns = scope.passThrough
    for item in items {
      let current = Scope(columns: columns, label: scope.label, origin: scope.origin)
      let local = try ExprBinder(scope: current, catalog: catalog, clause: "derive").bind(item.expr)
      let snapshot = columns
      let expr = local.replacingColumns { snapshot[$0].expr }
      let name = item.name?.text ?? Naming.name(item.expr)
      if let i = columns.firstIndex(where: { $0.name == name }) {
        columns[i].expr = expr
      } else {
        columns.append(OutputColumn(name: name, expr: expr))
      }
    }
    let text = items.map(ExprText.text).joined(separator: ", ")
    return (
      .project(node, columns: columns, verb: "derive", text: text),
      Scope(columns: columns, label: scope.label, origin: scope.origin)
    )
  }

  /// Binds keys (over the rows) and aggregates (in an aggregate context).
  func bindAggregation(_ aggregates: [NamedExpr], by: [NamedExpr], _ scope: Scope, clause: String) throws
    -> AggregatePlan
  {
    let rows = ExprBinder(scope: scope, catalog: catalog, clause: "by")
    var names = NameAllocator()
    var keys = [OutputColumn]()
    var keyInfo = [(name: String, text: String, type: DataType, hint: DisplayHint)]()
    for k in by {
      let expr = try rows.bind(k.expr)
      let name = names.claim(k.name?.text ?? Naming.name(k.expr))
      keys.append(OutputColumn(name: name, expr: expr))
      keyInfo.append((name, ExprText.text(k.expr), expr.type, expr.hint))
    }
    let aggregation = Aggregation(input: scope, keys: keyInfo)
    let binder = ExprBinder(scope: scope, catalog: catalog, clause: clause, aggregation: aggregation)
    var outputs = [OutputColumn]()
    for a in aggregates {
      let expr = try binder.bind(a.expr)
      outputs.append(OutputColumn(name: names.claim(a.name?.text ?? Naming.aggregateName(a.expr)), expr: expr))
    }
    let text =
      (by.isEmpty ? "" : "group by " + by.map(ExprText.text).joined(separator: ", ") + "; ")
      + "compute " + zip(outputs, aggregates).map { $0.name + " = " + ExprText.text($1.expr) }.joined(separator: ", ")
    return AggregatePlan(keys: keys, aggregates: aggregation.specs, outputs: outputs, origin: scope.origin, text: text)
  }

  func bindAggregate(_ aggregates: [NamedExpr], by: [NamedExpr], _ node: PlanNode, _ scope: Scope, span: Span) throws
    -> (PlanNode, Scope)
  {
    guard !aggregates.isEmpty else {
      throw Diagnostic(message: "agg needs at least one aggregate", span: span, hints: ["agg n = count() by owner"])
    }
    let plan = try bindAggregation(aggregates, by: by, scope, clause: "agg")
    return (.aggregate(node, plan), Scope(columns: plan.keys + plan.outputs, origin: nil))
  }
}
