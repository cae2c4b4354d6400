extension Glossary {
  /// Lines are kept to this width, the query of an entry excepted (it is copied whole).
  static let width = 80

  /// One term as `.glossary <term>` shows it: the name and its team, the
  /// definition in one line, the explanation, a query, the convention
  /// followed and related terms.
  ///
  /// ```
  /// SAL (sales)
  ///   An MQL that sales has looked at and agreed to work: the receipt of the hand-off.
  ///   also: sales accepted lead
  ///
  ///   An MQL that sales has looked at and agreed to work, …
  ///
  ///   In Funnel:  leads | agg mql_to_sql_rate()
  ///   Convention: SiriusDecisions demand waterfall
  ///   Related:    MQL, SQL, hand-off, SLA, demand waterfall
  /// ```
  public static func render(_ term: GlossaryTerm) -> String {
    let indent = "  "
    var lines = ["\(term.term) (\(term.side.rawValue))"]
    lines += wrap(term.oneLine, width: width - indent.count).map { indent + $0 }
    if !term.aliases.isEmpty {
      lines += labelled("also: ", term.aliases.joined(separator: ", "), indent: indent)
    }
    lines.append("")
    lines += wrap(term.definition, width: width - indent.count).map { indent + $0 }
    lines.append("")
    lines.append(indent + "In Funnel:  " + term.inFunnel)
    lines += labelled("Convention: ", term.source, indent: indent)
    if !term.related.isEmpty {
      lines += labelled("Related:    ", term.related.joined(separator: ", "), indent: indent)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every term with its one-line definition, grouped by team, for `.glossary` with no term.
  public static func index() -> String {
    let column = terms.map(\.term.count).max() ?? 0
    let pad = String(repeating: " ", count: 2 + column + 2)
    var text = "Glossary: \(terms.count) terms. Type .glossary <term> to read one.\n"
    for side in GlossaryTerm.Side.allCases {
      let group = sorted(terms.filter { $0.side == side })
      text += "\n\(side.heading) (\(group.count))\n"
      for term in group {
        let lines = wrap(term.oneLine, width: width - pad.count)
        let name = term.term.padding(toLength: column, withPad: " ", startingAt: 0)
        text += "  " + name + "  " + (lines.first ?? "") + "\n"
        text += lines.dropFirst().map { pad + $0 + "\n" }.joined()
      }
    }
    return text
  }

  /// docs/glossary.md: every term by team, with its other names, its
  /// definition in one line and the convention it follows.
  public static func markdown() -> String {
    var text = """
      # Glossary

      The words of sales and marketing that `.glossary` explains in the shell, \(terms.count) of
      them, grouped by the team that owns each. Every row gives a term's other
      names, its definition in one line, and the convention that definition
      follows: a vendor's where the word or its exact meaning is theirs
      (HubSpot's lifecycle stages, Salesforce's opportunity stages, the
      SiriusDecisions demand waterfall), else common usage, naming the Funnel
      metric that computes it where there is one (docs/metrics.md).
      `.glossary TERM` shows the whole entry: a longer explanation, a query
      that shows the term on the demo data, and related terms.

      This page is generated from the glossary (Sources/FunnelShell/Lessons/Glossary+*.swift);
      a test checks that it is current, and `FUNNEL_RECORD=1 swift test --filter GlossaryTests`
      rewrites it.

      """
    for side in GlossaryTerm.Side.allCases {
      let group = sorted(terms.filter { $0.side == side })
      text += "\n## \(side.heading) (\(group.count))\n\n"
      text += "| term | also | in one line | convention |\n|---|---|---|---|\n"
      for term in group {
        let cells = [term.term, term.aliases.joined(separator: ", "), term.oneLine, term.source]
        text += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
      }
    }
    return text
  }

  /// Breaks `text` into lines of at most `width` characters at spaces.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// `label` and `text` wrapped to the width, continuation lines under the text.
  private static func labelled(_ label: String, _ text: String, indent: String) -> [String] {
    let hang = indent + String(repeating: " ", count: label.count)
    let lines = wrap(text, width: width - hang.count)
    return lines.enumerated().map { ($0.offset == 0 ? indent + label : hang) + $0.element }
  }

  /// Terms in alphabetical order, ignoring case.
  private static func sorted(_ group: [GlossaryTerm]) -> [GlossaryTerm] {
    group.sorted { $0.term.lowercased() < $1.term.lowercased() }
  }
}
