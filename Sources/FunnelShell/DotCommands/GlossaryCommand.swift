import FunnelLanguage

extension DotCommand {
  /// `.glossary [TERM]`: every term by team with its one-line definition, or
  /// one term explained, with a did-you-mean for a term the glossary does not have.
  static let glossary = DotCommand(
    name: "glossary", arguments: [.term], usage: ".glossary [TERM]",
    summary: "the words of sales and marketing: every term, or one explained",
    details: """
      A term may be several words and any case: .glossary win rate, .glossary mql.
      Without a term, every term is listed by team with its definition in one line.
      An entry gives the team that owns the word, the definition in one line and
      at length, a query that shows it on the demo data, the convention the
      definition follows, and related terms. docs/glossary.md lists them all.
      """,
    argumentCount: nil
  ) { session, invocation in
    let words = invocation.words
    guard !words.isEmpty else {
      session.emit(Glossary.index())
      return
    }
    // The text as typed, not the words: an apostrophe (`buyer's journey`) would start a quoted word.
    var asked = invocation.text
    if asked.count >= 2, let quote = asked.first, quote == "\"" || quote == "'", asked.last == quote {
      asked = String(asked.dropFirst().dropLast())
    }
    if let term = Glossary.lookup(asked) {
      session.emit(Glossary.render(term))
      return
    }
    var d = Diagnostic(message: "the glossary has no entry '\(asked)'", span: invocation.span)
    if let near = Glossary.suggestion(for: asked) { d.hints.append("did you mean '\(near)'?") }
    d.hints.append("'.glossary' lists every term")
    throw d
  }
}
