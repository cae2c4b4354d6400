import FunnelLanguage

/// Where an expression was written and how it reads, kept on the bound
/// nodes that can fail at run time (arithmetic, calendar shifts, `round`,
/// `abs`, `sum`), so an overflow found in the data points at its cause:
///
///     1:14: error: overflow in `amount * 10000000000000`: the result leaves the range of decimal(2)
///       deals | derive x = amount * 10000000000000
///                          ^^^^^^^^^^^^^^^^^^^^^^^
package struct ExprSite: Equatable {
  package var span: Span
  /// The expression as source text (`ExprText`), named in the message.
  package var text: String
  /// The user metric whose body holds the expression; `span` is then the
  /// metric's call, since the body was written in another statement.
  package var metric: String? = nil

  package init(span: Span, text: String) {
    self.span = span
    self.text = text
  }

  package init(_ e: Expr) {
    self.init(span: e.span, text: ExprText.text(e))
  }
}

extension BoundExpr {
  /// Whether evaluating the node itself can overflow (see `CheckedArithmetic`),
  /// so the binder keeps its site: exact arithmetic, negation, shifts,
  /// rounding, `abs`, and comparisons that widen a decimal.
  package var canOverflow: Bool {
    switch self {
    case .arithmetic(_, _, _, let t): return t != .double
    case .negate(let e): return e.type != .double
    case .shift: return true
    case .call(let f, _, _):
      switch f {
      case .round, .abs: return true
      default: return false
      }
    case .cast(_, let c): return c.canOverflow
    case .compare(_, let l, let r): return l.isWideningCast || r.isWideningCast
    // Branches brought to one type (`if(x, 92233720368547758, amount)`).
    case .cases(let bs, let o, _): return o.isWideningCast || bs.contains { $0.then.isWideningCast }
    case .coalesce(let es, _): return es.contains { $0.isWideningCast }
    default: return false
    }
  }

  /// A cast that can overflow, as the binder puts around one operand.
  package var isWideningCast: Bool {
    if case .cast(_, let c) = self { return c.canOverflow }
    return false
  }

  /// The node wrapped with its site when it can overflow; otherwise unchanged.
  package func located(_ e: Expr) -> BoundExpr {
    canOverflow ? .located(self, ExprSite(e)) : self
  }
}

extension Cast {
  /// Widening a decimal or moving a date to microseconds can leave Int64.
  package var canOverflow: Bool {
    switch self {
    case .intToDecimal(let s): return s > 0
    case .decimalToDecimal(let from, let to): return to > from
    case .dateToTimestamp: return true
    default: return false
    }
  }
}

extension ExprSite {
  /// The site as seen from a call of user metric `name` at `span`.
  package func called(_ name: String, at span: Span) -> ExprSite {
    var out = self
    out.span = span
    if out.metric == nil { out.metric = name }
    return out
  }
}
