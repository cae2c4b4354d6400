import FunnelLanguage

/// One fuzz input for the lexer: any bytes, read as UTF-8 (invalid sequences
/// become U+FFFD, as a script file would). Shared by the libFuzzer target
/// (Fuzz/lexer) and the replay of saved inputs (FuzzRegressionTests), so a
/// saved crash is replayed through exactly the code that found it.
///
/// `run` returns the broken promises; empty means the lexer kept them all:
/// every token and diagnostic lies inside the text, tokens come in source
/// order, and the limits on tokens and diagnostics hold.
enum LexerFuzzCase {
  static func run(_ bytes: [UInt8]) -> [String] {
    let source = SourceText(name: "fuzz", text: String(decoding: bytes, as: UTF8.self))
    let size = source.text.utf8.count
    let lines = source.firstLine..<source.firstLine + FuzzSpans.lineCount(source)
    let (tokens, diagnostics) = Lexer.tokenize(source)
    var problems: [String] = []
    var previousEnd = 0
    for token in tokens {
      let span = token.span
      if span.offset < previousEnd || span.offset > token.endOffset || token.endOffset > size {
        problems.append(
          "token \(token.kind) '\(token.text)' at \(span.offset)..<\(token.endOffset) outside 0..<\(size) or out of order"
        )
      }
      if span.column < 1 || !lines.contains(span.line) {
        problems.append("token \(token.kind) at \(span.line):\(span.column) names no line of the text")
      }
      previousEnd = max(previousEnd, token.endOffset)
      _ = token.literal
    }
    problems += FuzzSpans.check(diagnostics, in: source)
    if tokens.count > Lexer.maxTokens + 2 { problems.append("\(tokens.count) tokens, over the limit") }
    if diagnostics.count > Lexer.maxDiagnostics + 1 {
      problems.append("\(diagnostics.count) diagnostics, over the limit")
    }
    return problems
  }
}
