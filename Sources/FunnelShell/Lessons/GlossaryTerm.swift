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
  /// The team that owns the word, or both.
  public let side: Side
  /// The definition in one sentence, shown in the `.glossary` list and first in the entry.
  public let oneLine: String
  /// The longer explanation, for someone who has never worked in either team.
  public let definition: String
  /// A Funnel query that shows the idea on the demo data (a test runs every one).
  public let inFunnel: String
  /// The convention the definition follows: a vendor's where the word is
  /// theirs (`HubSpot lifecycle stages`), else `common usage`, naming the
  /// Funnel metric that computes it where there is one.
  public let source: String
  /// Names of other glossary terms worth reading next.
  public let related: [String]

  public init(
    _ term: String, aliases: [String] = [], side: Side, oneLine: String, definition: String, inFunnel: String,
    source: String, related: [String]
  ) {
    self.term = term
    self.aliases = aliases
    self.side = side
    self.oneLine = oneLine
    self.definition = definition
    self.inFunnel = inFunnel
    self.source = source
    self.related = related
  }
}
