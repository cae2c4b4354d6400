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
  ///
  /// Window functions become a `window` step under the projection, which
  /// reads their columns. A window function over another's result (`b =
  /// change(a) over (...)` after `a = lag(x) over (...)`) needs that result
  /// first: the items before it are closed into a step of their own (window,
  /// then projection) and the rest bind over it.
  func bindDerive(_ items: [NamedExpr], _ node: PlanNode, _ scope: Scope) throws -> (PlanNode, Scope) {
    var input = node
    var columns = scope.passThrough
    var windowing = Windowing(inputWidth: columns.count, columns: columns)
    var layerItems: [NamedExpr] = []
    /// The layer so far as a step: its window functions, then the projection.
    func layer() -> PlanNode {
      var below = input
      if !windowing.specs.isEmpty {
        var names = NameAllocator(existing: input.outputNames)
        let hidden = windowing.specs.indices.map { names.claim("__window_\($0 + 1)") }
        below = .window(input, WindowPlan(functions: windowing.specs, names: hidden))
      }
      let text = layerItems.map(ExprText.text).joined(separator: ", ")
      return .project(below, columns: columns, verb: "derive", text: text)
    }
    for item in items {
      var expr: BoundExpr? = nil
      for attempt in 0..<2 {
        let current = Scope(columns: columns, label: scope.label, origin: scope.origin)
        windowing.beginItem(columns)
        let binder = ExprBinder(scope: current, catalog: catalog, clause: "derive", windowing: windowing)
        let local = try binder.bind(item.expr)
        if windowing.needsLayer {
          // Over a fresh layer every column is the layer's own: nothing can need another.
          guard attempt == 0, !layerItems.isEmpty else {
            throw Diagnostic(
              message: "internal error: a window function reads a column its own step computes (this is a bug)",
              span: item.expr.span)
          }
          windowing.dropItem()
          input = layer()
          columns = Scope(columns: columns, label: scope.label, origin: scope.origin).passThrough
          windowing = Windowing(inputWidth: columns.count, columns: columns)
          layerItems = []
          continue
        }
        expr = local.replacingColumns { windowing.reference($0) }
        break
      }
      guard let expr else { continue }
      let name = item.name?.text ?? Naming.name(item.expr)
      if let i = columns.firstIndex(where: { $0.name == name }) {
        columns[i].expr = expr
      } else {
        columns.append(OutputColumn(name: name, expr: expr))
      }
      layerItems.append(item)
    }
    return (layer(), Scope(columns: columns, label: scope.label, origin: scope.origin))
  }

  /// Binds keys (over the rows) and aggregates (in an aggregate context).
  func bindAggregation(_ aggregates: [NamedExpr], by: [NamedExpr], _ scope: Scope, clause: String) throws
    -> AggregatePlan
  {
    try bindAggregation(aggregates, by: by, scope, clause: clause, allowingGrowth: false).plan
  }

  /// The same, with `lead_velocity_rate()` allowed (`agg`), and its calls.
  func bindAggregation(
    _ aggregates: [NamedExpr], by: [NamedExpr], _ scope: Scope, clause: String, allowingGrowth: Bool
  ) throws -> (plan: AggregatePlan, growth: [(slot: Int, month: Int, site: ExprSite)]) {
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
    aggregation.allowsGrowth = allowingGrowth
    let binder = ExprBinder(scope: scope, catalog: catalog, clause: clause, aggregation: aggregation)
    var outputs = [OutputColumn]()
    for a in aggregates {
      let expr = try binder.bind(a.expr)
      outputs.append(OutputColumn(name: names.claim(a.name?.text ?? Naming.aggregateName(a.expr)), expr: expr))
    }
    let text =
      (by.isEmpty ? "" : "group by " + by.map(ExprText.text).joined(separator: ", ") + "; ")
      + "compute " + zip(outputs, aggregates).map { $0.name + " = " + ExprText.text($1.expr) }.joined(separator: ", ")
    let plan = AggregatePlan(
      keys: keys, aggregates: aggregation.specs, outputs: outputs, origin: scope.origin, text: text)
    return (plan, aggregation.growth)
  }

  func bindAggregate(_ aggregates: [NamedExpr], by: [NamedExpr], _ node: PlanNode, _ scope: Scope, span: Span) throws
    -> (PlanNode, Scope)
  {
    guard !aggregates.isEmpty else {
      throw Diagnostic(message: "agg needs at least one aggregate", span: span, hints: ["agg n = count() by owner"])
    }
    let (plan, growth) = try bindAggregation(aggregates, by: by, scope, clause: "agg", allowingGrowth: true)
    let scope = Scope(columns: plan.keys + plan.outputs, origin: nil)
    guard !growth.isEmpty else { return (.aggregate(node, plan), scope) }
    return (compareMonths(node, plan, growth), scope)
  }

  /// `agg ... lead_velocity_rate() ... by m = month(...)`: the aggregation
  /// gives the keys and every slot (the MQL counts among them); a window step
  /// compares each count with the previous month's, partitioned by the other
  /// keys; the outputs are then computed over keys, slots and comparisons.
  private func compareMonths(
    _ node: PlanNode, _ plan: AggregatePlan, _ growth: [(slot: Int, month: Int, site: ExprSite)]
  ) -> PlanNode {
    let keyCount = plan.keys.count
    var names = NameAllocator(existing: plan.keys.map(\.name))
    let types = plan.keys.map(\.expr.type) + plan.aggregates.map(\.type)
    let hints = plan.keys.map(\.expr.hint) + plan.aggregates.map(\.hint)
    func reference(_ i: Int) -> BoundExpr { .column(i, types[i], hints[i]) }
    var slots = plan
    slots.outputs = plan.aggregates.indices.map {
      OutputColumn(name: names.claim("__slot_\($0 + 1)"), expr: reference(keyCount + $0))
    }
    let functions = growth.map { g in
      WindowSpec(
        function: .monthGrowth, argument: reference(g.slot),
        partition: (0..<keyCount).filter { $0 != g.month }.map(reference),
        order: [SortPlanKey(expr: reference(g.month), descending: false)], type: .double, hint: .rate, site: g.site)
    }
    let width = types.count
    let hidden = functions.indices.map { names.claim("__window_\($0 + 1)") }
    let compared = PlanNode.window(.aggregate(node, slots), WindowPlan(functions: functions, names: hidden))
    let outputs = plan.outputs.map { o in
      OutputColumn(
        name: o.name,
        expr: o.expr.replacingColumns { i in
          growth.firstIndex { $0.slot == i }.map { .column(width + $0, .double, .rate) } ?? reference(i)
        })
    }
    let columns = (0..<keyCount).map { OutputColumn(name: plan.keys[$0].name, expr: reference($0)) } + outputs
    return .project(compared, columns: columns, verb: "select", text: columns.map(\.name).joined(separator: ", "))
  }
}
