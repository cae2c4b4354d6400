/// The expression parser's error paths, kept out of the recursive functions
/// so that each nesting level costs little stack.
extension StatementParser {
  mutating func missingOperand(after op: BinaryOperator) -> ParseFailure {
    failure(.expected("an expression after '\(op.rawValue)'", found: describe(current), at: current.span))
  }

  mutating func misplacedNot() -> ParseFailure {
    failure(.expected("an expression", found: "'not'", at: current.span, hint: "put 'not ...' in parentheses here"))
  }

  mutating func missingList() -> ParseFailure {
    failure(
      .expected(
        "'[' after 'in'", found: describe(current), at: current.span, hint: "as in: channel in [\"email\", \"paid\"]"))
  }

  mutating func missingBetweenAnd() -> ParseFailure {
    failure(
      .expected(
        "'and' in 'between'", found: describe(current), at: current.span, hint: "as in: amount between 100 and 500"))
  }

  /// A missing `)` or `]`: at the end, or on a later line, the bracket was most
  /// likely never closed, so the message points at it.
  mutating func unclosedBracket(_ closing: TokenKind, opener: Token) -> ParseFailure {
    if current.kind == .assign { return failure(unexpected(current, in: nil)) }
    if atEnd || current.span.line > opener.span.line { return failure(.unclosed(opener)) }
    let close = closing == .rightParen ? ")" : "]"
    let hint = "to close the '\(opener.text)' at line \(opener.span.line), column \(opener.span.column)"
    return failure(.expected("'\(close)'", found: describe(current), at: current.span, hint: hint))
  }

  mutating func undecodableLiteral(_ token: Token) -> ParseFailure {
    failure(
      Diagnostic(
        message: "internal error: the literal \(describe(token)) does not decode (this is a bug)", span: token.span))
  }

  mutating func listOutsideIn() -> ParseFailure {
    failure(
      Diagnostic(
        message: "a list in brackets can only follow 'in'", span: current.span,
        hints: ["as in: channel in [\"email\", \"paid\"]"]))
  }

  mutating func expectedExpression() -> ParseFailure {
    if current.kind == .assign { return failure(unexpected(current, in: nil)) }
    return failure(.expected("an expression", found: describe(current), at: current.span))
  }

  mutating func keywordAsExpression() -> ParseFailure {
    let word = current.text
    return failure(
      .expected(
        "an expression", found: "the keyword '\(word)'", at: current.span,
        hint: "write `\(word)` in backquotes to use it as a name"))
  }

  static let caseExample = "case when amount > 1000 then \"big\" else \"small\" end"

  mutating func caseExpected(_ what: String) -> ParseFailure {
    failure(.expected(what, found: describe(current), at: current.span, hint: "as in: " + StatementParser.caseExample))
  }

  mutating func unclosedCase(_ keyword: Token) -> ParseFailure {
    if atEnd {
      return failure(
        Diagnostic(
          message: "unclosed 'case'", span: keyword.span,
          hints: ["end it with 'end', as in: " + StatementParser.caseExample]))
    }
    let hint = "the 'case' at line \(keyword.span.line), column \(keyword.span.column)"
    return failure(.expected("'end' to close the 'case'", found: describe(current), at: current.span, hint: hint))
  }
}
