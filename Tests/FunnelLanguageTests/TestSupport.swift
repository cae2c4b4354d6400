import FunnelLanguage
import Testing

/// A source with a position marker (`1️⃣`) taken out, and where it stood.
struct MarkedSource {
  var text: String
  var line: Int
  var column: Int

  /// Columns count Unicode scalars, 1-based, like `Span`.
  init(_ marked: String, marker: String = "1️⃣") {
    guard let range = marked.range(of: marker) else {
      preconditionFailure("no marker \(marker) in \(marked)")
    }
    let before = marked[..<range.lowerBound]
    line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    column = before[lineStart...].unicodeScalars.count + 1
    text = marked.replacingCharacters(in: range, with: "")
  }
}

/// Parses `source` and expects no diagnostics.
func parseClean(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Statement] {
  let (statements, diagnostics) = Parser.parse(SourceText(text: source))
  #expect(
    diagnostics.isEmpty, "\(diagnostics.map { "\($0.span.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" })",
    sourceLocation: sourceLocation)
  return statements
}

/// The S-expression of the single statement in `source`.
func printed(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
  let statements = parseClean(source, sourceLocation: sourceLocation)
  #expect(statements.count == 1, "expected one statement in \(source)", sourceLocation: sourceLocation)
  return statements.first.map(SyntaxPrinter.statement) ?? "<none>"
}

/// Expects a diagnostic with `message` whose span starts at the marker.
@discardableResult
func assertDiagnostic(
  _ marked: String, at marker: String = "1️⃣", message: String, hint: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Diagnostic? {
  let source = MarkedSource(marked, marker: marker)
  let (_, diagnostics) = Parser.parse(SourceText(text: source.text))
  let found = diagnostics.first { $0.message == message }
  #expect(found != nil, "no '\(message)' among \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
  guard let found else { return nil }
  #expect(found.span?.line == source.line, "line", sourceLocation: sourceLocation)
  #expect(found.span?.column == source.column, "column of '\(message)'", sourceLocation: sourceLocation)
  if let hint {
    #expect(found.hints.contains(hint), "hints \(found.hints)", sourceLocation: sourceLocation)
  }
  return found
}
