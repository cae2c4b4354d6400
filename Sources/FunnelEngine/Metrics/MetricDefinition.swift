import FunnelData

/// One built-in metric as `.explain`, `.help metrics` and docs/metrics.md show it:
/// its formula, what it tells each side of the house, and a query that computes it.
public struct MetricDefinition: Sendable {
  /// Called as `name(...)` in `agg`.
  public let name: String
  /// The arguments as written in a call: `""` or `"\"a\", \"b\""`.
  public let arguments: String
  /// The formula in plain words.
  public let formula: String
  /// What the number tells a marketer.
  public let marketing: String
  /// What the number tells a seller.
  public let sales: String
  /// The standard datasets it reads.
  public let datasets: [String]
  /// A DuckDB query over the standard tables computing it for all the data.
  public let sql: String
  /// How the result is meant to be read.
  public let hint: DisplayHint

  /// The call as written: `win_rate()`, `conversion("a", "b")`.
  public var signature: String { "\(name)(\(arguments))" }
}
