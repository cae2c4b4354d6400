extension StatementParser {
  /// The relational stages: where, select, derive, drop, rename, agg, count,
  /// sort, take, top, distinct, join (LANGUAGE.md §2).
  mutating func parseTableStage(_ keyword: Token) throws -> StageKind {
    let name = keyword.text
    switch name {
    case "where", "filter":
      try requireBody(keyword, needs: "a condition", example: "where stage == \"closed_won\"")
      return .where(try parseExpression())
    case "select":
      try requireBody(keyword, needs: "at least one column", example: "select owner, total = amount * 2")
      return .select(try parseNamedList())
    case "derive":
      try requireBody(keyword, needs: "name = expression", example: "derive days = closed_at - created_at")
      return .derive(try parseNamedList())
    case "drop":
      try requireBody(keyword, needs: "at least one column", example: "drop product, owner")
      return .drop(try parseNameList(expected: "a column name"))
    case "rename":
      try requireBody(keyword, needs: "new = old", example: "rename revenue = amount")
      return .rename(try parseRenamings())
    case "agg":
      try requireBody(keyword, needs: "at least one aggregate", example: "agg revenue = sum(amount) by owner")
      if current.isWord("by") && peek().kind != .assign {
        throw failure(
          .stageNeeds(name, "at least one aggregate before 'by'", example: "agg n = count() by owner", at: current.span)
        )
      }
      let aggregates = try parseNamedList()
      return .agg(aggregates: aggregates, by: try parseOptionalKeys())
    case "count":
      return .count(by: try parseOptionalKeys())
    case "sort":
      try requireBody(keyword, needs: "a column", example: "sort revenue desc, owner")
      if current.isWord("by"), peek().kind == .word || peek().kind == .quotedName,
        !peek().isWord("asc"), !peek().isWord("desc")
      {
        throw failure(
          Diagnostic(
            message: "unexpected 'by' in 'sort'", span: current.span,
            hints: ["sort takes the columns directly, as in: sort revenue desc, owner"]))
      }
      var keys: [SortKey] = []
      repeat {
        let expr = try parseExpression()
        var descending = false
        if acceptWord("desc") != nil { descending = true } else { _ = acceptWord("asc") }
        keys.append(SortKey(expr: expr, descending: descending))
      } while accept(.comma) != nil
      return .sort(keys)
    case "take":
      try requireBody(keyword, needs: "a number", example: "take 10", message: "'take' needs a number")
      return .take(try parseCount(for: keyword, example: "take 10"))
    case "top":
      try requireBody(keyword, needs: "a number", example: "top 5 by revenue", message: "'top' needs a number")
      if current.isWord("by") {
        throw failure(.stageNeeds(name, "a number before 'by'", example: "top 5 by revenue", at: current.span))
      }
      let count = try parseCount(for: keyword, example: "top 5 by revenue")
      guard acceptWord("by") != nil else {
        throw failure(
          .expected(
            "'by' after 'top \(describeBare(previous))'", found: describe(current), at: current.span,
            hint: "as in: top 5 by revenue"))
      }
      return .top(count: count, by: try parseExpression())
    case "distinct":
      return .distinct(stageBodyIsEmpty ? [] : try parseNameList(expected: "a column name"))
    default:
      return try parseJoin(keyword)
    }
  }

  /// `join [left] <dataset> on <col> [== <col>]`.
  mutating func parseJoin(_ keyword: Token) throws -> StageKind {
    // `join left on ...` joins a dataset called `left`.
    let isLeft = current.isWord("left") && !peek().isWord("on") && acceptWord("left") != nil
    try requireBody(keyword, needs: "a dataset", example: "join campaigns on campaign_id")
    let dataset = try parseName(expected: "a dataset to join")
    guard acceptWord("on") != nil else {
      throw failure(
        .expected(
          "'on' after the dataset", found: describe(current), at: current.span,
          hint: "as in: join \(dataset.text) on campaign_id"))
    }
    let leftKey = try parseName(expected: "a column after 'on'")
    var rightKey: Identifier? = nil
    if accept(.equal) != nil {
      rightKey = try parseName(expected: "a column after '=='")
    } else if current.kind == .assign {
      throw failure(unexpected(current, in: nil))
    }
    return .join(left: isLeft, dataset: dataset, leftKey: leftKey, rightKey: rightKey)
  }

  /// `new = old, ...`.
  mutating func parseRenamings() throws -> [Renaming] {
    var renamings: [Renaming] = []
    repeat {
      let new = try parseName(expected: "a new name")
      guard accept(.assign) != nil else {
        throw failure(
          .expected(
            "'=' after '\(new.text)'", found: describe(current), at: current.span,
            hint: "rename is written new = old, as in: rename revenue = amount"))
      }
      let old = try parseName(expected: "the column to rename")
      renamings.append(Renaming(new: new, old: old))
    } while accept(.comma) != nil
    return renamings
  }

  /// `by <key or name = expr>, ...` when present.
  mutating func parseOptionalKeys() throws -> [NamedExpr] {
    guard acceptWord("by") != nil else { return [] }
    if stageBodyIsEmpty {
      throw failure(
        .expected(
          "a key after 'by'", found: describe(current), at: current.span, hint: "as in: by owner, m = month(created_at)"
        ))
    }
    return try parseNamedList()
  }

  /// The count of `take` / `top`: any expression, but not a literal that cannot be one.
  mutating func parseCount(for keyword: Token, example: String) throws -> Expr {
    let expr = try parseExpression()
    if case .literal(let literal) = expr.kind {
      switch literal {
      case .int: break
      case .number:
        throw failure(.stageNeeds(keyword.text, "a whole number", example: example, at: expr.span))
      default:
        throw failure(.stageNeeds(keyword.text, "a number", example: example, at: expr.span))
      }
    }
    return expr
  }

  /// Fails with "'<stage>' needs ..." (at the keyword) when the stage has no body.
  mutating func requireBody(_ keyword: Token, needs: String, example: String, message: String? = nil) throws {
    guard stageBodyIsEmpty else { return }
    var diagnostic = Diagnostic.stageNeeds(keyword.text, needs, example: example, at: keyword.span)
    if let message { diagnostic.message = message }
    throw failure(diagnostic)
  }

  /// A token's source text without quotes around it, for messages.
  func describeBare(_ token: Token) -> String {
    String(describe(token).dropFirst().dropLast())
  }
}
