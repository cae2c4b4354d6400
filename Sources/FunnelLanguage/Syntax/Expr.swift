/// An expression with its span (from its first token to its last).
public struct Expr: Sendable {
  public indirect enum Kind: Sendable {
    case literal(Literal)
    /// A column (or, as a pipeline source, a dataset) by name.
    case column(Identifier)
    /// `$name`.
    case parameter(Identifier)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `x in [a, b]`, `x not in [a, b]`.
    case inList(Expr, [Expr], negated: Bool)
    /// `x between a and b` (inclusive), `x not between a and b`.
    case between(Expr, low: Expr, high: Expr, negated: Bool)
    /// `name(args)`; `count()` has no arguments.
    case call(Identifier, [Expr])
    /// `name(args) over (by keys sort keys)`: a window function's call.
    case window(Identifier, [Expr], WindowClause)
    /// `name = value` among a call's arguments: an option of the function.
    case named(Identifier, Expr)
    /// `case [subject] when a then b ... [else c] end`.
    case caseWhen(subject: Expr?, branches: [CaseBranch], otherwise: Expr?)
  }

  public var kind: Kind
  public var span: Span

  public init(_ kind: Kind, span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// `over (by <expr>, ... sort <expr> [asc|desc], ...)`: the rows a window
/// function reads for each row. Both clauses are optional; `over ()` is the
/// whole input as one partition, in its row order.
///
/// `lag(n) over (by channel sort m desc)` → partition `[channel]`, order `[m desc]`.
public struct WindowClause: Sendable {
  /// The partition keys (`by`): rows with equal keys form one partition.
  public var partition: [Expr]
  /// The order within a partition (`sort`); empty keeps the input's order.
  public var order: [SortKey]
  /// From `over` to the closing bracket.
  public var span: Span

  public init(partition: [Expr], order: [SortKey], span: Span) {
    self.partition = partition
    self.order = order
    self.span = span
  }
}

public struct CaseBranch: Sendable {
  public var when: Expr
  public var then: Expr

  public init(when: Expr, then: Expr) {
    self.when = when
    self.then = then
  }
}

public enum Literal: Sendable, Equatable {
  case int(Int64)
  /// A number with a fraction as written (`3.5`, `0.125`); `text` keeps the digits
  /// so the engine can make it an exact decimal.
  case number(Double, text: String)
  case string(String)
  case bool(Bool)
  case null
  /// `@2026-01-31`, as days since 1970-01-01.
  case date(Int32)
  /// `30d`, `6w`, `3mo`, `1y`.
  case duration(Duration)
}

/// A length of time as written: a count of days, weeks, months or years.
public struct Duration: Hashable, Sendable {
  public enum Unit: String, Sendable { case days = "d", weeks = "w", months = "mo", years = "y" }
  public var amount: Int64
  public var unit: Unit

  public init(amount: Int64, unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  /// The length in days where it is fixed (days, weeks); months and years are
  /// calendar lengths and have none.
  public var fixedDays: Int64? {
    switch unit {
    case .days: return amount
    case .weeks: return amount * 7
    case .months, .years: return nil
    }
  }

  /// An approximate length in days (a month is 30 days, a year 365), for windows
  /// such as `within 3mo`.
  public var approximateDays: Int64 {
    switch unit {
    case .days: return amount
    case .weeks: return amount * 7
    case .months: return amount * 30
    case .years: return amount * 365
    }
  }
}

public enum UnaryOperator: String, Sendable {
  case negate = "-"
  case not = "not"
}

/// Binary operators, from lowest precedence: `or`; `and`; comparisons;
/// `??`; `+ -`; `* / %`.
public enum BinaryOperator: String, Sendable, CaseIterable {
  case or = "or"
  case and = "and"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case coalesce = "??"
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"

  /// Higher binds tighter.
  public var precedence: Int {
    switch self {
    case .or: return 1
    case .and: return 2
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 4
    case .coalesce: return 5
    case .add, .subtract: return 6
    case .multiply, .divide, .remainder: return 7
    }
  }
}
