import Foundation

/// The function tables of docs/language.md, written from the rows
/// (FunctionDocsTests keeps the file in step).
extension FunctionRegistry {
  /// The comment lines that fence a generated table in the docs.
  public static func markdownFence(aggregates: Bool) -> (begin: String, end: String) {
    let what = aggregates ? "aggregates" : "scalar functions"
    return ("<!-- \(what): generated from FunctionRegistry -->", "<!-- end of \(what) -->")
  }

  /// The table of scalar functions or of aggregates, fenced.
  public static func markdown(aggregates: Bool) -> String {
    let fence = markdownFence(aggregates: aggregates)
    var text = fence.begin + "\n\n| function | result | with null |\n|---|---|---|\n"
    for f in all where f.isAggregate == aggregates {
      let signatures = f.signatures.map { "`" + $0 + "`" }.joined(separator: "<br>")
      text += "| " + [signatures, f.summary, f.nullRule].map(cell).joined(separator: " | ") + " |\n"
    }
    return text + "\n" + fence.end + "\n"
  }

  /// A table cell: bars escaped so they do not end it.
  private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
