import FunnelData
import FunnelLanguage

/// `pacing [by <keys>]`: bound as the steps it stands for
/// (`PacingVerb.expansion`), the last one named `pacing`.
extension PipelineBinder {
  func bindPacing(by: [NamedExpr], _ node: PlanNode, _ scope: Scope, span: Span) throws -> (PlanNode, Scope) {
    if let p = PacingVerb.check(names: scope.names, types: scope.types, keyed: !by.isEmpty) {
      throw Self.diagnostic(p, span)
    }
    // The keys first, so a problem in one is reported where it is written.
    let keys = try boundKeys(by, scope, clause: "pacing")
    if let p = PacingVerb.checkKeyNames(keys.map(\.name)) { throw Self.diagnostic(p, span) }

    var steps = try Self.expansionStages(span: span)
    guard steps.count == 4, case .agg(let aggregates, _) = steps[1].kind else {
      throw Self.internalError("pacing's steps did not parse as expected", span)
    }
    if by.isEmpty {
      let names = PacingVerb.campaignKeys.filter { scope.index(of: $0) != nil }
      steps[1].kind = .agg(
        aggregates: aggregates,
        by: names.map { NamedExpr(name: nil, expr: Expr(.column(Identifier($0, span: span)), span: span)) })
    } else {
      steps[1].kind = .agg(aggregates: aggregates, by: by)
    }
    var (n, s) = (node, scope)
    do {
      for step in steps { (n, s) = try bindStage(step, n, s) }
    } catch let d as Diagnostic {
      throw Self.internalError("pacing's steps did not bind: \(d.message)", span)
    }
    // An overflow found in the data (a sum of budgets) points at the verb.
    n = Self.relocated(n, steps: steps.count) { ExprSite(span: span, text: $0.text) }
    guard case .project(let input, let columns, _, _) = n else {
      throw Self.internalError("pacing's last step is not a projection", span)
    }
    let keyNames = Array(columns.map(\.name).dropLast(PacingVerb.columns.count))
    let text = keyNames.isEmpty ? "pacing" : "pacing by " + keyNames.joined(separator: ", ")
    return (.project(input, columns: columns, verb: "pacing", text: text), s)
  }

  /// The top `steps` nodes with every site of theirs moved by `f`, but for the
  /// aggregation's keys, which are the user's own expressions.
  private static func relocated(_ n: PlanNode, steps: Int, _ f: (ExprSite) -> ExprSite) -> PlanNode {
    guard steps > 0 else { return n }
    func moved(_ c: OutputColumn) -> OutputColumn {
      OutputColumn(name: c.name, expr: c.expr.rewritten(columns: nil, sites: f))
    }
    switch n {
    case .project(let input, let columns, let verb, let text):
      return .project(relocated(input, steps: steps - 1, f), columns: columns.map(moved), verb: verb, text: text)
    case .aggregate(let input, var plan):
      plan.aggregates = plan.aggregates.map { spec in
        var spec = spec
        spec.argument = spec.argument?.rewritten(columns: nil, sites: f)
        spec.site = spec.site.map(f)
        return spec
      }
      plan.outputs = plan.outputs.map(moved)
      return .aggregate(relocated(input, steps: steps - 1, f), plan)
    default:
      return n
    }
  }

  /// The expansion's stages. Their spans are in the expansion's text, so a
  /// problem binding them is reported at the verb as an internal error (the
  /// checks before them leave none that a user can cause).
  private static func expansionStages(span: Span) throws -> [Stage] {
    let parsed = Parser.parse(SourceText(text: PacingVerb.expansion.split(separator: "\n").joined(separator: " ")))
    guard parsed.diagnostics.isEmpty, parsed.statements.count == 1,
      case .run(let pipeline) = parsed.statements[0].kind
    else { throw internalError("pacing's steps did not parse", span) }
    return pipeline.stages
  }

  private static func internalError(_ what: String, _ span: Span) -> Diagnostic {
    Diagnostic(message: "internal error: \(what) (this is a bug)", span: span)
  }
}
