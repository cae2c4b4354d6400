import FunnelData
import FunnelLanguage

/// `attribute <model> [by <keys>]`: revenue and deals credited to campaigns
/// through the deals' leads' touches. Keys are campaign column names.
extension PipelineBinder {
  func bindAttribute(model: Identifier, argument: Expr?, by: [NamedExpr], _ node: PlanNode, _ scope: Scope, span: Span)
    throws -> (PlanNode, Scope)
  {
    var duration: FunnelLanguage.Duration? = nil
    if let argument {
      guard case .literal(.duration(let d)) = argument.kind else {
        throw Diagnostic(message: "the model's argument is a duration", span: argument.span, hints: ["time_decay(14d)"])
      }
      duration = d
    }
    guard let m = AttributionModel.named(model.text, argument: duration) else {
      var d = Diagnostic(
        message: "unknown attribution model '\(model.text)\(argument.map { "(" + ExprText.text($0) + ")" } ?? "")'",
        span: model.span, hints: ["models: \(AttributionModel.names.joined(separator: ", "))"])
      d.suggest(model.text, among: AttributionModel.names)
      throw d
    }
    var keys = [String]()
    for k in by {
      guard case .column(let id) = k.expr.kind, k.name == nil else {
        throw Diagnostic(
          message: "attribute keys are campaign columns", span: k.expr.span, hints: ["attribute linear by channel"])
      }
      keys.append(id.text)
    }
    if let p = AttributionVerb.check(
      deals: scope.names, context: metricContext(origin: scope.origin ?? "deals"), keys: keys)
    {
      throw Self.diagnostic(p, span)
    }
    let text =
      "credit revenue to campaigns (\(model.text)" + (keys.isEmpty ? ")" : ") by " + keys.joined(separator: ", "))
    return try finish(node, .attribute(model: m, keys: keys, text: text), scope, span: span)
  }
}

/// Runs the attribution verb (the plan's `attribute` step).
enum AttributeStage {
  static func run(deals: Table, model: AttributionModel, keys: [String], context: MetricContext) throws -> Table {
    try AttributionVerb.run(deals: deals, model: model, keys: keys, context: context)
  }
}
