import FunnelData
import FunnelLanguage

/// The planning stages between a statement and its run:
///
/// 1. bind (`StatementBinder`) over the catalog's schemas only (`Catalog.schemaView`):
///    the logical plan, a `PlanNode` tree that holds no data;
/// 2. rewrite (`PlanRule.all`): constant folding, filter push-down, top-n and
///    column pruning, each a named rule;
/// 3. resolve: the physical plan, with the table each scan reads.
///
/// A compiler to SQL reads the logical plan of step 1 (`Plan.root`).
package enum Planner {
  /// The logical plan alone: binding never reads a row.
  package static func bind(_ statement: Statement, in catalog: Catalog) throws -> Plan {
    try StatementBinder(catalog: catalog.schemaView()).plan(statement)
  }

  /// Every stage: bind, rewrite, resolve.
  package static func plan(_ statement: Statement, in catalog: Catalog) throws -> Plan {
    var plan = try bind(statement, in: catalog)
    if let node = plan.root.node {
      let (rewritten, fired) = PlanRule.rewrite(node)
      plan.physical = plan.root.mapNode { _ in rewritten }
      plan.rulesFired = fired
      var tables = [String: Table]()
      collectScans(rewritten, catalog, into: &tables)
      plan.tables = tables
    }
    return plan
  }

  private static func collectScans(_ node: PlanNode, _ catalog: Catalog, into tables: inout [String: Table]) {
    if case .scan(let name, _) = node, tables[name] == nil, let t = catalog.dataset(name) { tables[name] = t }
    _ = node.mapInputs { child in
      collectScans(child, catalog, into: &tables)
      return child
    }
  }
}
