import FunnelData
import FunnelLanguage

/// Expressions written back as source text, for plans (`explain`) and names.
///
///     amount > 1000 and stage == "closed_won"
enum ExprText {
  static func text(_ e: Expr) -> String {
    switch e.kind {
    case .literal(let l): return text(l)
    case .column(let id): return name(id)
    case .parameter(let id): return "$" + id.text
    case .unary(.negate, let x): return "-" + wrapped(x, than: 8)
    case .unary(.not, let x): return "not " + wrapped(x, than: 3)
    case .binary(let op, let l, let r):
      return wrapped(l, than: op.precedence) + " " + op.rawValue + " " + wrapped(r, than: op.precedence + 1)
    case .inList(let x, let items, let negated):
      return text(x) + (negated ? " not in [" : " in [") + items.map(text).joined(separator: ", ") + "]"
    case .between(let x, let lo, let hi, let negated):
      return text(x) + (negated ? " not between " : " between ") + text(lo) + " and " + text(hi)
    case .call(let id, let args): return id.text + "(" + args.map(text).joined(separator: ", ") + ")"
    case .window(let id, let args, let clause):
      return id.text + "(" + args.map(text).joined(separator: ", ") + ") " + text(clause)
    case .named(let id, let value): return name(id) + " = " + text(value)
    case .caseWhen(let subject, let branches, let otherwise):
      var s = "case"
      if let subject { s += " " + text(subject) }
      for b in branches { s += " when " + text(b.when) + " then " + text(b.then) }
      if let otherwise { s += " else " + text(otherwise) }
      return s + " end"
    }
  }

  /// `over (by channel sort m desc)`.
  static func text(_ w: WindowClause) -> String {
    var parts = [String]()
    if !w.partition.isEmpty { parts.append("by " + w.partition.map(text).joined(separator: ", ")) }
    if !w.order.isEmpty {
      parts.append("sort " + w.order.map { text($0.expr) + ($0.descending ? " desc" : "") }.joined(separator: ", "))
    }
    return "over (" + parts.joined(separator: " ") + ")"
  }

  static func text(_ l: Literal) -> String {
    switch l {
    case .int(let v): return String(v)
    case .number(_, let t): return t
    case .string(let s): return "\"" + s + "\""
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .date(let d): return "@" + CivilDate(daysSinceEpoch: d).description
    case .duration(let d): return String(d.amount) + d.unit.rawValue
    }
  }

  static func name(_ id: Identifier) -> String {
    let plain = id.text.unicodeScalars.allSatisfy {
      $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
    }
    return plain && !id.text.isEmpty ? id.text : "`" + id.text + "`"
  }

  static func text(_ n: NamedExpr) -> String {
    guard let name = n.name else { return text(n.expr) }
    return self.name(name) + " = " + text(n.expr)
  }

  private static func precedence(_ e: Expr) -> Int {
    switch e.kind {
    case .binary(let op, _, _): return op.precedence
    case .unary(.not, _): return 3
    case .inList, .between: return 4
    default: return 9
    }
  }

  private static func wrapped(_ e: Expr, than p: Int) -> String {
    precedence(e) < p ? "(" + text(e) + ")" : text(e)
  }
}
