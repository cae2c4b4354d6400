extension StatementParser {
  /// The statement, or nil when it has a problem (recorded in `diagnostics`).
  mutating func parseStatement() -> Statement? {
    do {
      let kind = try parseStatementKind()
      let first = tokens[0].span
      let last = tokens[tokens.count - 2].span
      return Statement(kind: kind, span: first.through(last), text: statementText())
    } catch {
      return nil
    }
  }

  mutating func parseStatementKind() throws -> StatementKind {
    if current.kind == .command { return commandStatement() }
    if startsBinding("let") { return try letStatement() }
    if startsBinding("metric") { return try metricStatement() }
    let pipeline = try parsePipeline()
    try expectStatementEnd(after: pipeline)
    return .run(pipeline)
  }

  /// `let` or `metric` at the start of a statement is the keyword unless what
  /// follows makes it a name: `metric | take 5`, `let + 1` read a value called
  /// `metric` or `let`; `let x = ...`, `let = 1` and a lone `let` bind (or say
  /// what a binding needs).
  func startsBinding(_ keyword: String) -> Bool {
    guard current.isWord(keyword) else { return false }
    switch peek().kind {
    case .word, .quotedName, .assign, .newline, .integer, .number, .string, .date, .duration: return true
    default: return false
    }
  }

  /// `.name rest of the line`: the shell parses the arguments.
  mutating func commandStatement() -> StatementKind {
    let command = advance()
    // The name's span leaves out the dot: `.lod` is reported as the name `lod`.
    let s = command.span
    let name = Identifier(
      command.text, span: Span(line: s.line, column: s.column + 1, offset: s.offset + 1, length: max(0, s.length - 1)))
    let arguments = accept(.commandArguments)
    let argumentsSpan =
      arguments?.span
      ?? Span(line: s.line, column: s.column + s.length, offset: command.endOffset, length: 0)
    return .command(name: name, arguments: arguments?.text ?? "", argumentsSpan: argumentsSpan)
  }

  /// `let name = <pipeline or expression>`.
  mutating func letStatement() throws -> StatementKind {
    let keyword = advance()
    let name = try parseName(expected: "a name after 'let'")
    try expectAssign(after: name.text, example: "let big = deals | where amount > 10000")
    if atEnd { throw failure(.expectedValue(after: keyword, at: current.span)) }
    let value = try parsePipeline()
    try expectStatementEnd(after: value)
    return .let(name: name, value: value)
  }

  /// `metric name = <aggregate expression>`.
  mutating func metricStatement() throws -> StatementKind {
    let keyword = advance()
    let name = try parseName(expected: "a name after 'metric'")
    try expectAssign(after: name.text, example: "metric wr = count_if(stage == \"closed_won\") / count()")
    if atEnd { throw failure(.expectedValue(after: keyword, at: current.span)) }
    let body = try parseExpression()
    if current.kind == .pipe { throw failure(.metricIsNotAPipeline(at: current.span)) }
    if !atEnd { throw failure(unexpected(current, in: nil)) }
    return .metric(name: name, body: body)
  }

  mutating func expectAssign(after name: String, example: String) throws {
    guard accept(.assign) != nil else {
      throw failure(.expectedAssign(after: name, found: describe(current), at: current.span, example: example))
    }
  }

  /// Nothing may follow a pipeline in its statement.
  mutating func expectStatementEnd(after pipeline: Pipeline) throws {
    guard !atEnd else { return }
    var diagnostic = unexpected(current, in: nil)
    if current.kind == .word, Keywords.stages.contains(current.text) {
      diagnostic.hints.append("put '|' before '\(current.text)' to add a stage")
    } else if current.kind == .assign, pipeline.stages.isEmpty, case .expression(let e) = pipeline.source,
      case .column(let name) = e.kind
    {
      diagnostic.hints.append("to bind a name, write: let \(name.text) = ...")
    }
    throw failure(diagnostic)
  }

  /// A token that cannot stand where it is, with the hint a lone `=` deserves.
  func unexpected(_ token: Token, in stage: String?) -> Diagnostic {
    if token.kind == .assign {
      return Diagnostic(message: "unexpected '='", span: token.span, hints: ["use '==' to compare"])
    }
    if token.kind == .rightParen || token.kind == .rightBracket {
      return Diagnostic(
        message: "unmatched \(describe(token))", span: token.span, hints: ["there is no opening bracket for it"])
    }
    if token.kind == .word, token.text != token.text.lowercased(), Keywords.isKeyword(token.text.lowercased()) {
      return Diagnostic(
        message: "unexpected \(describe(token))", span: token.span,
        hints: ["keywords are written in lowercase: '\(token.text.lowercased())'"])
    }
    if token.isWord("over") {
      // `n over (...)`, `(lag(n)) over (...)`: only a call takes a window.
      return Diagnostic(
        message: "'over' must follow a window function's call", span: token.span,
        hints: ["as in: derive prev = lag(n) over (sort m); .help windows lists the window functions"])
    }
    if let stage {
      return Diagnostic(
        message: "unexpected \(describe(token)) in '\(stage)'", span: token.span,
        hints: ["a stage ends at '|' or at the end of the statement"])
    }
    return Diagnostic(message: "unexpected \(describe(token))", span: token.span)
  }
}
