import FunnelData
import FunnelLanguage

/// `compare <expr> <a> vs <b> on <aggs> [by <keys>]`: one row per key and
/// aggregate, the value on each side, the change and the relative change.
extension PipelineBinder {
  func bindCompare(
    _ e: Expr, _ ax: Expr, _ bx: Expr, on: [NamedExpr], by: [NamedExpr], _ node: PlanNode, _ scope: Scope, span: Span
  ) throws -> (PlanNode, Scope) {
    guard !on.isEmpty else {
      throw Diagnostic(
        message: "compare needs at least one aggregate after on", span: span, hints: ["on revenue = sum(amount)"])
    }
    let subject = try ExprBinder(scope: scope, catalog: catalog, clause: "compare").bind(e)
    let a = try compareValue(ax, for: subject)
    let b = try compareValue(bx, for: subject)
    var metrics = [(name: String, aggregate: AggregatePlan, whole: AggregatePlan)]()
    for item in on {
      let plan = try bindAggregation([item], by: by, scope, clause: "compare")
      let whole = by.isEmpty ? plan : try bindAggregation([item], by: [], scope, clause: "compare")
      metrics.append((plan.outputs[0].name, plan, whole))
    }
    let keys = metrics[0].aggregate.keys
    let types = metrics.map { $0.aggregate.outputs[0].expr.type }
    let valueType = Self.compareValueType(types)
    let hints = metrics.map { $0.aggregate.outputs[0].expr.hint }
    let valueHint = hints.allSatisfy { $0 == hints[0] } ? hints[0] : .plain
    let changeTypes = types.compactMap(CompareOperator.changeType)
    let changeType = changeTypes.first.map { first in changeTypes.allSatisfy { $0 == first } ? first : .double } ?? .int
    let changeHints = zip(types, hints).filter { CompareOperator.changeType($0.0) != nil }.map {
      $0.0.isNumeric ? $0.1 : .plain
    }
    let changeHint = CompareOperator.changeHint(
      changeHints.first.map { first in changeHints.allSatisfy { $0 == first } ? first : .plain } ?? .plain)
    var names = NameAllocator(existing: keys.map(\.name))
    let tests = metrics.map { Self.compareTest($0.aggregate) }
    let tested = tests.contains { $0.stats != nil }
    let testNames = tested ? CompareTest.columns.map(\.name) : []
    let columnNames = (["metric", a.rawText, b.rawText, "change", "change_pct"] + testNames).map { names.claim($0) }
    let text =
      ExprText.text(e) + " " + ExprText.text(ax) + " vs " + ExprText.text(bx) + " on "
      + on.map(ExprText.text).joined(separator: ", ")
      + (by.isEmpty ? "" : " by " + by.map(ExprText.text).joined(separator: ", "))
    let plan = ComparePlan(
      subject: subject, a: a, b: b, keys: keys, metrics: metrics, valueType: valueType, valueHint: valueHint,
      changeType: changeType, changeHint: changeHint, columnNames: columnNames, text: text, tests: tests)
    let testHints: [DisplayHint] = tested ? [.plain, .plain, .plain, changeHint, changeHint, .plain] : []
    let out = Scope(
      names: keys.map(\.name) + columnNames,
      types: keys.map { $0.expr.type } + [.string, valueType, valueType, changeType, .double]
        + (tested ? CompareTest.columns.map(\.type) : []),
      hints: keys.map { $0.expr.hint } + [.plain, valueHint, valueHint, changeHint, .rate] + testHints,
      label: "the result", origin: nil)
    return (.compare(node, plan), out)
  }

  /// The type the value columns share: the metrics' own type when they all
  /// have one (dates stay dates), a double when they are numbers of several
  /// types, else text (each value as machine formats write it).
  static func compareValueType(_ types: [DataType]) -> DataType {
    guard let first = types.first else { return .double }
    if types.allSatisfy({ $0 == first }) { return first }
    if types.allSatisfy(\.isNumeric) { return .double }
    return .string
  }

  /// A compared value: a constant of the subject's type (`"2026-Q1"` read as a quarter).
  func compareValue(_ x: Expr, for subject: BoundExpr) throws -> Value {
    var v = try ExprBinder(scope: .empty, catalog: catalog, clause: "compare").bind(x)
    if case .string(let s)? = v.constantValue, ExprBinder.isTemporal(subject.type) {
      v = try ExprBinder.read(s, as: subject.type, span: x.span)
    }
    // `year(created_at) 2025 vs 2026`: a whole number against a year is that year, as in `==`.
    if case .int(let y)? = v.constantValue, subject.type == .period(.year) {
      v = .constant(.period(Int32(truncatingIfNeeded: y), .year), subject.type)
    }
    guard let value = v.constantValue, !value.isNull else {
      throw Diagnostic(
        message: "compare needs a literal value here", span: x.span,
        hints: ["compare quarter(closed_at) \"2026-Q1\" vs \"2026-Q2\" on ..."])
    }
    guard let common = ExprBinder.commonType(v.type, subject.type), common == subject.type || subject.type.isNumeric
    else {
      throw Diagnostic.typeMismatch("compare", subject.type, v.type, span: x.span)
    }
    return ExprBinder.convert(v, to: subject.type).constantValue ?? value
  }
}
