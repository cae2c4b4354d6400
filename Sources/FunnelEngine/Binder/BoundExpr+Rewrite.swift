import FunnelData

extension BoundExpr {
  /// The expression with every column reference replaced by `f(index)`:
  /// how `derive b = a * 2` after `a = ...` reads the earlier item's expression.
  func replacingColumns(_ f: (Int) -> BoundExpr) -> BoundExpr {
    withoutActuallyEscaping(f) { rewritten(columns: $0, sites: { $0 }) }
  }

  /// The expression with every column reference replaced by `columns(index)`
  /// (kept when nil) and every site by `sites(site)`.
  func rewritten(columns f: ((Int) -> BoundExpr)?, sites g: (ExprSite) -> ExprSite) -> BoundExpr {
    func r(_ e: BoundExpr) -> BoundExpr { e.rewritten(columns: f, sites: g) }
    switch self {
    case .column(let i, _, _): return f?(i) ?? self
    case .constant, .parameter: return self
    case .cast(let e, let c): return .cast(r(e), c)
    case .arithmetic(let op, let a, let b, let t): return .arithmetic(op, r(a), r(b), t)
    case .negate(let e): return .negate(r(e))
    case .compare(let op, let a, let b): return .compare(op, r(a), r(b))
    case .isNull(let e, let n): return .isNull(r(e), negated: n)
    case .member(let e, let set): return .member(r(e), set)
    case .and(let a, let b): return .and(r(a), r(b))
    case .or(let a, let b): return .or(r(a), r(b))
    case .not(let e): return .not(r(e))
    case .coalesce(let es, let t): return .coalesce(es.map(r), t)
    case .cases(let bs, let o, let t):
      return .cases(bs.map { (when: r($0.when), then: r($0.then)) }, otherwise: r(o), t)
    case .shift(let e, let d, let n): return .shift(r(e), d, negative: n)
    case .call(let fn, let args, let t): return .call(fn, args.map(r), t)
    case .located(let e, let site): return .located(r(e), g(site))
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
