/// An expression being built, with the height of its tree (see `maxHeight`).
struct ExprNode {
  var expr: Expr
  var height: Int
}

// The functions here recurse once per nesting level, so their error paths
// live in StatementParser+ExpressionErrors.swift: a debug build reserves
// stack for every temporary of a function, and message building is costly.
extension StatementParser {
  /// A whole expression. Precedence, lowest first: `or`, `and`, `not`,
  /// comparisons (with `in`, `between`), `??`, `+ -`, `* / %`, unary `-`.
  ///
  /// `a or b and not c == d ?? e + f * -g` →
  /// `(or a (and b (not (== c (?? d (+ e (* f (- g))))))))`.
  mutating func parseExpression() throws -> Expr {
    try parseBinary(1).expr
  }

  /// Precedence climbing: operators of at least `minPrecedence`, left-associative.
  mutating func parseBinary(_ minPrecedence: Int) throws -> ExprNode {
    var left = try parsePrefix(minPrecedence)
    while true {
      if minPrecedence <= StatementParser.comparisonPrecedence, startsMembership {
        left = try parseMembership(left)
        continue
      }
      guard let op = binaryOperator(current), op.precedence >= minPrecedence else { return left }
      advance()
      if stageBodyIsEmpty || current.kind == .comma { throw missingOperand(after: op) }
      let right = try parseBinary(op.precedence + 1)
      let height = max(left.height, right.height) + 1
      left = try node(.binary(op, left.expr, right.expr), from: left.expr.span, height: height)
    }
  }

  static let comparisonPrecedence = BinaryOperator.equal.precedence
  /// `not` sits between `and` and the comparisons.
  static let notPrecedence = BinaryOperator.and.precedence + 1
  static let negatePrecedence = BinaryOperator.multiply.precedence + 1

  func binaryOperator(_ token: Token) -> BinaryOperator? {
    switch token.kind {
    case .word: return token.text == "or" ? .or : token.text == "and" ? .and : nil
    case .equal: return .equal
    case .notEqual: return .notEqual
    case .less: return .less
    case .lessOrEqual: return .lessOrEqual
    case .greater: return .greater
    case .greaterOrEqual: return .greaterOrEqual
    case .coalesce: return .coalesce
    case .plus: return .add
    case .minus: return .subtract
    case .star: return .multiply
    case .slash: return .divide
    case .percent: return .remainder
    default: return nil
    }
  }

  /// `in`, `between`, `not in`, `not between` at the current token.
  var startsMembership: Bool {
    current.isWord("in") || current.isWord("between")
      || (current.isWord("not") && (peek().isWord("in") || peek().isWord("between")))
  }

  /// `not x` and `-x`.
  mutating func parsePrefix(_ minPrecedence: Int) throws -> ExprNode {
    if current.isWord("not") {
      guard minPrecedence <= StatementParser.notPrecedence else { throw misplacedNot() }
      let keyword = advance()
      try enter()
      defer { leave() }
      let operand = try parseBinary(StatementParser.notPrecedence)
      return try node(.unary(.not, operand.expr), from: keyword.span, height: operand.height + 1)
    }
    if current.kind == .minus {
      let minus = advance()
      try enter()
      defer { leave() }
      let operand = try parsePrefix(StatementParser.negatePrecedence)
      return try negation(of: operand, minus: minus.span)
    }
    return try parsePrimary()
  }

  /// `-x`; a negative number is a literal of its own, so `round(x, -1)` and
  /// `-9223372036854775807` need no evaluation.
  mutating func negation(of operand: ExprNode, minus: Span) throws -> ExprNode {
    if case .literal(.int(let n)) = operand.expr.kind {
      return try node(.literal(.int(-n)), from: minus, height: 1)
    }
    if case .literal(.number(let v, let text)) = operand.expr.kind {
      return try node(.literal(.number(-v, text: "-" + text)), from: minus, height: 1)
    }
    return try node(.unary(.negate, operand.expr), from: minus, height: operand.height + 1)
  }

  /// `x [not] in [a, b]` or `x [not] between low and high`.
  mutating func parseMembership(_ left: ExprNode) throws -> ExprNode {
    let negated = acceptWord("not") != nil
    if acceptWord("in") != nil {
      guard let open = accept(.leftBracket) else { throw missingList() }
      try enter()
      defer { leave() }
      let items = try parseList(closing: .rightBracket, opener: open)
      let height = max(left.height, items.map(\.height).max() ?? 0) + 1
      return try node(.inList(left.expr, items.map(\.expr), negated: negated), from: left.expr.span, height: height)
    }
    advance()  // between
    let bound = BinaryOperator.coalesce.precedence
    let low = try parseBinary(bound)
    guard acceptWord("and") != nil else { throw missingBetweenAnd() }
    let high = try parseBinary(bound)
    let height = max(left.height, low.height, high.height) + 1
    let kind = Expr.Kind.between(left.expr, low: low.expr, high: high.expr, negated: negated)
    return try node(kind, from: left.expr.span, height: height)
  }

  /// Items separated by commas up to `closing` (which is consumed); may be empty.
  mutating func parseList(closing: TokenKind, opener: Token) throws -> [ExprNode] {
    var items: [ExprNode] = []
    if accept(closing) != nil { return items }
    repeat {
      if atEnd { throw failure(.unclosed(opener)) }
      items.append(try parseBinary(1))
    } while accept(.comma) != nil
    try expectClose(closing, opener: opener)
    return items
  }

  /// The closing bracket for `opener`, or a message that points at the opener.
  mutating func expectClose(_ closing: TokenKind, opener: Token) throws {
    if accept(closing) != nil { return }
    throw unclosedBracket(closing, opener: opener)
  }

  /// An expression node spanning from `start` to the last token consumed.
  mutating func node(_ kind: Expr.Kind, from start: Span, height: Int) throws -> ExprNode {
    guard height <= StatementParser.maxHeight else { throw failure(.expressionTooTall(at: start)) }
    return ExprNode(expr: Expr(kind, span: span(from: start)), height: height)
  }

  /// One nesting level deeper (brackets, calls, `case`, `not`, `-`); pair with `leave()`.
  mutating func enter() throws {
    guard nesting < StatementParser.maxNesting else { throw failure(.nestedTooDeeply(at: current.span)) }
    nesting += 1
  }

  mutating func leave() { nesting -= 1 }
}
