extension StatementParser {
  /// `source | stage | stage ...`, where the source is `scorecard [by <keys>]`
  /// or an expression (usually a dataset name).
  mutating func parsePipeline() throws -> Pipeline {
    let start = current.span
    let source: Source
    if current.isWord(Keywords.scorecard) && peek().kind != .leftParen {
      let keyword = advance()
      var keys: [NamedExpr] = []
      var model: Identifier? = nil
      var arguments: [Expr] = []
      while true {
        if keys.isEmpty, acceptWord("by") != nil {
          keys = try parseNamedList()
        } else if model == nil, acceptWord("model") != nil {
          model = try parseName(expected: "an attribution model")
          if let open = accept(.leftParen) {
            if atEnd { throw failure(.unclosed(open)) }
            repeat { arguments.append(try parseExpression()) } while accept(.comma) != nil
            try expectClose(.rightParen, opener: open)
          }
        } else {
          break
        }
      }
      source = .scorecard(by: keys, model: model, arguments: arguments, span: span(from: keyword.span))
    } else if current.kind == .pipe {
      throw failure(.expectedSource(at: current.span))
    } else {
      source = .expression(try parseExpression())
    }
    var stages: [Stage] = []
    while let pipe = accept(.pipe) {
      guard stages.count < Parser.maxStages else { throw failure(.tooManyStages(at: pipe.span)) }
      stages.append(try parseStage(after: pipe))
    }
    return Pipeline(source: source, stages: stages, span: span(from: start))
  }

  /// The stage after `|`, which must end at the next `|` or the statement's end.
  mutating func parseStage(after pipe: Token) throws -> Stage {
    let keyword = current
    guard keyword.kind == .word, Keywords.stages.contains(keyword.text) else {
      if keyword.kind == .word && !keyword.isReserved {
        throw failure(.unknownStage(keyword.text, at: keyword.span))
      }
      throw failure(.expectedStage(found: describe(keyword), orBar: keyword.kind == .pipe, at: keyword.span))
    }
    advance()
    let kind: StageKind
    switch keyword.text {
    case "where", "filter", "select", "derive", "drop", "rename", "agg", "count", "sort", "take", "top", "distinct",
      "join":
      kind = try parseTableStage(keyword)
    default:
      kind = try parseVocabularyStage(keyword)
    }
    if !atEnd && current.kind != .pipe { throw failure(unexpected(current, in: keyword.text)) }
    return Stage(kind: kind, keywordSpan: keyword.span, span: span(from: keyword.span))
  }

  /// Nothing follows the stage keyword (or only `|`).
  var stageBodyIsEmpty: Bool { atEnd || current.kind == .pipe }

  /// `a, b = x + y, ...`: a name is taken when a word is followed by `=`.
  mutating func parseNamedList() throws -> [NamedExpr] {
    var items = [try parseNamedExpr()]
    while accept(.comma) != nil { items.append(try parseNamedExpr()) }
    return items
  }

  mutating func parseNamedExpr() throws -> NamedExpr {
    if current.kind == .word || current.kind == .quotedName, peek().kind == .assign {
      let name = try parseName(expected: "a name")
      advance()
      return NamedExpr(name: name, expr: try parseExpression())
    }
    return NamedExpr(name: nil, expr: try parseExpression())
  }

  /// A bare word that is not a keyword, or a backquoted name.
  mutating func parseName(expected: String) throws -> Identifier {
    let token = current
    switch token.kind {
    case .word where token.isReserved:
      throw failure(.keywordAsName(token.text, at: token.span))
    case .word:
      advance()
      return Identifier(token.text, span: token.span)
    case .quotedName:
      advance()
      return Identifier(token.text, span: token.span, quoted: true)
    default:
      if token.kind == .assign { throw failure(unexpected(token, in: nil)) }
      throw failure(.expected(expected, found: describe(token), at: token.span))
    }
  }

  /// `a, b, c` (names only).
  mutating func parseNameList(expected: String) throws -> [Identifier] {
    var names = [try parseName(expected: expected)]
    while accept(.comma) != nil { names.append(try parseName(expected: expected)) }
    return names
  }
}
