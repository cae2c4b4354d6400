import FunnelLanguage

/// A statement's syntax as an indented tree, one node a line, for
/// `funnel --dump syntax`. It reads the syntax types by reflection, so it
/// follows them as they change; places in the source (`Span`) are left out.
///
/// `deals | take 5` →
///
///     Statement
///       kind: run
///         Pipeline
///           source: expression
///             Expr
///               kind: column "deals"
///           stages:
///             - Stage
///                 kind: take
///                   Expr
///                     kind: literal
///                       int 5
enum SyntaxTree {
  static func text(_ statement: Statement) -> String {
    var lines = [String]()
    render(statement, label: nil, indent: 0, into: &lines)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func render(_ value: Any, label: String?, indent: Int, into lines: inout [String]) {
    let pad = String(repeating: " ", count: indent)
    let prefix = pad + (label.map { $0 + ": " } ?? "")
    if let s = scalar(value) {
      lines.append(prefix + s)
      return
    }
    let mirror = Mirror(reflecting: value)
    let children = mirror.children.filter { !($0.value is Span) && !isSpanList($0.value) }
    switch mirror.displayStyle {
    case .optional:
      if let inner = children.first {
        render(inner.value, label: label, indent: indent, into: &lines)
      } else {
        lines.append(prefix + "none")
      }
    case .enum:
      guard let payload = children.first else {
        lines.append(prefix + String(describing: value))
        return
      }
      let name = payload.label ?? String(describing: value)
      if let s = scalar(payload.value) {
        lines.append(prefix + name + " " + s)
      } else if let only = single(payload.value) {
        lines.append(prefix + name + " " + only)
      } else {
        lines.append(prefix + name)
        renderParts(payload.value, indent: indent + 2, into: &lines)
      }
    case .collection, .set:
      lines.append(prefix.hasSuffix(": ") ? String(prefix.dropLast()) : prefix + "list")
      if children.isEmpty { lines[lines.count - 1] += " (none)" }
      for child in children {
        var sub = [String]()
        render(child.value, label: nil, indent: 0, into: &sub)
        for (i, line) in sub.enumerated() { lines.append(pad + (i == 0 ? "  - " : "    ") + line) }
      }
    default:
      if let only = single(value) {
        lines.append(prefix + only)
        return
      }
      lines.append(prefix + String(describing: type(of: value)))
      for child in children { render(child.value, label: child.label, indent: indent + 2, into: &lines) }
    }
  }

  /// A tuple's members each on their own; any other value as one node.
  private static func renderParts(_ value: Any, indent: Int, into lines: inout [String]) {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .tuple {
      for child in mirror.children where !(child.value is Span) {
        let label = child.label.flatMap { $0.hasPrefix(".") ? nil : $0 }
        render(child.value, label: label, indent: indent, into: &lines)
      }
    } else {
      render(value, label: nil, indent: indent, into: &lines)
    }
  }

  /// A struct whose one part (spans aside) is plain text: `Identifier "deals"` as `"deals"`.
  private static func single(_ value: Any) -> String? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .struct else { return nil }
    let parts = mirror.children.filter { !($0.value is Span) }
    guard parts.count == 1, let only = parts.first, let s = scalar(only.value) else { return nil }
    return s
  }

  private static func scalar(_ value: Any) -> String? {
    switch value {
    case let s as String: return "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    case let n as Int: return String(n)
    case let n as Int64: return String(n)
    case let n as Double: return String(n)
    case let b as Bool: return String(b)
    default: return nil
    }
  }

  private static func isSpanList(_ value: Any) -> Bool { value is [Span] }
}
