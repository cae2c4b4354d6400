/// One stage of a pipeline, with the span of its keyword.
public struct Stage: Sendable {
  public var kind: StageKind
  /// The stage keyword (`where`, `agg` ...).
  public var keywordSpan: Span
  /// From the keyword to the stage's last token.
  public var span: Span

  public init(kind: StageKind, keywordSpan: Span, span: Span) {
    self.kind = kind
    self.keywordSpan = keywordSpan
    self.span = span
  }
}

/// `name = expr` or a bare `expr` (the binder derives the name).
public struct NamedExpr: Sendable {
  public var name: Identifier?
  public var expr: Expr

  public init(name: Identifier?, expr: Expr) {
    self.name = name
    self.expr = expr
  }
}

public struct SortKey: Sendable {
  public var expr: Expr
  public var descending: Bool

  public init(expr: Expr, descending: Bool) {
    self.expr = expr
    self.descending = descending
  }
}

/// `rename new = old`.
public struct Renaming: Sendable {
  public var new: Identifier
  public var old: Identifier

  public init(new: Identifier, old: Identifier) {
    self.new = new
    self.old = old
  }
}

/// The stages of LANGUAGE.md §2 and the vocabulary of §4.
public enum StageKind: Sendable {
  /// `where <pred>` (alias `filter`).
  case `where`(Expr)
  /// `select a, b, total = x + y`.
  case select([NamedExpr])
  /// `derive name = expr, ...` (a bare column name is allowed and keeps it).
  case derive([NamedExpr])
  /// `drop a, b`.
  case drop([Identifier])
  /// `rename new = old, ...`.
  case rename([Renaming])
  /// `agg <aggs> [by <keys>]`.
  case agg(aggregates: [NamedExpr], by: [NamedExpr])
  /// `count [by <keys>]`.
  case count(by: [NamedExpr])
  /// `sort x desc, y`.
  case sort([SortKey])
  /// `take <n>` (an integer literal or a parameter).
  case take(Expr)
  /// `top <n> by <expr>`.
  case top(count: Expr, by: Expr)
  /// `distinct [<col>, ...]`.
  case distinct([Identifier])
  /// `join [left] <dataset> on <col> [== <col>]`.
  case join(left: Bool, dataset: Identifier, leftKey: Identifier, rightKey: Identifier?)
  /// `funnel [steps a, b, ...] [by <keys>] [within <duration>]`; steps are
  /// stage names written bare or quoted.
  case funnel(steps: [Identifier]?, by: [NamedExpr], within: Expr?)
  /// `attribute <model>[(<arguments>)] [on <basis>] [by <keys>]`: model `linear`,
  /// `time_decay(14d)`, `u_shaped(30, 30)`, `compare` ...; basis `pipeline`.
  case attribute(model: Identifier, arguments: [Expr], on: Identifier?, by: [NamedExpr])
  /// `cohort <period-expr> [by <keys>]`; `by months` sets `byMonths` (then `by` is empty).
  case cohort(period: Expr, by: [NamedExpr], byMonths: Bool)
  /// `stage_durations [by <keys>]`: days in each deal stage (from `stage_changes`) or lead stage (from its dates).
  case stageDurations(by: [NamedExpr])
  /// `forecast <period-expr> [by <keys>]`: won, commit, weighted and best case against quota.
  case forecast(period: Expr, by: [NamedExpr])
  /// `pacing [by <keys>]`: campaigns' spend against budget and flight elapsed.
  case pacing(by: [NamedExpr])
  /// `compare <expr> <a> vs <b> on <aggs> [by <keys>]`.
  case compare(expr: Expr, a: Expr, b: Expr, on: [NamedExpr], by: [NamedExpr])
  /// `chart [bar|line] [<x>, <y>]`.
  case chart(kind: Identifier?, x: Identifier?, y: Identifier?)
  /// `save "<path>"`.
  case save(path: String, pathSpan: Span)
}
