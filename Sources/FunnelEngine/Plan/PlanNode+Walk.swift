import FunnelData

extension PlanNode {
  /// The node with each input (and a join's right side) replaced by `f(input)`.
  package func mapInputs(_ f: (PlanNode) -> PlanNode) -> PlanNode {
    switch self {
    case .scan: return self
    case .filter(let i, let p, let t): return .filter(f(i), predicate: p, text: t)
    case .project(let i, let c, let v, let t): return .project(f(i), columns: c, verb: v, text: t)
    case .aggregate(let i, let p): return .aggregate(f(i), p)
    case .sort(let i, let k, let t): return .sort(f(i), keys: k, text: t)
    case .limit(let i, let n): return .limit(f(i), count: n)
    case .distinct(let i, let c, let n): return .distinct(f(i), columns: c, names: n)
    case .join(let i, var p):
      p.right = f(p.right)
      return .join(f(i), p)
    case .compare(let i, let p): return .compare(f(i), p)
    case .window(let i, let p): return .window(f(i), p)
    case .vocabulary(let i, let p, let c): return .vocabulary(i.map(f), p, columns: c)
    case .save(let i, let p, let s): return .save(f(i), path: p, span: s)
    case .chart(let i, let c): return .chart(f(i), c)
    case .topN(let i, let k, let n, let t): return .topN(f(i), keys: k, count: n, text: t)
    case .prune(let i, let k, let n): return .prune(f(i), keep: k, names: n)
    }
  }

  /// The node rewritten bottom-up: inputs first, then `f` on the node.
  package func transformedUp(_ f: (PlanNode) -> PlanNode) -> PlanNode {
    f(mapInputs { $0.transformedUp(f) })
  }

  /// The names of the columns the step produces.
  package var outputNames: [String] {
    switch self {
    case .scan(_, let schema): return schema.names
    case .filter(let i, _, _), .sort(let i, _, _), .limit(let i, _), .save(let i, _, _), .chart(let i, _),
      .topN(let i, _, _, _), .prune(let i, _, _):
      return i.outputNames
    case .project(_, let c, _, _): return c.map(\.name)
    case .aggregate(_, let p): return (p.keys + p.outputs).map(\.name)
    case .distinct(_, _, let n): return n
    case .join(let i, let p): return i.outputNames + p.rightColumns.map(\.name)
    case .compare(_, let p): return p.keys.map(\.name) + p.columnNames
    case .window(let i, let p): return i.outputNames + p.names
    case .vocabulary(_, _, let c): return c
    }
  }
}
