/// One rewrite of a plan tree, named so that `.explain` can say it fired.
/// A rule returns nil when it changed nothing. Every rule keeps the result
/// the same, rows and order; it only changes how much work gives it.
package struct PlanRule: Sendable {
  package let name: String
  package let apply: @Sendable (PlanNode) -> PlanNode?

  /// The rules in the order they run: the logical rewrites first, then the
  /// two that make the physical plan.
  package static let all: [PlanRule] = [.foldConstants, .pushFilters, .fuseTopN, .pruneColumns]

  /// The tree after every rule, and the names of the rules that fired.
  package static func rewrite(_ node: PlanNode) -> (node: PlanNode, fired: [String]) {
    var node = node
    var fired = [String]()
    for rule in all {
      if let rewritten = rule.apply(node) {
        node = rewritten
        fired.append(rule.name)
      }
    }
    return (node, fired)
  }

  /// `sort | take n` (and `top n by x`) order only the n rows kept: a heap
  /// of n rows instead of a sort of them all.
  package static let fuseTopN = PlanRule(name: "top-n") { node in
    var fired = false
    let out = node.transformedUp { n in
      guard case .limit(.sort(let input, let keys, let text), let count) = n else { return n }
      fired = true
      return .topN(input, keys: keys, count: count, text: text)
    }
    return fired ? out : nil
  }

  /// A filter right above a step that only picks, drops or renames columns
  /// runs below it, so the step passes on only the rows kept. (Not below a
  /// step that computes: a row the filter drops could make it fail.)
  package static let pushFilters = PlanRule(name: "filter-push-down") { node in
    var fired = false
    let out = node.transformedUp { n in
      guard case .filter(.project(let input, let columns, let verb, let text), let predicate, let ptext) = n else {
        return n
      }
      for c in columns {
        guard case .column = c.expr else { return n }
      }
      fired = true
      let below = predicate.replacingColumns { columns[$0].expr }
      return .project(.filter(input, predicate: below, text: ptext), columns: columns, verb: verb, text: text)
    }
    return fired ? out : nil
  }
}
