import FunnelData

/// The columns flowing between two stages, as the binder sees them.
package struct Scope {
  package var names: [String]
  package var types: [DataType]
  package var hints: [DisplayHint]
  /// How messages name the rows: the source dataset (`deals`) until a stage
  /// changes their shape, then `the result`.
  package var label: String
  /// The standard dataset the rows still are (campaigns, leads, touches,
  /// deals), for metrics and the vocabulary; nil once aggregated or reshaped.
  package var origin: String?

  package static let empty = Scope(names: [], types: [], hints: [], label: "the expression", origin: nil)

  package init(names: [String], types: [DataType], hints: [DisplayHint], label: String, origin: String?) {
    self.names = names
    self.types = types
    self.hints = hints
    self.label = label
    self.origin = origin
  }

  package init(table: Table, label: String, origin: String?) {
    self.init(
      names: table.names, types: table.columns.map(\.type), hints: table.columns.map(\.hint), label: label,
      origin: origin)
  }

  package init(columns: [OutputColumn], label: String = "the result", origin: String?) {
    self.init(
      names: columns.map(\.name), types: columns.map { $0.expr.type }, hints: columns.map { $0.expr.hint },
      label: label, origin: origin)
  }

  package func index(of name: String) -> Int? { names.firstIndex(of: name) }

  /// `.column` for column `i`.
  package func reference(_ i: Int) -> BoundExpr { .column(i, types[i], hints[i]) }

  /// Every column passed through unchanged.
  package var passThrough: [OutputColumn] {
    names.indices.map { OutputColumn(name: names[$0], expr: reference($0)) }
  }

  package static let standardDatasets = Set(StandardDataset.allCases.map(\.rawValue))
}

/// Output names made unique: a second `sum_amount` becomes `sum_amount_2`.
package struct NameAllocator {
  private var used: Set<String> = []

  package init(existing: [String] = []) { used = Set(existing) }

  package mutating func claim(_ name: String) -> String {
    if used.insert(name).inserted { return name }
    var k = 2
    while !used.insert("\(name)_\(k)").inserted { k += 1 }
    return "\(name)_\(k)"
  }
}
