import Foundation

/// The function tables of docs/language.md, written from the rows
/// (FunctionDocsTests keeps the file in step).
extension FunctionRegistry {
  /// The tables the docs hold, one per kind of function.
  public enum Table: String, CaseIterable, Sendable {
    case scalar = "scalar functions"
    case aggregate = "aggregates"
    case window = "window functions"

    /// Whether `f` is listed in this table.
    public func lists(_ f: FunctionDefinition) -> Bool {
      switch self {
      case .scalar: return !f.isAggregate && !f.isWindow
      case .aggregate: return f.isAggregate
      case .window: return f.isWindow
      }
    }
  }

  /// The comment lines that fence a generated table in the docs.
  public static func markdownFence(_ table: Table) -> (begin: String, end: String) {
    ("<!-- \(table.rawValue): generated from FunctionRegistry -->", "<!-- end of \(table.rawValue) -->")
  }

  /// One table of functions, fenced.
  public static func markdown(_ table: Table) -> String {
    let fence = markdownFence(table)
    var text = fence.begin + "\n\n| function | result | with null |\n|---|---|---|\n"
    for f in all where table.lists(f) {
      let signatures = f.signatures.map { "`" + $0 + "`" }.joined(separator: "<br>")
      text += "| " + [signatures, f.summary, f.nullRule].map(cell).joined(separator: " | ") + " |\n"
    }
    return text + "\n" + fence.end + "\n"
  }

  /// A table cell: bars escaped so they do not end it.
  private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
