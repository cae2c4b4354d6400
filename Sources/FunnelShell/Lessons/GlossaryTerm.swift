/// One word of the sales and marketing trade, explained for a newcomer.
public struct GlossaryTerm: Sendable {
  /// Which team the word belongs to.
  public enum Side: String, Sendable, CaseIterable {
    case marketing, sales, both

    /// The heading `.glossary` groups terms under.
    public var heading: String {
      switch self {
      case .marketing: return "Marketing"
      case .sales: return "Sales"
      case .both: return "Both teams"
      }
    }
  }

  /// The name as shown (`MQL`, `win rate`).
  public let term: String
  /// Other names that find the term (`marketing qualified lead`).
  public let aliases: [String]
  public let side: Side
  /// A plain definition, for someone who has never worked in either team.
  public let definition: String
  /// A runnable Funnel query or metric that shows the idea on the data.
  public let inFunnel: String
  /// Names of other glossary terms worth reading next.
  public let related: [String]

  public init(
    _ term: String, aliases: [String] = [], side: Side, definition: String, inFunnel: String, related: [String]
  ) {
    self.term = term
    self.aliases = aliases
    self.side = side
    self.definition = definition
    self.inFunnel = inFunnel
    self.related = related
  }
}
