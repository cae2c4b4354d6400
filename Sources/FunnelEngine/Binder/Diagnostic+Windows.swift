import FunnelData
import FunnelLanguage

/// The binder's messages about window functions: each says where they may
/// stand and shows the form that works.
extension Diagnostic {
  static let windowForm = "derive prev = lag(n) over (sort m)"

  /// `derive p = lag(n)`: a window function without its window.
  static func windowNeedsOver(_ function: FunctionDefinition, span: Span) -> Diagnostic {
    Diagnostic(
      message: "'\(function.name)' is a window function: it needs over (...) after the call", span: span,
      hints: [
        "as in: \(function.example)",
        "over (by <keys> sort <keys>) names the partitions and their order; over () is every row in order",
      ])
  }

  /// `where lag(n) over (...) > 0`: only `derive` computes window functions.
  static func windowNotAllowed(_ name: String, in clause: String, span: Span) -> Diagnostic {
    let hint =
      clause == "a window function's argument"
      ? "name it first, then use the name: derive prev = lag(n) over (sort m), d = change(prev) over (sort m)"
      : "window functions are computed in derive; derive the column, then use it: \(windowForm) | where prev > 0"
    return Diagnostic(message: "window function '\(name)' is not allowed in \(clause)", span: span, hints: [hint])
  }

  /// `sum(x) over (...)`: `over` after a function that is not a window function.
  static func notAWindowFunction(_ id: Identifier, catalog: Catalog) -> Diagnostic {
    let windows = FunctionRegistry.windowNames
    let list = "the window functions: " + windows.joined(separator: ", ")
    guard let function = FunctionRegistry.named(id.text) else {
      if MetricLookup.isMetric(id.text) || catalog.userMetrics[id.text] != nil || id.text == LeadVelocity.name {
        return Diagnostic(
          message: "'\(id.text)' is a metric, not a window function", span: id.span,
          hints: ["metrics are computed in agg: agg \(id.text)() by <keys>", list])
      }
      var d = Diagnostic(message: "unknown window function '\(id.text)'", span: id.span)
      d.suggest(id.text, among: windows)
      d.hints.append(list)
      return d
    }
    var d = Diagnostic(
      message: "'\(id.text)' is \(function.isAggregate ? "an aggregate" : "a scalar function"), not a window function",
      span: id.span)
    let instead: [String: String] = [
      "sum": "running_sum(x) over (...) gives the total so far; pct_of_total(x) over (...) each row's share",
      "count": "running_count() over (...) counts the rows so far; row_number() numbers them",
      "avg": "moving_avg(x, n) over (...) gives the mean of the last n rows",
    ]
    if let hint = instead[id.text] { d.hints.append(hint) }
    d.hints.append(list)
    return d
  }

  /// `lag(x, 0)`, `moving_avg(x, n)` with n not a literal: a count of rows.
  static func windowCount(_ name: String, got: String, span: Span, example: String) -> Diagnostic {
    Diagnostic(
      message: "'\(name)' needs a whole number of rows from 1 to \(Int32.max)\(got)", span: span,
      hints: ["as in: \(example)"])
  }
}
