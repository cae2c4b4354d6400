import FunnelData
import FunnelLanguage

/// `join [left] <dataset> on <col> [== <col>]`.
extension PipelineBinder {
  func bindJoin(
    left: Bool, dataset: Identifier, leftKey: Identifier, rightKey: Identifier?, _ node: PlanNode, _ scope: Scope
  ) throws -> (PlanNode, Scope) {
    guard let table = catalog.dataset(dataset.text) else { throw Diagnostic.unknownDataset(dataset, catalog: catalog) }
    let right = Scope(table: table, label: dataset.text, origin: nil)
    guard let li = scope.index(of: leftKey.text) else {
      throw Diagnostic.unknownColumn(leftKey, in: scope, catalog: catalog)
    }
    let rk = rightKey ?? leftKey
    guard let ri = right.index(of: rk.text) else { throw Diagnostic.unknownColumn(rk, in: right, catalog: catalog) }
    let lt = scope.types[li], rt = right.types[ri]
    guard Self.joinable(lt, rt) else {
      throw Diagnostic(
        message: "cannot join \(lt.name) '\(leftKey.text)' with \(rt.name) '\(rk.text)'", span: rk.span,
        hints: ["join on columns of one kind (ids with ids, text with text)"])
    }
    var names = NameAllocator(existing: scope.names)
    var rightColumns = [(index: Int, name: String)]()
    for (i, name) in right.names.enumerated() where i != ri {
      let clash = scope.names.contains(name)
      rightColumns.append((i, names.claim(clash ? dataset.text + "_" + name : name)))
    }
    let plan = JoinPlan(
      right: scan(dataset.text, table), rightName: dataset.text, left: left, leftKey: li, rightKey: ri,
      rightColumns: rightColumns)
    let out = Scope(
      names: scope.names + rightColumns.map(\.name), types: scope.types + rightColumns.map { right.types[$0.index] },
      hints: scope.hints + rightColumns.map { right.hints[$0.index] }, label: scope.label, origin: scope.origin)
    return (.join(node, plan), out)
  }

  /// Keys that can be equal: one type, or two decimals, or numbers of one integer kind.
  static func joinable(_ a: DataType, _ b: DataType) -> Bool {
    if a == b { return a != .double }
    switch (a, b) {
    case (.decimal, .decimal), (.int, .decimal), (.decimal, .int): return true
    default: return false
    }
  }
}
