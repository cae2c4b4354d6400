import FunnelData

/// The steps of a plan in words (see `Plan.explain()`).
package enum PlanText {
  package static func describe(_ node: PlanNode, into lines: inout [String]) {
    switch node {
    case .scan(let name, let schema):
      lines.append("scan \(name) (\(grouped(schema.rowCount)) rows, \(schema.names.count) columns)")
    case .filter(let input, _, let text):
      describe(input, into: &lines)
      lines.append("keep rows where " + text)
    case .project(let input, let columns, let verb, let text):
      describe(input, into: &lines)
      switch verb {
      case "select": lines.append("keep columns " + text)
      case "derive": lines.append("compute " + text)
      case "drop": lines.append("drop columns " + text)
      case "rename": lines.append("rename " + text)
      default: lines.append(verb + " " + columns.map(\.name).joined(separator: ", "))
      }
    case .aggregate(let input, let plan):
      describe(input, into: &lines)
      lines.append(plan.text)
    case .sort(let input, _, let text):
      describe(input, into: &lines)
      lines.append("sort by " + text)
    case .limit(let input, let count):
      describe(input, into: &lines)
      lines.append("take \(count)")
    case .distinct(let input, _, let names):
      describe(input, into: &lines)
      lines.append("keep unique rows of " + names.joined(separator: ", "))
    case .join(let input, let plan):
      describe(input, into: &lines)
      lines.append((plan.left ? "left join " : "join ") + plan.rightName + " on matching keys")
    case .compare(let input, let plan):
      describe(input, into: &lines)
      lines.append("compare " + plan.text)
    case .window(let input, let plan):
      describe(input, into: &lines)
      lines.append(plan.text)
    case .vocabulary(let input, let plan, _):
      if let input { describe(input, into: &lines) }
      lines.append(plan.text)
    case .save(let input, let path, _):
      describe(input, into: &lines)
      lines.append("save to \"\(path)\"")
    case .chart(let input, let chart):
      describe(input, into: &lines)
      lines.append("draw a \(chart.kind.rawValue) chart")
    case .topN(let input, _, let count, let text):
      describe(input, into: &lines)
      lines.append("keep the first \(count) by \(text) (top-n: only those rows are ordered)")
    case .prune(let input, _, let names):
      describe(input, into: &lines)
      let all = input.outputNames.count
      let only = names.isEmpty ? "none" : names.joined(separator: ", ")
      if let last = lines.indices.last { lines[last] += " [pruned: computes only \(only) of \(all) columns]" }
    }
  }

  /// `4521` → `4,521`.
  package static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return (n < 0 ? "-" : "") + out
  }
}
