import FunnelData
import FunnelLanguage

/// A prepared statement's plans: the logical plan the binder made (a plain
/// value, no data in it), the names of the rewrite rules that fired, and the
/// physical plan the executor runs, with the tables its scans read.
///
///     deals | where stage == "closed_won" | agg revenue = sum(amount) by owner | sort revenue desc | take 5
///
///     1. scan deals (4,521 rows, 9 columns)
///     2. keep rows where stage == "closed_won"
///     3. group by owner; compute revenue = sum(amount)
///     4. sort by revenue descending
///     5. take 5
public struct Plan {
  package enum Root {
    /// Run a pipeline; `chart` is what the result is drawn with.
    case pipeline(PlanNode, chart: ChartRequest?)
    /// Evaluate a scalar expression.
    case scalar(BoundExpr, text: String)
    case letDataset(name: String, PlanNode)
    case letScalar(name: String, BoundExpr, text: String)
    case defineMetric(UserMetric)

    /// The same statement with its pipeline replaced by `f(pipeline)`.
    package func mapNode(_ f: (PlanNode) -> PlanNode) -> Root {
      switch self {
      case .pipeline(let node, let chart): return .pipeline(f(node), chart: chart)
      case .letDataset(let name, let node): return .letDataset(name: name, f(node))
      case .scalar, .letScalar, .defineMetric: return self
      }
    }

    package var node: PlanNode? {
      switch self {
      case .pipeline(let node, _), .letDataset(_, let node): return node
      case .scalar, .letScalar, .defineMetric: return nil
      }
    }
  }

  /// The logical plan, as bound.
  package private(set) var root: Root
  /// The output columns of a pipeline (nil for the other statements).
  package let schema: Scope?
  /// The plan the executor runs: `root` after the rewrite rules.
  package var physical: Root
  /// The rules that changed the plan, in the order they ran.
  public var rulesFired: [String] = []
  /// The table of each dataset the physical plan scans.
  package var tables: [String: Table] = [:]

  /// A logical plan, not yet rewritten (`physical` is the same tree).
  package init(root: Root, schema: Scope?) {
    self.root = root
    self.schema = schema
    physical = root
  }

  /// The plan with another root (a remote engine compiles a `save`'s input
  /// and writes the file itself); the physical plan is that root, unrewritten.
  package mutating func replaceRoot(_ root: Root) {
    self.root = root
    physical = root
  }

  /// The logical plan in words, one numbered line per step.
  public func explain() -> String { Self.describe(root) }

  /// The physical plan in words.
  public func explainPhysical() -> String { Self.describe(physical) }

  /// Both plans and the rules between them, as `.explain QUERY` shows them.
  public func report() -> String {
    var text = "logical plan:\n" + Self.indented(explain()) + "\n"
    text += "rules fired: " + (rulesFired.isEmpty ? "none" : rulesFired.joined(separator: ", ")) + "\n"
    text += "physical plan:\n" + Self.indented(explainPhysical()) + "\n"
    return text
  }

  package static func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }

  package static func describe(_ root: Root) -> String {
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

  /// What a reader of the result must know that its rows do not show, one
  /// line each (a deal funnel over deals without lost_stage); the shell prints
  /// them under the result.
  public var notes: [String] {
    guard let node = root.node else { return [] }
    var notes: [String] = []
    _ = node.transformedUp { step in
      if case .vocabulary(let input?, .funnel(let steps, _, _, _), _) = step,
        let note = DealFunnel.note(columns: input.outputNames, steps: steps)
      {
        notes.append(note)
      }
      if case .compare(_, let plan) = step { notes += plan.testNotes }
      if case .vocabulary(_, .scorecard(_, let credit, _, _), _) = step {
        notes.append(ScorecardVerb.note(credit: credit))
      }
      return step
    }
    return notes
  }

  /// The names and types of the result's columns (pipelines only).
  public var columns: [(name: String, type: DataType)]? {
    schema.map { s in s.names.indices.map { (s.names[$0], s.types[$0]) } }
  }
}
