import FunnelData
import FunnelLanguage

/// A window function's call being bound: its arguments bind over the rows
/// flowing into `derive` (where no other window function may stand). Its
/// `over (...)` is bound by `ExprBinder.window`. The window rows' hooks in
/// `FunctionRegistry` are the methods below.
struct WindowCall {
  let call: FunctionCall
  /// Binds the arguments over the rows.
  let rows: ExprBinder
  /// Whether `over (...)` has `sort`.
  let sorted: Bool

  private var name: String { call.name }
  private var args: [Expr] { call.args }

  private func number(_ e: Expr) throws -> BoundExpr {
    let a = try rows.bind(e)
    if a.isNullConstant { return .constant(.null, .int) }
    guard a.type.isNumeric else { throw Diagnostic.argumentType(name, needs: "a number", got: a.type, span: e.span) }
    return a
  }

  /// A count of rows written in the call: a whole number from 1 to 2147483647
  /// (the most every SQL dialect takes), a literal or a parameter.
  private func rowCount(_ e: Expr, example: String) throws -> Int {
    guard case .int(let n)? = try rows.bind(e).constantValue else {
      throw Diagnostic.windowCount(name, got: "", span: e.span, example: example)
    }
    guard n >= 1, n <= Int64(Int32.max) else {
      throw Diagnostic.windowCount(name, got: ", got \(n)", span: e.span, example: example)
    }
    return Int(n)
  }

  /// `lag(x[, n])`, `lead(x[, n])`: a value of x's type.
  func shifted(lead: Bool) throws -> WindowDraft {
    try call.arity(1...2, "1 or 2 arguments: \(name)(x) or \(name)(x, n)")
    let x = try rows.bind(args[0])
    let n = args.count == 2 ? try rowCount(args[1], example: "\(name)(amount, 2)") : 1
    return WindowDraft(function: lead ? .lead(n) : .lag(n), argument: x, type: x.type, hint: x.hint)
  }

  /// `running_sum(x)`: the type of x, so money stays exact.
  func runningSum() throws -> WindowDraft {
    try call.arity(1...1, "1 argument")
    let x = try number(args[0])
    return WindowDraft(function: .runningSum, argument: x, type: x.type, hint: x.hint)
  }

  /// `running_count()` counts rows, `running_count(x)` the values of x that are not null.
  func runningCount() throws -> WindowDraft {
    try call.arity(0...1, "0 or 1 arguments")
    let x = try args.first.map { try rows.bind($0) }
    return WindowDraft(function: .runningCount, argument: x, type: .int, hint: .plain)
  }

  /// `moving_avg(x, n)`: a double that reads like x.
  func movingAverage() throws -> WindowDraft {
    try call.arity(2...2, "2 arguments: moving_avg(x, n)")
    let x = try number(args[0])
    let n = try rowCount(args[1], example: "moving_avg(amount, 3)")
    return WindowDraft(function: .movingAverage(n), argument: x, type: .double, hint: x.hint)
  }

  /// `row_number()`.
  func rowNumber() throws -> WindowDraft {
    try call.arity(0...0, "no arguments")
    return WindowDraft(function: .rowNumber, argument: nil, type: .int, hint: .plain)
  }

  /// `rank()`: needs `sort`, the keys it ranks by.
  func rank() throws -> WindowDraft {
    try call.arity(0...0, "no arguments")
    guard sorted else {
      throw Diagnostic(
        message: "'rank' needs 'sort' in its over (...): it ranks the rows by the sort keys", span: call.span,
        hints: ["as in: rank() over (by owner sort amount desc)", "row_number() numbers rows in their order"])
    }
    return WindowDraft(function: .rank, argument: nil, type: .int, hint: .plain)
  }

  /// `pct_of_total(x)`: a rate.
  func shareOfTotal() throws -> WindowDraft {
    try call.arity(1...1, "1 argument")
    return WindowDraft(function: .shareOfTotal, argument: try number(args[0]), type: .double, hint: .rate)
  }

  /// `change(x)`: the type of x; a change of a rate is in percentage points.
  func change() throws -> WindowDraft {
    try call.arity(1...1, "1 argument")
    let x = try number(args[0])
    return WindowDraft(function: .change, argument: x, type: x.type, hint: x.hint == .rate ? .points : x.hint)
  }

  /// `pct_change(x)`: a rate.
  func percentChange() throws -> WindowDraft {
    try call.arity(1...1, "1 argument")
    return WindowDraft(function: .percentChange, argument: try number(args[0]), type: .double, hint: .rate)
  }
}

/// A window function bound without its `over (...)`: what it computes from
/// which argument, and its result's type.
struct WindowDraft {
  var function: WindowFunction
  var argument: BoundExpr?
  var type: DataType
  var hint: DisplayHint
}
