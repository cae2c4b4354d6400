import FunnelData
import FunnelLanguage

/// The binder's messages, beside the binder.
extension Diagnostic {
  static func unknownColumn(_ id: Identifier, in scope: Scope, catalog: Catalog) -> Diagnostic {
    var d = Diagnostic(message: "unknown column '\(id.text)' in \(scope.label)", span: id.span)
    d.suggest(id.text, among: scope.names + Array(catalog.scalars.keys).sorted())
    if d.hints.isEmpty, scope.names.isEmpty {
      d.hints.append("a name here must be a let scalar; datasets start a pipeline")
    }
    return d
  }

  static func unknownDataset(_ id: Identifier, catalog: Catalog) -> Diagnostic {
    var d = Diagnostic(message: "unknown dataset '\(id.text)'", span: id.span)
    d.suggest(id.text, among: catalog.datasetNames + Array(catalog.scalars.keys).sorted())
    if d.hints.isEmpty, !catalog.datasetNames.isEmpty {
      d.hints.append("datasets: \(catalog.datasetNames.joined(separator: ", "))")
    }
    return d
  }

  static func unknownFunction(_ id: Identifier, catalog: Catalog) -> Diagnostic {
    var d = Diagnostic(message: "unknown function '\(id.text)'", span: id.span)
    let names =
      FunctionRegistry.all.map(\.name) + MetricLookup.names
      + Array(catalog.userMetrics.keys).sorted()
    d.suggest(id.text, among: names)
    return d
  }

  static func argumentCount(_ name: String, _ expected: String, span: Span) -> Diagnostic {
    Diagnostic(message: "'\(name)' takes \(expected)", span: span)
  }

  static func argumentType(_ name: String, needs: String, got: DataType, span: Span) -> Diagnostic {
    Diagnostic(message: "'\(name)' needs \(needs), got \(got.name)", span: span)
  }

  static func aggregateNotAllowed(_ name: String, in clause: String, span: Span) -> Diagnostic {
    Diagnostic(
      message: "aggregate '\(name)' is not allowed in \(clause)", span: span,
      hints: ["aggregates belong in agg: agg total = \(name)(...) by <keys>"])
  }

  static func unknownParameter(_ id: Identifier, catalog: Catalog) -> Diagnostic {
    var d = Diagnostic(message: "unknown parameter '$\(id.text)'", span: id.span)
    d.suggest(id.text, among: Array(catalog.parameters.keys).sorted())
    d.hints.append("set it with --param \(id.text)=VALUE or .param \(id.text) VALUE")
    return d
  }

  static func typeMismatch(_ op: String, _ l: DataType, _ r: DataType, span: Span) -> Diagnostic {
    Diagnostic(
      message: "cannot apply '\(op)' to \(l.name) and \(r.name)", span: span,
      hints: ["compare values of one kind: numbers with numbers, text with text, dates with dates or \"YYYY-MM-DD\""])
  }
}
