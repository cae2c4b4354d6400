extension StatementParser {
  static let windowExample = "lag(n) over (by channel sort m)"

  /// Whether `over` follows a call here: the word `over` after `)` can only be
  /// a window, since nothing else may follow a call's closing bracket.
  var startsWindow: Bool { current.isWord("over") }

  /// `over (by <expr>, ... sort <expr> [asc|desc], ...)` after a call;
  /// `over ()` reads the whole input in its order.
  ///
  /// `pct_change(n) over (sort m)` → `.window(pct_change, [n], sort [m])`.
  mutating func parseWindow(_ name: Token, _ arguments: [ExprNode]) throws -> ExprNode {
    let over = advance()
    guard let open = accept(.leftParen) else {
      throw failure(
        .expected(
          "'(' after 'over'", found: describe(current), at: current.span,
          hint: "as in: \(StatementParser.windowExample); over () reads every row in order"))
    }
    try enter()
    defer { leave() }
    var height = arguments.map(\.height).max() ?? 0
    var partition: [Expr] = []
    var order: [SortKey] = []
    if acceptWord("by") != nil {
      if current.kind == .rightParen || current.isWord("sort") || atEnd {
        throw failure(windowNeeds("a key after 'by'"))
      }
      repeat {
        let key = try parseBinary(1)
        height = max(height, key.height)
        partition.append(key.expr)
      } while accept(.comma) != nil
    }
    if acceptWord("sort") != nil {
      if current.kind == .rightParen || atEnd { throw failure(windowNeeds("a key after 'sort'")) }
      repeat {
        let key = try parseBinary(1)
        height = max(height, key.height)
        var descending = false
        if acceptWord("desc") != nil { descending = true } else { _ = acceptWord("asc") }
        order.append(SortKey(expr: key.expr, descending: descending))
      } while accept(.comma) != nil
    }
    if current.kind != .rightParen { throw windowClauseProblem(open, sorted: !order.isEmpty) }
    advance()
    let clause = WindowClause(partition: partition, order: order, span: span(from: over.span))
    return try node(
      .window(Identifier(name.text, span: name.span), arguments.map(\.expr), clause), from: name.span,
      height: height + 1)
  }

  private func windowNeeds(_ what: String) -> Diagnostic {
    .expected(what, found: describe(current), at: current.span, hint: "as in: \(StatementParser.windowExample)")
  }

  /// What stands where `)` should close `over (`: SQL's words get their
  /// Funnel spelling, a `by` after `sort` its place.
  private mutating func windowClauseProblem(_ open: Token, sorted: Bool) -> ParseFailure {
    let token = current
    if token.isWord("partition") || token.isWord("order") {
      let funnelWord = token.isWord("partition") ? "by" : "sort"
      return failure(
        Diagnostic(
          message: "unexpected '\(token.text)' in 'over'", span: token.span,
          hints: [
            "Funnel writes '\(funnelWord)' where SQL writes '\(token.text) by', as in: \(StatementParser.windowExample)"
          ]))
    }
    if token.isWord("by"), sorted {
      return failure(
        Diagnostic(
          message: "'by' comes before 'sort' in 'over'", span: token.span,
          hints: ["as in: \(StatementParser.windowExample)"]))
    }
    if atEnd { return failure(.unclosed(open)) }
    return failure(
      .expected(
        "')' to close 'over ('", found: describe(token), at: token.span,
        hint: "inside over (...) come 'by <keys>' then 'sort <keys>', as in: \(StatementParser.windowExample)"))
  }
}
