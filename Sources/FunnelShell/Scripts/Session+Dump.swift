import FunnelEngine
import FunnelLanguage

/// What `funnel --dump STAGE` shows instead of running the statements.
public enum DumpStage: String, CaseIterable, Sendable {
  /// The lexer's tokens, one a line: place, kind, text.
  case tokens
  /// Each statement's syntax tree.
  case syntax
  /// Each statement's logical plan, the rewrite rules that fired and its
  /// physical plan. `let` and `metric` statements and dot commands also run,
  /// so that later statements can name what they bind; no other query runs.
  case plan
}

extension Session {
  /// Shows `stage` of every statement of `source`; false when a statement
  /// does not lex, parse or bind (after its message).
  func dump(_ source: SourceText, _ stage: DumpStage) -> Bool {
    if stage == .tokens {
      let (tokens, diagnostics) = Lexer.tokenize(source)
      for t in tokens {
        let text = t.kind == .newline ? "" : " " + SyntaxTreeText.quoted(t.text)
        emit("\(t.span.line):\(t.span.column) \(t.kind)\(text)\n")
      }
      report(diagnostics, in: source)
      return !diagnostics.contains { $0.severity == .error }
    }
    let parsed = Parser.parse(source)
    if !parsed.diagnostics.isEmpty {
      report(parsed.diagnostics, in: source)
      if parsed.diagnostics.contains(where: { $0.severity == .error }) { return false }
    }
    for (n, statement) in parsed.statements.enumerated() {
      emit((n == 0 ? "" : "\n") + "# statement \(n + 1), line \(statement.span.line)\n")
      if stage == .syntax {
        emit(SyntaxTree.text(statement))
        continue
      }
      if case .command = statement.kind {
        emit("(a command: run, not planned)\n")
        if !execute(statement, in: source) { return false }
        continue
      }
      do {
        let prepared = try Engine.prepare(statement, in: catalog)
        emit(prepared.plan.report())
        switch statement.kind {
        case .let, .metric:
          _ = try Engine.run(prepared, in: catalog, cancellation: cancellation, memoryLimit: memoryLimit)
        default: break
        }
      } catch {
        report(error, in: source)
        return false
      }
      console.flush()
    }
    return true
  }
}

/// Token text as `--dump tokens` shows it: quoted, with control characters escaped.
enum SyntaxTreeText {
  static func quoted(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where ch.value < 0x20 || (0x7f..<0xa0).contains(ch.value):
        out += "\\u{" + String(ch.value, radix: 16) + "}"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out + "\""
  }
}
