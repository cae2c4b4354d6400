import FunnelData
import FunnelLanguage

/// An expression after binding: names resolved to column positions, types
/// known, implicit conversions made explicit as `cast`s. Evaluated a batch
/// at a time into a `Column` (see `Evaluator`).
///
/// `amount > 1000` over deals binds to
/// `.compare(.greater, .column(7, decimal(2)), .constant(.decimal(100000, scale: 2)))`.
package indirect enum BoundExpr: Sendable {
  /// A column of the operator's input table, by position.
  case column(Int, DataType, DisplayHint)
  /// A literal or `today()`; `.null` is a null of `type`.
  case constant(Value, DataType)
  /// A parameter (`$min`, `.param min 1000`) or a `let` scalar, by name, with
  /// its value: a constant everywhere but in SQL, where it is a bound value
  /// (`$1`, `:min`) rather than text in the query. The physical plan folds it
  /// to `.constant`.
  case parameter(name: String, Value, DataType)
  /// An implicit conversion (see `Cast`).
  case cast(BoundExpr, Cast)
  /// `+ - * %` on operands of one type (decimal `*` may mix scales); `/` on doubles.
  case arithmetic(ArithmeticOperator, BoundExpr, BoundExpr, DataType)
  case negate(BoundExpr)
  /// Both sides of one comparable type.
  case compare(ComparisonOperator, BoundExpr, BoundExpr)
  /// `x == null` (negated: `x != null`): never null itself.
  case isNull(BoundExpr, negated: Bool)
  /// `x in [...]` over a list of constants (see `MemberSet`).
  case member(BoundExpr, MemberSet)
  case and(BoundExpr, BoundExpr)
  case or(BoundExpr, BoundExpr)
  case not(BoundExpr)
  /// The first non-null value (`??`, `coalesce`).
  case coalesce([BoundExpr], DataType)
  /// `case when`, `if`: the first branch whose condition is true, else `otherwise`.
  case cases([(when: BoundExpr, then: BoundExpr)], otherwise: BoundExpr, DataType)
  /// A date or timestamp moved by a calendar duration (`+ 3mo` clamps to the month's end).
  case shift(BoundExpr, Duration, negative: Bool)
  /// A scalar function.
  case call(ScalarFunction, [BoundExpr], DataType)
  /// A node that can overflow at run time, with where it was written, so
  /// the error points at it (see `ExprSite`, `CheckedArithmetic`).
  case located(BoundExpr, ExprSite)

  package var type: DataType {
    switch self {
    case .column(_, let t, _), .constant(_, let t), .parameter(_, _, let t): return t
    case .cast(_, let c): return c.target
    case .arithmetic(_, _, _, let t): return t
    case .negate(let e): return e.type
    case .compare, .isNull, .member, .and, .or, .not: return .bool
    case .coalesce(_, let t), .cases(_, _, let t), .call(_, _, let t): return t
    case .shift(let e, _, _), .located(let e, _): return e.type
    }
  }

  /// The display hint a result column carries (money stays money through
  /// sums and arithmetic with plain numbers).
  package var hint: DisplayHint {
    switch self {
    case .column(_, _, let h): return h
    case .cast(let e, let c): return c.target.isNumeric ? e.hint : .plain
    case .negate(let e), .located(let e, _): return e.hint
    case .arithmetic(let op, let l, let r, _):
      // Each side's hint is asked once: asking twice per level made a long
      // chain (`a - b - c - ...`) cost 2^depth.
      let left = l.hint
      if op == .remainder { return left }
      let right = r.hint
      switch op {
      case .add, .subtract: return left == .money || right == .money ? .money : (left == right ? left : .plain)
      case .multiply: return (left == .money) != (right == .money) ? .money : .plain
      case .divide: return left == .money && right != .money ? .money : .plain
      case .remainder: return left
      }
    case .coalesce(let es, _): return es.first?.hint ?? .plain
    case .cases(let bs, let o, _): return bs.first?.then.hint ?? o.hint
    case .call(let f, let args, _): return f.keepsHint ? (args.first?.hint ?? .plain) : .plain
    default: return .plain
    }
  }

  /// A null constant (from `null`, or a parameter or scalar that is null).
  package var isNullConstant: Bool {
    constantValue?.isNull == true
  }

  /// The value when the expression is a constant or a parameter.
  package var constantValue: Value? {
    switch self {
    case .constant(let v, _), .parameter(_, let v, _): return v
    default: return nil
    }
  }

  /// `self`, a constant the binder derived from `source` (a parameter's text
  /// read as a date, an int widened to a decimal), still named as the
  /// parameter when `source` is one, so SQL binds it instead of writing it.
  package func keepingParameter(of source: BoundExpr) -> BoundExpr {
    guard case .parameter(let name, _, _) = source, case .constant(let v, let t) = self, !v.isNull else {
      return self
    }
    return .parameter(name: name, v, t)
  }
}

package enum ArithmeticOperator: String {
  case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

package enum ComparisonOperator: String {
  case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

  /// The same test with its operands swapped (`3 < x` is `x > 3`).
  package var swapped: ComparisonOperator {
    switch self {
    case .equal, .notEqual: return self
    case .less: return .greater
    case .lessOrEqual: return .greaterOrEqual
    case .greater: return .less
    case .greaterOrEqual: return .lessOrEqual
    }
  }

  @inline(__always)
  package func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
    switch self {
    case .equal: return a == b
    case .notEqual: return a != b
    case .less: return a < b
    case .lessOrEqual: return a <= b
    case .greater: return a > b
    case .greaterOrEqual: return a >= b
    }
  }
}

/// The conversions the binder inserts.
package enum Cast {
  case intToDouble
  case intToDecimal(scale: Int)
  case decimalToDecimal(from: Int, to: Int)
  case decimalToDouble(scale: Int)
  case dateToTimestamp
  /// A date as its day number (for `date - date`).
  case dateToDays
  /// A timestamp as fractional days since the epoch (for `timestamp - timestamp`).
  case timestampToDays
  /// The day a timestamp falls on.
  case timestampToDate

  package var target: DataType {
    switch self {
    case .intToDouble, .decimalToDouble, .timestampToDays: return .double
    case .intToDecimal(let s): return .decimal(scale: s)
    case .decimalToDecimal(_, let s): return .decimal(scale: s)
    case .dateToTimestamp: return .timestamp
    case .dateToDays: return .int
    case .timestampToDate: return .date
    }
  }
}

extension BoundExpr {
  /// The tests of a chain of `and`, left to right (the expression itself
  /// when it is not an `and`).
  package var conjuncts: [BoundExpr] {
    if case .and(let l, let r) = self { return l.conjuncts + r.conjuncts }
    return [self]
  }
}
