import FunnelData
import FunnelLanguage

/// Binding of `f(...) over (by ... sort ...)` in `derive`: the call, its
/// partition and its order bind over the columns so far; `Windowing` turns
/// them into a function of the `window` step under the derive, and the call
/// reads that function's column.
extension ExprBinder {
  func window(_ id: Identifier, _ args: [Expr], _ clause: WindowClause, span: Span) throws -> BoundExpr {
    guard let function = FunctionRegistry.named(id.text), case .window(let bind) = function.hook else {
      throw Diagnostic.notAWindowFunction(id, catalog: catalog)
    }
    guard let windowing else { throw Diagnostic.windowNotAllowed(id.text, in: self.clause, span: span) }
    // Arguments and keys bind without `windowing`: a window function inside them is refused.
    let rows = ExprBinder(scope: scope, catalog: catalog, clause: "a window function's argument")
    let draft = try bind(
      WindowCall(call: FunctionCall(id: id, args: args, span: span), rows: rows, sorted: !clause.order.isEmpty))
    let keys = ExprBinder(scope: scope, catalog: catalog, clause: "over (...)")
    let partition = try clause.partition.map { try keys.bind($0) }
    let order = try clause.order.map { SortPlanKey(expr: try keys.bind($0.expr), descending: $0.descending) }
    let text = ExprText.text(Expr(.window(id, args, clause), span: span))
    return windowing.add(draft, partition: partition, order: order, site: ExprSite(span: span, text: text))
  }
}

/// The window functions met while `derive` binds one layer of its items.
///
/// An item binds over the columns so far (`columns`, expressions over the
/// layer's input); a window function's argument and keys are rewritten onto
/// the input and become a function of the layer's `window` step, whose
/// output is the input's `inputWidth` columns then one per function. The call
/// itself binds to a column past the item's scope (`localBase + k`), which the
/// derive maps to the function's column (`reference`).
///
/// A function that reads another's result (`a = lag(x) over (...), b =
/// change(a) over (...)`) cannot be computed in the same step: `needsLayer`
/// tells the derive to close the layer and bind the item again over it.
final class Windowing {
  let inputWidth: Int
  /// The columns of the item's scope, as expressions over the layer's input.
  private(set) var columns: [OutputColumn]
  private(set) var specs: [WindowSpec] = []
  /// The functions of the item being bound, by their place past its scope.
  private(set) var itemFunctions: [Int] = []
  private(set) var needsLayer = false

  init(inputWidth: Int, columns: [OutputColumn]) {
    self.inputWidth = inputWidth
    self.columns = columns
  }

  /// Where the item's calls start: just past the columns of its scope.
  var localBase: Int { columns.count }

  /// Starts an item over `columns`: what it adds can be taken back (`dropItem`).
  func beginItem(_ columns: [OutputColumn]) {
    self.columns = columns
    itemFunctions = []
    needsLayer = false
  }

  /// Takes back the functions of the item just bound (it is bound again over a new layer).
  func dropItem() {
    specs.removeLast(itemFunctions.count)
    itemFunctions = []
  }

  func add(_ draft: WindowDraft, partition: [BoundExpr], order: [SortPlanKey], site: ExprSite) -> BoundExpr {
    let columns = self.columns
    let onInput = { (e: BoundExpr) in e.replacingColumns { columns[$0].expr } }
    let spec = WindowSpec(
      function: draft.function, argument: draft.argument.map(onInput), partition: partition.map(onInput),
      order: order.map { SortPlanKey(expr: onInput($0.expr), descending: $0.descending) }, type: draft.type,
      hint: draft.hint, site: site)
    var read = spec.argument?.columnsRead ?? []
    for k in spec.partition { read.formUnion(k.columnsRead) }
    for k in spec.order { read.formUnion(k.expr.columnsRead) }
    if read.contains(where: { $0 >= inputWidth }) { needsLayer = true }
    specs.append(spec)
    itemFunctions.append(specs.count - 1)
    return .column(localBase + itemFunctions.count - 1, draft.type, draft.hint)
  }

  /// What column `i` of an item's scope is on the layer's `window` step: a
  /// column so far, or a function's column.
  func reference(_ i: Int) -> BoundExpr {
    if i < localBase { return columns[i].expr }
    let spec = specs[itemFunctions[i - localBase]]
    return .column(inputWidth + itemFunctions[i - localBase], spec.type, spec.hint)
  }
}
