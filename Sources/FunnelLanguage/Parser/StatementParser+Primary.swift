extension StatementParser {
  /// Literals, `$param`, names, calls `f(args)`, `( expr )` and `case ... end`.
  mutating func parsePrimary() throws -> ExprNode {
    let token = current
    switch token.kind {
    case .integer, .number, .string, .date, .duration:
      guard let literal = token.literal else { throw undecodableLiteral(token) }
      advance()
      return ExprNode(expr: Expr(.literal(literal), span: token.span), height: 1)
    case .parameter:
      advance()
      return ExprNode(expr: Expr(.parameter(Identifier(token.text, span: token.span)), span: token.span), height: 1)
    case .quotedName:
      advance()
      let name = Identifier(token.text, span: token.span, quoted: true)
      return ExprNode(expr: Expr(.column(name), span: token.span), height: 1)
    case .leftParen:
      return try parseParenthesised()
    case .leftBracket:
      throw listOutsideIn()
    case .word:
      return try parseWord()
    default:
      throw expectedExpression()
    }
  }

  /// `( expr )`; the span includes the brackets.
  mutating func parseParenthesised() throws -> ExprNode {
    let open = advance()
    try enter()
    defer { leave() }
    if atEnd { throw failure(.unclosed(open)) }
    var inner = try parseBinary(1)
    try expectClose(.rightParen, opener: open)
    inner.expr.span = span(from: open.span)
    return inner
  }

  /// `true`, `false`, `null`, `case ...`, a name, or a call when `(` follows.
  mutating func parseWord() throws -> ExprNode {
    let token = current
    switch token.text {
    case "true", "false":
      advance()
      return ExprNode(expr: Expr(.literal(.bool(token.text == "true")), span: token.span), height: 1)
    case "null":
      advance()
      return ExprNode(expr: Expr(.literal(.null), span: token.span), height: 1)
    case "case":
      return try parseCase()
    default:
      break
    }
    if token.isReserved { throw keywordAsExpression() }
    advance()
    if current.kind == .leftParen { return try parseCall(token) }
    return ExprNode(expr: Expr(.column(Identifier(token.text, span: token.span)), span: token.span), height: 1)
  }

  /// `name(args)`; `count()` has none. `over (...)` after it makes it a
  /// window function's call.
  mutating func parseCall(_ name: Token) throws -> ExprNode {
    let open = advance()
    try enter()
    defer { leave() }
    let arguments = try parseArguments(opener: open)
    if startsWindow { return try parseWindow(name, arguments) }
    let height = (arguments.map(\.height).max() ?? 0) + 1
    return try node(
      .call(Identifier(name.text, span: name.span), arguments.map(\.expr)), from: name.span, height: height)
  }

  /// A call's arguments: expressions, and options written `name = value`
  /// (`roi(margin = 0.7)`), which the function that takes them checks.
  mutating func parseArguments(opener: Token) throws -> [ExprNode] {
    var items: [ExprNode] = []
    if accept(.rightParen) != nil { return items }
    repeat {
      if atEnd { throw failure(.unclosed(opener)) }
      if current.kind == .word, !current.isReserved, peek().kind == .assign {
        let name = advance()
        advance()
        let value = try parseBinary(1)
        items.append(
          try node(
            .named(Identifier(name.text, span: name.span), value.expr), from: name.span, height: value.height + 1))
      } else {
        items.append(try parseBinary(1))
      }
    } while accept(.comma) != nil
    try expectClose(.rightParen, opener: opener)
    return items
  }

  /// `case [subject] when a then b ... [else c] end`.
  mutating func parseCase() throws -> ExprNode {
    let keyword = advance()
    try enter()
    defer { leave() }
    var height = 0
    var subject: Expr? = nil
    if !current.isWord("when") {
      if atEnd { throw caseExpected("'when' after 'case'") }
      let node = try parseBinary(1)
      subject = node.expr
      height = node.height
    }
    var branches: [CaseBranch] = []
    while acceptWord("when") != nil {
      let condition = try parseBinary(1)
      guard acceptWord("then") != nil else { throw caseExpected("'then' after the 'when' condition") }
      let value = try parseBinary(1)
      height = max(height, condition.height, value.height)
      branches.append(CaseBranch(when: condition.expr, then: value.expr))
    }
    if branches.isEmpty { throw caseExpected("'when' in 'case'") }
    var otherwise: Expr? = nil
    if acceptWord("else") != nil {
      let node = try parseBinary(1)
      otherwise = node.expr
      height = max(height, node.height)
    }
    guard acceptWord("end") != nil else { throw unclosedCase(keyword) }
    let kind = Expr.Kind.caseWhen(subject: subject, branches: branches, otherwise: otherwise)
    return try node(kind, from: keyword.span, height: height + 1)
  }
}
