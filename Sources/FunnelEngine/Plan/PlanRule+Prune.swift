extension PlanRule {
  /// Each step is told which of its output columns the steps above read; a
  /// projection or a join under them computes only those (the rest are cheap
  /// empty placeholders nothing reads), marked by a `prune` step above it.
  package static let pruneColumns = PlanRule(name: "column-pruning") { node in
    var fired = false
    let out = prune(node, needed: nil, fired: &fired)
    return fired ? out : nil
  }

  /// `needed`: the columns of `node`'s output read above (nil = all).
  private static func prune(_ node: PlanNode, needed: Set<Int>?, fired: inout Bool) -> PlanNode {
    switch node {
    case .scan, .prune: return node
    case .filter(let input, let predicate, let text):
      let below = needed.map { $0.union(predicate.columnsRead) }
      return .filter(prune(input, needed: below, fired: &fired), predicate: predicate, text: text)
    case .project(let input, let columns, let verb, let text):
      let kept = needed ?? Set(columns.indices)
      let below = kept.reduce(into: Set<Int>()) { $0.formUnion(columns[$1].expr.columnsRead) }
      let step = PlanNode.project(prune(input, needed: below, fired: &fired), columns: columns, verb: verb, text: text)
      return marked(step, kept: needed, width: columns.count, fired: &fired)
    case .aggregate(let input, let plan):
      return .aggregate(prune(input, needed: Executor.read(by: plan), fired: &fired), plan)
    case .sort(let input, let keys, let text):
      return .sort(prune(input, needed: union(needed, keys), fired: &fired), keys: keys, text: text)
    case .topN(let input, let keys, let count, let text):
      return .topN(prune(input, needed: union(needed, keys), fired: &fired), keys: keys, count: count, text: text)
    case .limit(let input, let count):
      return .limit(prune(input, needed: needed, fired: &fired), count: count)
    case .chart(let input, let request):
      return .chart(prune(input, needed: needed, fired: &fired), request)
    case .distinct(let input, let columns, let names):
      return .distinct(prune(input, needed: Set(columns), fired: &fired), columns: columns, names: names)
    case .join(let input, var plan):
      plan.right = prune(plan.right, needed: nil, fired: &fired)
      let step = PlanNode.join(prune(input, needed: nil, fired: &fired), plan)
      return marked(step, kept: needed, width: step.outputNames.count, fired: &fired)
    case .window(let input, let plan):
      // The input's columns read above, and every column a function reads.
      let width = input.outputNames.count
      let below = needed.map { kept in
        plan.functions.reduce(into: kept.filter { $0 < width }) { out, spec in
          if let a = spec.argument { out.formUnion(a.columnsRead) }
          for k in spec.partition { out.formUnion(k.columnsRead) }
          for k in spec.order { out.formUnion(k.expr.columnsRead) }
        }
      }
      return .window(prune(input, needed: below, fired: &fired), plan)
    case .compare, .vocabulary, .save:
      return node.mapInputs { prune($0, needed: nil, fired: &fired) }
    }
  }

  /// `step` under a `prune` when only some of its columns are read.
  private static func marked(_ step: PlanNode, kept: Set<Int>?, width: Int, fired: inout Bool) -> PlanNode {
    guard let kept, kept.count < width else { return step }
    fired = true
    let names = step.outputNames
    return .prune(step, keep: kept, names: kept.sorted().filter { $0 < names.count }.map { names[$0] })
  }

  private static func union(_ needed: Set<Int>?, _ keys: [SortPlanKey]) -> Set<Int>? {
    guard var out = needed else { return nil }
    for k in keys { out.formUnion(k.expr.columnsRead) }
    return out
  }
}
