import FunnelData
import FunnelLanguage

/// Decides what a statement is (a pipeline, a scalar, a `let`, a `metric`)
/// and binds it into a plan.
struct StatementBinder {
  let catalog: Catalog

  func plan(_ statement: Statement) throws -> Plan {
    let pipelines = PipelineBinder(catalog: catalog)
    switch statement.kind {
    case .run(let p):
      if let e = scalarExpression(p) {
        return Plan(root: .scalar(try bindScalar(e), text: ExprText.text(e)), schema: nil)
      }
      let (node, scope) = try pipelines.bind(p)
      return Plan(root: .pipeline(node, chart: chart(of: p, node)), schema: scope)
    case .let(let name, let p):
      if let e = scalarExpression(p) {
        return Plan(root: .letScalar(name: name.text, try bindScalar(e), text: ExprText.text(e)), schema: nil)
      }
      let (node, scope) = try pipelines.bind(p)
      return Plan(root: .letDataset(name: name.text, node), schema: scope)
    case .metric(let name, let body):
      if FunctionRegistry.named(name.text) != nil
        || MetricLookup.isMetric(name.text)
      {
        throw Diagnostic(
          message: "'\(name.text)' is a built-in function; pick another name for the metric", span: name.span)
      }
      let metric = UserMetric(name: name.text, body: body, text: ExprText.text(body))
      return Plan(root: .defineMetric(metric), schema: nil)
    case .command(let name, _, _):
      throw Diagnostic(message: "commands (.\(name.text)) are handled by the shell", span: name.span)
    }
  }

  /// The expression of a pipeline that is a scalar: no stages, and a source
  /// that is not a dataset name (`1 + 2`, `today()`, `$p`, a `let` scalar).
  func scalarExpression(_ p: Pipeline) -> Expr? {
    guard p.stages.isEmpty, case .expression(let e) = p.source else { return nil }
    if case .column(let id) = e.kind, catalog.dataset(id.text) != nil || catalog.scalars[id.text] == nil {
      return nil
    }
    return e
  }

  func bindScalar(_ e: Expr) throws -> BoundExpr {
    try ExprBinder(scope: .empty, catalog: catalog, clause: "an expression").bind(e)
  }

  /// The chart a pipeline's result is drawn with: its last `chart` stage, or a
  /// funnel chart when its last stage is `funnel`.
  func chart(of p: Pipeline, _ node: PlanNode) -> ChartRequest? {
    if let last = p.stages.last, case .funnel = last.kind { return ChartRequest(kind: .funnel) }
    var n = node
    while true {
      switch n {
      case .chart(_, let request): return request
      case .save(let input, _, _): n = input
      default: return nil
      }
    }
  }
}
