import FunnelLanguage

/// One fuzz input for the parser (lexer included): any bytes, read as UTF-8.
/// Shared by the libFuzzer target (Fuzz/parser) and the replay of saved
/// inputs (FuzzRegressionTests).
///
/// `run` returns the broken promises; empty means the parser kept them all:
/// a statement or a diagnostic for everything that is not blank, every span
/// inside the text, and the cap on diagnostics. `Completeness.needsMore`
/// (what the prompt asks before it parses) must answer too.
enum ParserFuzzCase {
  static func run(_ bytes: [UInt8]) -> [String] {
    let source = SourceText(name: "fuzz", text: String(decoding: bytes, as: UTF8.self))
    _ = Completeness.needsMore(source.text)
    let (statements, diagnostics) = Parser.parse(source)
    var problems = FuzzSpans.check(diagnostics, in: source)
    let size = source.text.utf8.count
    let lines = source.firstLine..<source.firstLine + FuzzSpans.lineCount(source)
    for statement in statements {
      let span = statement.span
      if span.offset < 0 || span.offset > size || !lines.contains(span.line) {
        problems.append("statement '\(statement.text)' at \(span.line):\(span.column) outside the text")
      }
    }
    if diagnostics.count > Parser.maxDiagnostics + Lexer.maxDiagnostics + 2 {
      problems.append("\(diagnostics.count) diagnostics, over the limit")
    }
    return problems
  }
}
