import FunnelData

extension BoundExpr {
  /// The expression with every column reference replaced by `f(index)`:
  /// how `derive b = a * 2` after `a = ...` reads the earlier item's expression.
  func replacingColumns(_ f: (Int) -> BoundExpr) -> BoundExpr {
    switch self {
    case .column(let i, _, _): return f(i)
    case .constant: return self
    case .cast(let e, let c): return .cast(e.replacingColumns(f), c)
    case .arithmetic(let op, let l, let r, let t): return .arithmetic(op, l.replacingColumns(f), r.replacingColumns(f), t)
    case .negate(let e): return .negate(e.replacingColumns(f))
    case .compare(let op, let l, let r): return .compare(op, l.replacingColumns(f), r.replacingColumns(f))
    case .isNull(let e, let n): return .isNull(e.replacingColumns(f), negated: n)
    case .member(let e, let set): return .member(e.replacingColumns(f), set)
    case .and(let l, let r): return .and(l.replacingColumns(f), r.replacingColumns(f))
    case .or(let l, let r): return .or(l.replacingColumns(f), r.replacingColumns(f))
    case .not(let e): return .not(e.replacingColumns(f))
    case .coalesce(let es, let t): return .coalesce(es.map { $0.replacingColumns(f) }, t)
    case .cases(let bs, let o, let t):
      return .cases(bs.map { (when: $0.when.replacingColumns(f), then: $0.then.replacingColumns(f)) }, otherwise: o.replacingColumns(f), t)
    case .shift(let e, let d, let n): return .shift(e.replacingColumns(f), d, negative: n)
    case .call(let fn, let args, let t): return .call(fn, args.map { $0.replacingColumns(f) }, t)
    }
  }

  /// The input columns the expression reads.
  var columnsRead: Set<Int> {
    var out = Set<Int>()
    _ = replacingColumns { i in
      out.insert(i)
      return .constant(.null, .int)
    }
    return out
  }
}
