/// The table of built-in functions (metrics come from `MetricRegistry`).
/// The binder resolves every call here; `.help`, completion and
/// docs/language.md read the same rows.
public enum FunctionRegistry {
  /// Every function, grouped, in the order the docs list them.
  public static let all: [FunctionDefinition] =
    dates + texts + numbers + conditions + funnel + aggregates + windows

  private static let byName: [String: FunctionDefinition] = Dictionary(
    all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  /// The function called `name`, if there is one.
  public static func named(_ name: String) -> FunctionDefinition? { byName[name] }

  /// The functions of one group, in table order.
  public static func group(_ group: FunctionGroup) -> [FunctionDefinition] { all.filter { $0.group == group } }

  /// Scalar functions, in table order.
  public static var scalarNames: [String] { all.filter { !$0.isAggregate && !$0.isWindow }.map(\.name) }

  /// Built-in aggregates, in table order.
  public static var aggregateNames: [String] { all.filter(\.isAggregate).map(\.name) }

  /// Window functions, in table order.
  public static var windowNames: [String] { all.filter(\.isWindow).map(\.name) }
}
