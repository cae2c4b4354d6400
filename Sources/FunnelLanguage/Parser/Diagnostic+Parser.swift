/// The parser's messages, beside the parser.
extension Diagnostic {
  /// `expected <what>, found <found>` (or `expected <what>` at the end of a statement).
  static func expected(_ what: String, found: String, at span: Span, hint: String? = nil) -> Diagnostic {
    let message = found == "the end of the statement" ? "expected \(what)" : "expected \(what), found \(found)"
    return Diagnostic(message: message, span: span, hints: hint.map { [$0] } ?? [])
  }

  static func unclosed(_ opener: Token) -> Diagnostic {
    let close = opener.kind == .leftBracket ? "]" : ")"
    return Diagnostic(message: "unclosed '\(opener.text)'", span: opener.span, hints: ["close it with '\(close)'"])
  }

  static func unknownStage(_ word: String, at span: Span) -> Diagnostic {
    var d = Diagnostic(message: "unknown stage '\(word)'", span: span)
    d.suggest(word, among: Keywords.stages)
    d.hints.append("the stages are " + Keywords.stages.joined(separator: ", "))
    return d
  }

  static func expectedStage(found: String, orBar: Bool, at span: Span) -> Diagnostic {
    var d = Diagnostic.expected("a stage after '|'", found: found, at: span)
    if orBar { d.hints.append("use 'or' to combine conditions") }
    d.hints.append("the stages are " + Keywords.stages.joined(separator: ", "))
    return d
  }

  static func expectedSource(at span: Span) -> Diagnostic {
    Diagnostic(
      message: "expected a dataset before '|'", span: span,
      hints: ["a pipeline starts from a dataset, as in: deals | take 5"])
  }

  /// `'take' needs a number` (at the stage keyword or the offending text).
  static func stageNeeds(_ stage: String, _ what: String, example: String, at span: Span, more: [String] = [])
    -> Diagnostic
  {
    Diagnostic(message: "'\(stage)' needs \(what)", span: span, hints: ["as in: " + example] + more)
  }

  static func keywordAsName(_ word: String, at span: Span) -> Diagnostic {
    Diagnostic(
      message: "'\(word)' is a keyword, not a name", span: span,
      hints: ["write `\(word)` in backquotes to use it as a name"])
  }

  static func expectedAssign(after name: String, found: String, at span: Span, example: String) -> Diagnostic {
    Diagnostic.expected("'=' after '\(name)'", found: found, at: span, hint: "as in: " + example)
  }

  static func expectedValue(after keyword: Token, at span: Span) -> Diagnostic {
    let what = keyword.text == "metric" ? "an aggregate expression" : "a pipeline or an expression"
    return Diagnostic(message: "expected \(what) after '='", span: span)
  }

  static func metricIsNotAPipeline(at span: Span) -> Diagnostic {
    Diagnostic(
      message: "a metric is one aggregate expression, not a pipeline", span: span,
      hints: ["as in: metric wr = count_if(stage == \"closed_won\") / count()"])
  }

  static func nestedTooDeeply(at span: Span) -> Diagnostic {
    Diagnostic(message: "expression nested too deeply (more than \(StatementParser.maxNesting) levels)", span: span)
  }

  static func expressionTooTall(at span: Span) -> Diagnostic {
    Diagnostic(
      message: "expression too long (more than \(StatementParser.maxHeight) operations deep)", span: span,
      hints: ["split it with let, or use 'in [...]' for a long list of alternatives"])
  }

  static func tooManyStages(at span: Span) -> Diagnostic {
    Diagnostic(
      message: "pipeline too long (more than \(Parser.maxStages) stages)", span: span,
      hints: ["split it with let: let part = <first stages>, then part | <the rest>"])
  }

  static func tooManyErrors() -> Diagnostic {
    Diagnostic(message: "too many errors; stopped after \(Parser.maxDiagnostics)")
  }
}
