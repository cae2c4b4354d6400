import FunnelData
import FunnelLanguage

/// One built-in function: everything the binder, `.help`, completion and
/// docs/language.md know about it. A name can be called only through its
/// row, and a row cannot be written without the hook that binds it.
public struct FunctionDefinition: Sendable {
  /// The name a call writes: `round`.
  public let name: String
  /// Where `.help functions` and the docs list it.
  public let group: FunctionGroup
  /// Each accepted form in the words the user reads:
  /// `round(x: number, digits: int = 0) → number`.
  public let signatures: [String]
  /// One line: what the function gives.
  public let summary: String
  /// What a null argument gives.
  public let nullRule: String
  /// A statement over the demo data that calls the function.
  public let example: String
  /// What the binder calls to bind a call of this name.
  let hook: FunctionHook

  init(
    _ name: String, _ group: FunctionGroup, _ signatures: [String], summary: String, nulls: String,
    example: String, hook: FunctionHook
  ) {
    self.name = name
    self.group = group
    self.signatures = signatures
    self.summary = summary
    self.nullRule = nulls
    self.example = example
    self.hook = hook
  }

  /// Whether the function folds many rows into one (allowed only where an aggregate is).
  public var isAggregate: Bool {
    if case .aggregate = hook { return true }
    return false
  }

  /// Whether the function reads the rows around each row (`derive ... over (...)` only).
  public var isWindow: Bool {
    if case .window = hook { return true }
    return false
  }
}

/// The groups functions are listed in, in order.
public enum FunctionGroup: String, CaseIterable, Sendable {
  case dates, text, numbers, logic, funnel, aggregates, windows

  /// The heading `.help functions` shows.
  public var title: String {
    switch self {
    case .dates: return "Dates"
    case .text: return "Text"
    case .numbers: return "Numbers"
    case .logic: return "Conditions"
    case .funnel: return "Funnel"
    case .aggregates: return "Aggregates"
    case .windows: return "Window functions (derive name = f(...) over (by <keys> sort <keys>))"
    }
  }
}

/// How a call binds: a scalar gets the call's binder, an aggregate the rows it
/// folds, a window function the rows it reads (its `over (...)` is bound apart).
enum FunctionHook: Sendable {
  case scalar(@Sendable (ExprBinder, FunctionCall) throws -> BoundExpr)
  case aggregate(@Sendable (AggregateCall) throws -> BoundExpr)
  case window(@Sendable (WindowCall) throws -> WindowDraft)
}

/// A call as written: the name, its arguments and where it stands.
struct FunctionCall {
  let id: Identifier
  let args: [Expr]
  let span: Span

  var name: String { id.text }

  /// Throws the argument-count diagnostic unless the call has `n` arguments.
  func arity(_ n: ClosedRange<Int>, _ text: String) throws {
    guard n.contains(args.count) else { throw Diagnostic.argumentCount(name, text, span: span) }
  }
}
