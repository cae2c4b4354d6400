import FunnelData

/// One built-in metric, whole: what `.explain`, `.help metrics` and docs/metrics.md
/// show (formula, what it tells each side of the house, a query), what it reads
/// (`needs`), how it is called (`parameters`), the SQL a compiler to other engines
/// starts from (`sqlTemplate`), and how it is computed (`compute`). Adding a
/// metric is adding one of these rows to a `MetricRegistry` list.
public struct MetricDefinition: Sendable {
  /// Called as `name(...)` in `agg`.
  public let name: String
  /// The parameters of a call, each a lead stage in quotes: `[]` or `["a", "b"]`.
  public let parameters: [String]
  /// The formula in plain words.
  public let formula: String
  /// What the number tells a marketer.
  public let marketing: String
  /// What the number tells a seller.
  public let sales: String
  /// The standard datasets it reads; the first is the one it is computed over in docs and `sqlTemplate`.
  public let datasets: [String]
  /// A DuckDB query over the standard tables computing it for all the data (docs/metrics.md).
  public let sql: String
  /// ANSI SQL computing it per group (see `MetricSQL` for the placeholders).
  public let sqlTemplate: String
  /// How the result is meant to be read.
  public let hint: DisplayHint
  /// What it reads from each standard dataset; a stage parameter adds its stage to `leadStages`.
  let needs: MetricNeeds
  /// The value for one group from the facts `needs` asked for; nil is null.
  let compute: @Sendable (MetricGroup) -> Double?

  /// The arguments as written in a call: `""` or `"\"a\", \"b\""`.
  public var arguments: String {
    if MetricOption.takesQuota.contains(name) { return "quota" }
    return parameters.map { "\"\($0)\"" }.joined(separator: ", ")
  }

  /// The call as written: `win_rate()`, `conversion("a", "b")`.
  public var signature: String { "\(name)(\(arguments))" }

  /// The needs of a call whose stage parameters are `stages`.
  package func needs(stages: [LeadStage]) -> MetricNeeds {
    guard !stages.isEmpty else { return needs }
    return needs.merged(with: MetricNeeds(leadStages: stages))
  }
}
