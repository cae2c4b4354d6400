import FunnelData
import FunnelLanguage

/// A prepared statement's plan: a plain value, printable with `explain()`.
///
///     deals | where stage == "closed_won" | agg revenue = sum(amount) by owner | sort revenue desc | take 5
///
///     1. scan deals (4,521 rows, 9 columns)
///     2. keep rows where stage == "closed_won"
///     3. group by owner; compute revenue = sum(amount)
///     4. sort by revenue descending
///     5. take 5
public struct Plan {
  enum Root {
    /// Run a pipeline; `chart` is what the result is drawn with.
    case pipeline(PlanNode, chart: ChartRequest?)
    /// Evaluate a scalar expression.
    case scalar(BoundExpr, text: String)
    case letDataset(name: String, PlanNode)
    case letScalar(name: String, BoundExpr, text: String)
    case defineMetric(UserMetric)
  }

  let root: Root
  /// The output columns of a pipeline (nil for the other statements).
  let schema: Scope?

  /// The plan in words, one numbered line per step.
  public func explain() -> String {
    var lines = [String]()
    switch root {
    case .pipeline(let node, _): PlanText.describe(node, into: &lines)
    case .scalar(_, let text): lines.append("evaluate " + text)
    case .letDataset(let name, let node):
      PlanText.describe(node, into: &lines)
      lines.append("bind the result as dataset \(name)")
    case .letScalar(let name, _, let text): lines.append("evaluate \(text) and bind it as \(name)")
    case .defineMetric(let m): lines.append("define metric \(m.name) = \(m.text)")
    }
    return lines.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
  }

  /// The names and types of the result's columns (pipelines only).
  public var columns: [(name: String, type: DataType)]? {
    schema.map { s in s.names.indices.map { (s.names[$0], s.types[$0]) } }
  }
}
