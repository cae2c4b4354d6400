import FunnelData
import FunnelLanguage

/// Built-in metric calls (`win_rate()`, `conversion("mql", "won")`,
/// `roi("linear", margin = 0.7)`): arguments checked where they are written,
/// the call checked against the flowing columns now, computed by
/// `MetricEvaluator` per group.
extension ExprBinder {
  func metricCall(_ id: Identifier, _ args: [Expr], span: Span, into aggregation: Aggregation) throws -> BoundExpr {
    let call = try metricArguments(id, args, span: span)
    let context = MetricContext(origin: aggregation.input.origin, dataset: catalog.dataset, today: catalog.today)
    if let problem = MetricLookup.check(call, columns: aggregation.input.names, context: context) {
      throw Diagnostic(message: problem.message, span: span, hints: problem.hints)
    }
    // The call's place, for a problem only the data shows (costs without sales rows).
    let spec = AggregateSpec(
      function: .metric(call), argument: nil, type: .double, hint: MetricLookup.hint(id.text),
      site: ExprSite(span: span, text: call.text), reads: VerbReads(catalog: catalog))
    return aggregation.add(spec)
  }

  /// The call with its arguments read: stages or a credit rule by position,
  /// options by name; each wrong one is an error at its own span.
  private func metricArguments(_ id: Identifier, _ args: [Expr], span: Span) throws -> MetricCall {
    var call = MetricCall(name: id.text)
    guard let definition = MetricRegistry.named(id.text) else { return call }
    let name = id.text
    let takesCredit = CreditRule.metrics.contains(definition.name)
    let takesShare = definition.needs.campaigns != nil
    func constant(_ e: Expr) throws -> Value {
      let b = try ExprBinder(scope: .empty, catalog: catalog, clause: "a metric's argument").bind(e)
      guard let v = b.constantValue else {
        throw Diagnostic(
          message: "'\(name)' takes literal arguments", span: e.span, hints: MetricOption.examples(definition))
      }
      return v
    }
    func text(_ e: Expr, _ what: String, _ example: String) throws -> String {
      guard case .string(let t) = try constant(e) else {
        throw Diagnostic(message: "\(what) of \(name)() is a name in quotes", span: e.span, hints: [example])
      }
      return t
    }
    func credit(_ e: Expr) throws -> String {
      let rule = try text(e, "the credit rule", "\(name)(\"linear\")")
      guard CreditRule.names.contains(rule) else {
        var hints = ["rules: \(CreditRule.names.joined(separator: ", "))"]
        if let near = CreditRule.names.nearest(to: rule) { hints.insert("did you mean '\(near)'?", at: 0) }
        throw Diagnostic(message: "unknown credit rule '\(rule)' for \(name)()", span: e.span, hints: hints)
      }
      return rule
    }
    var positional: [Expr] = []
    for a in args {
      guard case .named(let option, let value) = a.kind else {
        positional.append(a)
        continue
      }
      switch option.text {
      case "share" where takesShare:
        let basis = try text(value, "share", "\(name)(share = \"touches\")")
        guard let b = ShareBasis(rawValue: basis) else {
          throw Diagnostic(
            message: "\(name)() shares spend by leads or touches, not '\(basis)'", span: value.span,
            hints: ["\(name)(share = \"touches\")"])
        }
        call.shareBy = b
      case "margin" where MetricOption.takesMargin.contains(definition.name):
        call.margin = try margin(try constant(value), span: value.span, metric: name)
      case "quota" where MetricOption.takesQuota.contains(definition.name):
        call.quota = try quota(try constant(value), span: value.span, metric: name)
      case "model" where takesCredit:
        call.credit = try credit(value)
      default:
        let examples = MetricOption.examples(definition)
        throw Diagnostic(
          message: "\(name)() has no option '\(option.text)'", span: option.span,
          hints: examples.isEmpty ? ["write \(definition.signature)"] : examples)
      }
    }
    if MetricOption.takesQuota.contains(definition.name) {
      // No quota written: `MetricEvaluator.check` says how to give one.
      if positional.count > 1 || (positional.count == 1 && call.quota != nil) {
        let extra = positional[call.quota != nil ? 0 : 1]
        throw Diagnostic(message: "\(name)() takes one quota", span: extra.span, hints: ["\(name)(120000)"])
      }
      if let q = positional.first { call.quota = try quota(try constant(q), span: q.span, metric: name) }
    } else if definition.parameters.isEmpty, takesCredit, positional.count == 1 {
      call.credit = try credit(positional[0])
    } else if positional.count != definition.parameters.count {
      let expected = definition.parameters.count
      var hints = ["write \(definition.signature)"]
      hints += MetricOption.examples(definition)
      throw Diagnostic(
        message:
          "\(name)() takes \(expected == 0 ? "no" : String(expected)) argument\(expected == 1 ? "" : "s"), not \(positional.count)",
        span: span, hints: hints)
    } else {
      for p in positional {
        call.stages.append(try text(p, "a stage", "conversion(\"mql\", \"sql\")"))
      }
    }
    if MetricOption.takesMargin.contains(definition.name), call.margin == nil,
      let raw = catalog.parameters["gross_margin"]
    {
      call.margin = try margin(ParameterValue.parse(raw), span: span, parameter: true, metric: name)
    }
    return call
  }

  /// A quota: a number above 0.
  private func quota(_ value: Value, span: Span, metric: String) throws -> Double {
    guard let q = value.doubleValue, q > 0, q.isFinite else {
      throw Diagnostic(
        message: "the quota of \(metric)() is an amount above 0", span: span,
        hints: ["\(metric)(120000) measures the rows against a quota of 120,000"])
    }
    return q
  }

  /// A gross margin: a number above 0 and at most 1.
  private func margin(_ value: Value, span: Span, parameter: Bool = false, metric: String) throws -> Double {
    let where_ = parameter ? "$gross_margin" : "margin"
    var number: Double? = nil
    switch value {
    case .int(let v): number = Double(v)
    case .double(let v): number = v
    case .decimal(let v, let s): number = Double(v) / Decimal64.powersOfTen[s]
    default: break
    }
    guard let m = number, m > 0, m <= 1 else {
      throw Diagnostic(
        message: "\(where_) is a gross margin, a number above 0 and at most 1", span: span,
        hints: [
          "\(metric)(margin = 0.7) counts 70% of revenue \(metric == "roi" ? "as the return" : "in the payback")",
          ".param gross_margin 0.7",
        ])
    }
    return m
  }
}
