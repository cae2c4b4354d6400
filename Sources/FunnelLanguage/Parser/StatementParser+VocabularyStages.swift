extension StatementParser {
  /// The funnel vocabulary and output stages: funnel, attribute, cohort,
  /// stage_durations, forecast, pacing, compare, chart, save (LANGUAGE.md §2
  /// and §4).
  mutating func parseVocabularyStage(_ keyword: Token) throws -> StageKind {
    switch keyword.text {
    case "funnel": return try parseFunnel()
    case "attribute": return try parseAttribute(keyword)
    case "cohort":
      try requireBody(keyword, needs: "a period", example: "cohort month(created_at)")
      // `cohort by owner` has lost its period; a column called `by` may still be one.
      if current.isWord("by"), peek().kind == .word || peek().kind == .quotedName, !peek().isWord("by") {
        throw failure(
          .stageNeeds(keyword.text, "a period before 'by'", example: "cohort month(created_at)", at: current.span))
      }
      let period = try parseExpression()
      // `by months` alone asks for months since the cohort start, not a key.
      if current.isWord("by"), peek().isWord("months"), peek(2).kind == .newline || peek(2).kind == .pipe {
        advance()
        advance()
        return .cohort(period: period, by: [], byMonths: true)
      }
      return .cohort(period: period, by: try parseOptionalKeys(), byMonths: false)
    case "stage_durations": return .stageDurations(by: try parseOptionalKeys())
    case "forecast":
      try requireBody(keyword, needs: "a period", example: "forecast quarter(expected_close) by owner")
      if current.isWord("by"), peek().kind == .word || peek().kind == .quotedName, !peek().isWord("by") {
        throw failure(
          .stageNeeds(
            keyword.text, "a period before 'by'", example: "forecast quarter(expected_close) by owner",
            at: current.span))
      }
      let period = try parseExpression()
      return .forecast(period: period, by: try parseOptionalKeys())
    case "pacing": return .pacing(by: try parseOptionalKeys())
    case "compare": return try parseCompare(keyword)
    case "chart": return try parseChart()
    default: return try parseSave(keyword)
    }
  }

  /// `funnel [steps a, b, ...] [by <keys>] [within <duration>]`, clauses in any order.
  mutating func parseFunnel() throws -> StageKind {
    var steps: [Identifier]? = nil
    var keys: [NamedExpr] = []
    var within: Expr? = nil
    while true {
      if steps == nil, let word = acceptWord("steps") {
        steps = try parseSteps(after: word)
      } else if keys.isEmpty, current.isWord("by") {
        keys = try parseOptionalKeys()
      } else if within == nil, acceptWord("within") != nil {
        if stageBodyIsEmpty {
          throw failure(
            .expected(
              "a duration after 'within'", found: describe(current), at: current.span, hint: "as in: within 90d"))
        }
        within = try parseExpression()
      } else {
        return .funnel(steps: steps, by: keys, within: within)
      }
    }
  }

  /// The words that open a clause of `funnel`; a step with such a name is written in quotes.
  static let funnelClauses: Set<String> = ["steps", "by", "within"]

  /// Stage names, bare or quoted: `mql, sql, "won"`.
  mutating func parseSteps(after word: Token) throws -> [Identifier] {
    var steps: [Identifier] = []
    repeat {
      let token = current
      switch token.kind {
      case .word where !token.isReserved && !StatementParser.funnelClauses.contains(token.text), .string, .quotedName:
        advance()
        steps.append(Identifier(token.text, span: token.span, quoted: token.kind == .quotedName))
      default:
        throw failure(
          .expected(
            "a stage name after '\(steps.isEmpty ? "steps" : ",")'", found: describe(token), at: token.span,
            hint: "as in: funnel steps mql, sql, won"))
      }
    } while accept(.comma) != nil
    return steps
  }

  /// `attribute <model>[(<argument>, ...)] [on <basis>] [by <keys>]`.
  mutating func parseAttribute(_ keyword: Token) throws -> StageKind {
    let models = "the models are " + Keywords.attributionModels.joined(separator: ", ")
    guard !stageBodyIsEmpty else {
      throw failure(
        .stageNeeds(keyword.text, "a model", example: "attribute linear by channel", at: keyword.span, more: [models]))
    }
    if current.isWord("by") {
      throw failure(
        .stageNeeds(
          keyword.text, "a model before 'by'", example: "attribute linear by channel", at: current.span,
          more: [models]))
    }
    let model = try parseName(expected: "an attribution model")
    var arguments: [Expr] = []
    if let open = accept(.leftParen) {
      if atEnd { throw failure(.unclosed(open)) }
      repeat { arguments.append(try parseExpression()) } while accept(.comma) != nil
      try expectClose(.rightParen, opener: open)
    }
    var basis: Identifier? = nil
    if acceptWord("on") != nil {
      if stageBodyIsEmpty || current.isWord("by") {
        throw failure(
          .expected(
            "what to credit after 'on'", found: describe(current), at: current.span,
            hint: "as in: attribute w_shaped on pipeline"))
      }
      basis = try parseName(expected: "what to credit")
    }
    return .attribute(model: model, arguments: arguments, on: basis, by: try parseOptionalKeys())
  }

  /// `compare <expr> <a> vs <b> on <aggs> [by <keys>]`.
  mutating func parseCompare(_ keyword: Token) throws -> StageKind {
    let example = "compare quarter(closed_at) \"2026-Q1\" vs \"2026-Q2\" on revenue = sum(amount)"
    try requireBody(keyword, needs: "what to compare and two values", example: example)
    let expr = try parseExpression()
    if current.isWord("vs") || stageBodyIsEmpty {
      throw failure(
        .expected("the first value to compare", found: describe(current), at: current.span, hint: "as in: " + example))
    }
    let a = try parseExpression()
    guard acceptWord("vs") != nil else {
      throw failure(
        .expected("'vs' between the two values", found: describe(current), at: current.span, hint: "as in: " + example))
    }
    if current.isWord("on") || stageBodyIsEmpty {
      throw failure(
        .expected("the second value to compare", found: describe(current), at: current.span, hint: "as in: " + example))
    }
    let b = try parseExpression()
    guard acceptWord("on") != nil else {
      throw failure(
        .expected(
          "'on' and the aggregates to compare", found: describe(current), at: current.span, hint: "as in: " + example))
    }
    if stageBodyIsEmpty || current.isWord("by") && peek().kind != .assign {
      throw failure(
        .expected("an aggregate after 'on'", found: describe(current), at: current.span, hint: "as in: " + example))
    }
    let on = try parseNamedList()
    return .compare(expr: expr, a: a, b: b, on: on, by: try parseOptionalKeys())
  }

  /// `chart [bar|line] [<x>, <y>]`.
  mutating func parseChart() throws -> StageKind {
    var kind: Identifier? = nil
    if current.kind == .word, Keywords.chartKinds.contains(current.text), peek().kind != .comma {
      let token = advance()
      kind = Identifier(token.text, span: token.span)
    }
    guard !stageBodyIsEmpty else { return .chart(kind: kind, x: nil, y: nil) }
    let x = try parseName(expected: "the column for the labels")
    guard accept(.comma) != nil else {
      throw failure(
        .expected(
          "', <value column>' after '\(x.text)'", found: describe(current), at: current.span,
          hint: "as in: chart bar owner, revenue"))
    }
    let y = try parseName(expected: "the column for the values")
    return .chart(kind: kind, x: x, y: y)
  }

  /// `save "<path>"`.
  mutating func parseSave(_ keyword: Token) throws -> StageKind {
    let example = "save \"out.csv\""
    guard current.kind == .string else {
      if stageBodyIsEmpty {
        throw failure(.stageNeeds(keyword.text, "a path in quotes", example: example, at: keyword.span))
      }
      throw failure(.stageNeeds(keyword.text, "a path in quotes", example: example, at: current.span))
    }
    let path = advance()
    return .save(path: path.text, pathSpan: path.span)
  }
}
