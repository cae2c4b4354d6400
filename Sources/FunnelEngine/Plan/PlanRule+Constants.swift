import FunnelData

extension PlanRule {
  /// Parts of a filter's condition that read no column are computed once,
  /// while planning (`amount > 2 * 500` keeps rows where `amount > 1000`);
  /// a condition that is then always true is no filter at all. A part that
  /// would fail (an overflow) is left to fail when the statement runs.
  package static let foldConstants = PlanRule(name: "constant-folding") { node in
    var fired = false
    let out = node.transformedUp { n in
      guard case .filter(let input, let predicate, let text) = n else { return n }
      let folded = fold(predicate)
      if case .constant(.bool(true), _) = folded {
        fired = true
        return input
      }
      if same(folded, predicate) { return n }
      fired = true
      return .filter(input, predicate: folded, text: text + " [constants folded]")
    }
    return fired ? out : nil
  }

  /// The expression with each part that reads no column replaced by its
  /// value, bottom-up (each node is looked at once).
  package static func fold(_ e: BoundExpr) -> BoundExpr {
    switch e {
    case .column, .constant: return e
    case .parameter(_, let v, let t): return .constant(v, t)
    case .call(_, let args, _) where args.isEmpty: return e
    default: break
    }
    let mapped = e.mappingChildren(fold)
    var constantParts = true
    _ = mapped.mappingChildren { part in
      if case .constant = part {} else { constantParts = false }
      return part
    }
    if constantParts, let c = try? Evaluator.evaluate(mapped, Batch(Table(rowCount: 1))), c.count == 1 {
      return .constant(c.value(at: 0), e.type)
    }
    // `x and true` keeps the rows `x` keeps.
    if case .and(let a, let b) = mapped {
      if case .constant(.bool(true), _) = a { return b }
      if case .constant(.bool(true), _) = b { return a }
    }
    return mapped
  }

  /// Whether folding changed nothing: it only replaces parts by constants and
  /// drops `and true`, so the count of nodes tells.
  package static func same(_ a: BoundExpr, _ b: BoundExpr) -> Bool {
    size(a) == size(b)
  }

  private static func size(_ e: BoundExpr) -> Int {
    var count = 0
    func walk(_ x: BoundExpr) {
      count += 1
      _ = x.mappingChildren {
        walk($0); return $0
      }
    }
    walk(e)
    return count
  }
}

extension BoundExpr {
  /// The expression with each direct sub-expression replaced by `f(it)`.
  package func mappingChildren(_ f: (BoundExpr) -> BoundExpr) -> BoundExpr {
    switch self {
    case .column, .constant, .parameter: return self
    case .cast(let e, let c): return .cast(f(e), c)
    case .arithmetic(let op, let a, let b, let t): return .arithmetic(op, f(a), f(b), t)
    case .negate(let e): return .negate(f(e))
    case .compare(let op, let a, let b): return .compare(op, f(a), f(b))
    case .isNull(let e, let n): return .isNull(f(e), negated: n)
    case .member(let e, let set): return .member(f(e), set)
    case .and(let a, let b): return .and(f(a), f(b))
    case .or(let a, let b): return .or(f(a), f(b))
    case .not(let e): return .not(f(e))
    case .coalesce(let es, let t): return .coalesce(es.map(f), t)
    case .cases(let bs, let o, let t):
      return .cases(bs.map { (when: f($0.when), then: f($0.then)) }, otherwise: f(o), t)
    case .shift(let e, let d, let n): return .shift(f(e), d, negative: n)
    case .call(let fn, let args, let t): return .call(fn, args.map(f), t)
    case .located(let e, let site): return .located(f(e), site)
    }
  }
}
