/// A name as written: a bare word or a `` `backquoted name` ``.
public struct Identifier: Hashable, Sendable {
  public var text: String
  public var span: Span
  /// Written in backquotes: never a keyword or a function.
  public var quoted: Bool

  public init(_ text: String, span: Span, quoted: Bool = false) {
    self.text = text
    self.span = span
    self.quoted = quoted
  }
}

/// One statement of a script or a prompt line.
///
/// `deals | take 5` → `.run(Pipeline)`; `let big = deals | where amount > 10000`
/// → `.let`; `metric wr = count_if(stage == "closed_won") / count()` → `.metric`;
/// `.schema deals` → `.command`.
public enum StatementKind: Sendable {
  /// Runs a pipeline and shows its result. A pipeline with no stages whose
  /// source is not a dataset name is a scalar expression (`1 + 2`).
  case run(Pipeline)
  /// `let name = <pipeline>` or `let name = <expression>`: the binder decides
  /// which (a pipeline with stages, or a source naming a dataset, binds a dataset).
  case `let`(name: Identifier, value: Pipeline)
  /// `metric name = <aggregate expression>`, callable afterwards as `name()`.
  case metric(name: Identifier, body: Expr)
  /// `.name rest of the line`: the shell parses the arguments.
  case command(name: Identifier, arguments: String, argumentsSpan: Span)
}

public struct Statement: Sendable {
  public var kind: StatementKind
  /// From the statement's first token to its last.
  public var span: Span
  /// The statement's own source text (for history, `.explain`, echo).
  public var text: String

  public init(kind: StatementKind, span: Span, text: String) {
    self.kind = kind
    self.span = span
    self.text = text
  }
}

/// `source | stage | stage ...`
public struct Pipeline: Sendable {
  public var source: Source
  public var stages: [Stage]
  public var span: Span

  public init(source: Source, stages: [Stage], span: Span) {
    self.source = source
    self.stages = stages
    self.span = span
  }
}

/// Where a pipeline's rows come from.
public enum Source: Sendable {
  /// A dataset name, a `let` name, or (with no stages) any scalar expression.
  /// `deals` parses as `.expression(.column("deals"))`; the binder looks the name up.
  case expression(Expr)
  /// `scorecard [by <keys>] [model <model>[(<arguments>)]]`: the marketing and
  /// sales metrics side by side; `model` credits revenue by an attribution model.
  case scorecard(by: [NamedExpr], model: Identifier?, arguments: [Expr], span: Span)
}
