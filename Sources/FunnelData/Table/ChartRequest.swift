/// What a `chart` stage (or the `funnel` verb at a terminal) asks the renderer
/// to draw beside a result. A plain value: the engine makes it, FunnelRender draws it.
public struct ChartRequest: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    /// Horizontal bars: one label column, one number column.
    case bar
    /// A line or sparkline per series over a period column.
    case line
    /// Bars narrowing step by step, with the conversion beside each (the `funnel` verb).
    case funnel
    /// Stacked bars of won, commit and best case against quota (the `forecast` verb).
    case forecast
    /// Per row, a bar of the value against a target, with a mark at a share
    /// of the target (the `pacing` verb: spend against budget, marked at the
    /// elapsed share of the flight).
    case bullet
  }

  public var kind: Kind
  /// The label (bar) or period (line) column; nil = the first suitable one.
  public var label: String?
  /// The number column; nil = the first numeric column after the label.
  public var value: String?
  /// For `.bullet`: the column the value is measured against.
  public var target: String?
  /// For `.bullet`: the column holding the share of the target to mark.
  public var mark: String?

  public init(kind: Kind, label: String? = nil, value: String? = nil, target: String? = nil, mark: String? = nil) {
    self.kind = kind
    self.label = label
    self.value = value
    self.target = target
    self.mark = mark
  }
}
