import FunnelData

/// One call of a built-in metric as a plan holds it: the metric and its checked
/// arguments. `conversion("mql", "won")` has stages; `roi("linear", margin = 0.7)`
/// a credit rule and a margin; `cpl(share = "touches")` a share basis.
public struct MetricCall: Equatable, Sendable {
  public var name: String
  /// The stage names of a metric that takes stages, as written.
  public var stages: [String] = []
  /// The rule crediting won deals and revenue to campaigns: nil for each deal's
  /// own `campaign_id` (`CreditRule.source`), else an attribution model's name.
  public var credit: String? = nil
  /// What a campaign's spend is shared by among groups of leads.
  public var shareBy = ShareBasis.leads
  /// The gross margin `roi` counts revenue at; nil counts revenue whole.
  public var margin: Double? = nil
  /// The quota `quota_attainment` and `pipeline_coverage` measure against.
  public var quota: Double? = nil
  /// What of the metric the call gives: its value, or a part of its sample
  /// for the significance tests of `compare` (`MetricSample`).
  public var part = MetricPart.value

  public init(name: String) { self.name = name }

  /// The arguments as a plan prints them.
  public var text: String {
    var parts = stages.map { "\"\($0)\"" }
    if let c = credit { parts.append("\"\(c)\"") }
    if shareBy != .leads { parts.append("share = \"\(shareBy.rawValue)\"") }
    if let m = margin { parts.append("margin = \(m)") }
    if let q = quota { parts.append("quota = \(q)") }
    let call = "\(name)(\(parts.joined(separator: ", ")))"
    return part == .value ? call : "\(call).\(part.rawValue)"
  }
}

/// How a metric that credits won deals to campaigns (`roi`, `roas`, `cac`,
/// `marketing_cac`) decides which campaign a deal counts for.
public enum CreditRule {
  /// The default: each won deal whole to the campaign in its `campaign_id`, as a
  /// CRM's primary campaign source (Salesforce) or original source campaign holds it.
  public static let source = "source"

  /// The rules a call may name: `source`, and the attribution models at their default weights.
  public static var names: [String] {
    [source] + AttributionModel.names.filter { $0 != "compare" }
  }

  /// The metrics that take a rule.
  static let metrics: Set<String> = ["roi", "roas", "cac", "marketing_cac"]

  /// The default in words, for `.explain`, docs/metrics.md and the scorecard's footer.
  public static let defaultText =
    "each won deal is credited whole to the campaign in its campaign_id (its source campaign, "
    + "as a CRM's primary campaign source); name a model for another rule: roi(\"linear\")"
}

extension MetricDefinition {
  /// Where the metric runs and how it shares spend, for a metric over the
  /// campaigns' own numbers (`.explain`); nil for the others.
  public var placeRule: String? {
    guard needs.campaigns != nil else { return nil }
    return "campaigns, or leads with each campaign's spend shared among the groups in proportion to its leads "
      + "(share = \"touches\": its touches), so no campaign counts twice; refused on deals and touches"
  }

  /// How won deals count for campaigns, for the metrics that credit them (`.explain`); nil for the others.
  public var creditRule: String? {
    guard CreditRule.metrics.contains(name) else { return nil }
    return CreditRule.defaultText.replacingOccurrences(of: "roi(", with: "\(name)(")
  }

  /// The options a call takes, as examples (`roi(margin = 0.7)`).
  public var optionExamples: [String] { MetricOption.examples(self) }
}

/// Options of a metric call, for `.explain` and errors.
package enum MetricOption {
  /// The metrics that count revenue at a gross margin (`margin = 0.7`, `.param gross_margin`).
  static let takesMargin: Set<String> = ["roi", "cac_payback_months"]
  /// The metrics measured against a quota written in the call (`quota_attainment(120000)`).
  package static let takesQuota: Set<String> = ["quota_attainment", "pipeline_coverage"]

  /// The options `definition` takes, as `name = value` examples.
  static func examples(_ definition: MetricDefinition) -> [String] {
    var out: [String] = []
    if CreditRule.metrics.contains(definition.name) { out.append("\(definition.name)(\"linear\")") }
    if definition.needs.campaigns != nil { out.append("\(definition.name)(share = \"touches\")") }
    if takesMargin.contains(definition.name) { out.append("\(definition.name)(margin = 0.7)") }
    if takesQuota.contains(definition.name) { out.append("\(definition.name)(120000)") }
    return out
  }
}
