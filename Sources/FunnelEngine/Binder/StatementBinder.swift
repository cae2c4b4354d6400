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
      try checkDrawnSaves(p, inLet: false)
      let (node, scope) = try pipelines.bind(p)
      let chart = chart(of: p, node)
      if case .save(let path, let span)? = p.stages.last?.kind, DrawnFormat(path: path) == .svg, chart == nil {
        throw Diagnostic(
          message: "'\(path)' would hold a chart, and this pipeline draws none", span: span,
          hints: ["draw one before saving: ... | chart | save \"\(path)\" (or ... | funnel | save \"\(path)\")"])
      }
      return Plan(root: .pipeline(node, chart: chart), schema: scope)
    case .let(let name, let p):
      if let e = scalarExpression(p) {
        return Plan(root: .letScalar(name: name.text, try bindScalar(e), text: ExprText.text(e)), schema: nil)
      }
      try checkDrawnSaves(p, inLet: true)
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

  /// `save "x.html"` and `save "x.svg"` are drawn by the shell from the
  /// statement's result, so they end a pipeline that shows one.
  func checkDrawnSaves(_ p: Pipeline, inLet: Bool) throws {
    for (i, stage) in p.stages.enumerated() {
      guard case .save(let path, let span) = stage.kind, let drawn = DrawnFormat(path: path) else { continue }
      if inLet {
        throw Diagnostic(
          message: "a .\(drawn.rawValue) file is drawn from a result that is shown; a let shows none", span: span,
          hints: ["save it from a statement of its own, after the let: NAME | save \"\(path)\""])
      }
      if i != p.stages.count - 1 {
        throw Diagnostic(
          message: "save \"\(path)\" must be the last stage: a .\(drawn.rawValue) file is drawn from the result",
          span: span, hints: ["move it to the end of the pipeline"])
      }
    }
  }

  /// The chart a pipeline's result is drawn with: its last `chart` stage, or a
  /// funnel chart when its last stage is `funnel` (or `funnel` then a save
  /// to .html or .svg, which draws it).
  func chart(of p: Pipeline, _ node: PlanNode) -> ChartRequest? {
    if let last = p.stages.last, case .funnel = last.kind { return ChartRequest(kind: .funnel) }
    if p.stages.count >= 2, case .save(let path, _) = p.stages[p.stages.count - 1].kind, DrawnFormat(path: path) != nil,
      case .funnel = p.stages[p.stages.count - 2].kind
    {
      return ChartRequest(kind: .funnel)
    }
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
