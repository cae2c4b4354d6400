import FunnelData
import FunnelLanguage

/// `attribute <model>[(<arguments>)] [on pipeline] [by <keys>]`: deals (or
/// leads) credited to campaigns through the touches of their leads. Keys are
/// campaign or touch column names.
extension PipelineBinder {
  func bindAttribute(
    model: Identifier, arguments: [Expr], on basisName: Identifier?, by: [NamedExpr], _ node: PlanNode,
    _ scope: Scope, span: Span
  ) throws -> (PlanNode, Scope) {
    let m = try Self.attributionModel(model, arguments)
    let rowsAreLeads = AttributionVerb.rowsAreLeads(scope.names)
    var basis = AttributionBasis.closed
    if let basisName {
      guard basisName.text == "pipeline" else {
        throw Diagnostic(
          message: "attribute credits won revenue (no 'on'), 'on pipeline', or leads; not '\(basisName.text)'",
          span: basisName.span, hints: ["deals | attribute w_shaped on pipeline"])
      }
      guard !rowsAreLeads else {
        throw Diagnostic(
          message: "'on pipeline' credits deals; the rows are leads, and each counts once",
          span: basisName.span, hints: ["leads | attribute w_shaped"])
      }
      basis = .pipeline
    }
    if rowsAreLeads { basis = .leads }
    var keys = [String]()
    for k in by {
      guard case .column(let id) = k.expr.kind, k.name == nil else {
        throw Diagnostic(
          message: "attribute keys are campaign columns", span: k.expr.span, hints: ["attribute linear by channel"])
      }
      keys.append(id.text)
    }
    let context = metricContext(origin: scope.origin ?? (rowsAreLeads ? "leads" : "deals"))
    if let p = AttributionVerb.check(rows: scope.names, basis: basis, context: context, keys: keys) {
      throw Self.diagnostic(p, span)
    }
    let what = basis == .leads ? "leads" : basis == .pipeline ? "pipeline" : "revenue"
    let text =
      "credit \(what) to campaigns (\(m.written)" + (keys.isEmpty ? ")" : ") by " + keys.joined(separator: ", "))
    return try finish(
      node, .attribute(model: m, basis: basis, keys: keys, reads: verbReads(), text: text), scope, span: span)
  }

  /// The model named, with its arguments checked: a duration for `time_decay`,
  /// percentages for the position models, nothing for the rest.
  static func attributionModel(_ model: Identifier, _ arguments: [Expr]) throws -> AttributionModel {
    guard let m = AttributionModel.named(model.text) else {
      let written = arguments.isEmpty ? "" : "(" + arguments.map(ExprText.text).joined(separator: ", ") + ")"
      var d = Diagnostic(
        message: "unknown attribution model '\(model.text)\(written)'",
        span: model.span, hints: ["models: \(AttributionModel.names.joined(separator: ", "))"])
      d.suggest(model.text, among: AttributionModel.names)
      throw d
    }
    guard let firstArgument = arguments.first, let lastArgument = arguments.last else { return m }
    let span = firstArgument.span.through(lastArgument.span)
    switch m {
    case .timeDecay:
      guard arguments.count == 1, case .literal(.duration(let d)) = firstArgument.kind else {
        throw Diagnostic(
          message: "time_decay takes one duration, its half-life", span: span,
          hints: ["time_decay(7d) is the default; time_decay(14d) halves a touch's weight every 14 days"])
      }
      let days = d.fixedDays ?? d.approximateDays
      guard days > 0 else {
        throw Diagnostic(message: "the half-life must be longer than 0 days", span: span, hints: ["time_decay(7d)"])
      }
      return .timeDecay(halfLifeDays: Double(days))
    case .positional(let shape, _):
      let hint =
        "\(shape.name)(" + shape.positions.map(\.short).joined(separator: ", ")
        + "), percentages summing to at most 100; the default is \(shape.writtenWithDefaults)"
      guard arguments.count == shape.positions.count else {
        throw Diagnostic(
          message: "\(shape.name) takes \(shape.positions.count) shares, not \(arguments.count)", span: span,
          hints: [hint])
      }
      var shares: [Double] = []
      for a in arguments {
        guard let x = percentage(a) else {
          throw Diagnostic(message: "a share is a number (a percentage)", span: a.span, hints: [hint])
        }
        guard x >= 0 else {
          throw Diagnostic(message: "a share cannot be negative", span: a.span, hints: [hint])
        }
        shares.append(x)
      }
      let total = shares.reduce(0, +)
      // A little slack for decimals written out (33.3 * 3) that land above 100 in binary.
      guard total <= 100 + 1e-9 else {
        throw Diagnostic(
          message: "the shares of \(shape.name) sum to \(AttributionShape.percent(total)), over 100", span: span,
          hints: [hint])
      }
      return .positional(shape, shares: shares)
    default:
      throw Diagnostic(
        message: "\(m.name) takes no arguments", span: span, hints: ["attribute \(m.name) by channel"])
    }
  }

  /// A number written as a literal (`30`, `22.5`, `-5`), nil otherwise.
  private static func percentage(_ e: Expr) -> Double? {
    switch e.kind {
    case .literal(.int(let v)): return Double(v)
    case .literal(.number(let v, _)): return v
    case .unary(.negate, let inner): return percentage(inner).map { -$0 }
    default: return nil
    }
  }
}

/// Runs the attribution verb (the plan's `attribute` step).
enum AttributeStage {
  static func run(
    rows: Table, model: AttributionModel, basis: AttributionBasis, keys: [String], context: MetricContext
  ) throws -> Table {
    try AttributionVerb.run(rows: rows, model: model, basis: basis, keys: keys, context: context)
  }
}
