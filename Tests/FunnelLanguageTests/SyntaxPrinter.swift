import FunnelLanguage

/// Prints syntax as compact S-expressions, so a test can state the whole shape
/// of a parse in one string: `deals | where amount > 5` →
/// `deals | where (> amount 5)`.
enum SyntaxPrinter {
  static func statement(_ statement: Statement) -> String {
    switch statement.kind {
    case .run(let pipeline): return pipelineText(pipeline)
    case .let(let name, let value): return "let \(identifier(name)) = \(pipelineText(value))"
    case .metric(let name, let body): return "metric \(identifier(name)) = \(expr(body))"
    case .command(let name, let arguments, _): return ".\(name.text) {\(arguments)}"
    }
  }

  static func pipelineText(_ pipeline: Pipeline) -> String {
    var parts: [String] = []
    switch pipeline.source {
    case .expression(let e): parts.append(expr(e))
    case .scorecard(let keys, let model, let arguments, _):
      var text = keys.isEmpty ? "scorecard" : "scorecard by \(named(keys))"
      if let model {
        text += " model \(identifier(model))"
        if !arguments.isEmpty { text += "(" + arguments.map(expr).joined(separator: ", ") + ")" }
      }
      parts.append(text)
    }
    parts += pipeline.stages.map(stage)
    return parts.joined(separator: " | ")
  }

  static func stage(_ stage: Stage) -> String {
    switch stage.kind {
    case .where(let e): return "where \(expr(e))"
    case .select(let items): return "select \(named(items))"
    case .derive(let items): return "derive \(named(items))"
    case .drop(let names): return "drop \(names.map(identifier).joined(separator: " "))"
    case .rename(let rs):
      return "rename " + rs.map { "\(identifier($0.new))=\(identifier($0.old))" }.joined(separator: " ")
    case .agg(let aggs, let keys): return "agg \(named(aggs))" + by(keys)
    case .count(let keys): return "count" + by(keys)
    case .sort(let keys):
      return "sort " + keys.map { expr($0.expr) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
    case .take(let n): return "take \(expr(n))"
    case .top(let n, let e): return "top \(expr(n)) by \(expr(e))"
    case .distinct(let names): return (["distinct"] + names.map(identifier)).joined(separator: " ")
    case .join(let isLeft, let dataset, let l, let r):
      return "join\(isLeft ? " left" : "") \(identifier(dataset)) on \(identifier(l))"
        + (r.map { " == \(identifier($0))" } ?? "")
    case .funnel(let steps, let keys, let within):
      var s = "funnel"
      if let steps { s += " steps " + steps.map(identifier).joined(separator: " ") }
      s += by(keys)
      if let within { s += " within \(expr(within))" }
      return s
    case .attribute(let model, let arguments, let basis, let keys):
      return "attribute \(identifier(model))"
        + (arguments.isEmpty ? "" : "(" + arguments.map(expr).joined(separator: ", ") + ")")
        + (basis.map { " on " + identifier($0) } ?? "") + by(keys)
    case .cohort(let period, let keys, let byMonths):
      return "cohort \(expr(period))" + by(keys) + (byMonths ? " by-months" : "")
    case .stageDurations(let keys):
      return "stage_durations" + by(keys)
    case .forecast(let period, let keys):
      return "forecast \(expr(period))" + by(keys)
    case .pacing(let keys):
      return "pacing" + by(keys)
    case .compare(let e, let a, let b, let on, let keys):
      return "compare \(expr(e)) \(expr(a)) vs \(expr(b)) on \(named(on))" + by(keys)
    case .chart(let kind, let x, let y):
      return (["chart"] + [kind, x, y].compactMap { $0.map(identifier) }).joined(separator: " ")
    case .save(let path, _): return "save \"\(path)\""
    }
  }

  static func by(_ keys: [NamedExpr]) -> String { keys.isEmpty ? "" : " by \(named(keys))" }

  static func named(_ items: [NamedExpr]) -> String {
    "[" + items.map { item in (item.name.map { identifier($0) + "=" } ?? "") + expr(item.expr) }.joined(separator: " ")
      + "]"
  }

  static func identifier(_ id: Identifier) -> String { id.quoted ? "`\(id.text)`" : id.text }

  static func expr(_ e: Expr) -> String {
    switch e.kind {
    case .literal(let l): return literal(l)
    case .column(let id): return identifier(id)
    case .parameter(let id): return "$" + id.text
    case .named(let id, let value): return "(= \(identifier(id)) \(expr(value)))"
    case .unary(let op, let x): return "(\(op.rawValue) \(expr(x)))"
    case .binary(let op, let l, let r): return "(\(op.rawValue) \(expr(l)) \(expr(r)))"
    case .inList(let x, let items, let negated):
      return "(\(negated ? "not-in" : "in") \(expr(x)) [\(items.map(expr).joined(separator: " "))])"
    case .between(let x, let low, let high, let negated):
      return "(\(negated ? "not-between" : "between") \(expr(x)) \(expr(low)) \(expr(high)))"
    case .call(let name, let args): return "(call " + ([identifier(name)] + args.map(expr)).joined(separator: " ") + ")"
    case .window(let name, let args, let clause):
      var over = [String]()
      if !clause.partition.isEmpty { over.append("(by " + clause.partition.map(expr).joined(separator: " ") + ")") }
      if !clause.order.isEmpty {
        over.append(
          "(sort " + clause.order.map { expr($0.expr) + ($0.descending ? " desc" : "") }.joined(separator: " ") + ")")
      }
      return "(window " + ([identifier(name)] + args.map(expr)).joined(separator: " ") + " (over"
        + over.map { " " + $0 }.joined() + "))"
    case .caseWhen(let subject, let branches, let otherwise):
      var parts = ["case"]
      if let subject { parts.append(expr(subject)) }
      parts += branches.map { "(when \(expr($0.when)) \(expr($0.then)))" }
      if let otherwise { parts.append("(else \(expr(otherwise)))") }
      return "(" + parts.joined(separator: " ") + ")"
    }
  }

  static func literal(_ l: Literal) -> String {
    switch l {
    case .int(let n): return "\(n)"
    case .number(_, let text): return text
    case .string(let s): return "\"\(s)\""
    case .bool(let b): return "\(b)"
    case .null: return "null"
    case .date(let days): return "@\(days)"
    case .duration(let d): return "\(d.amount)\(d.unit.rawValue)"
    }
  }
}
