import FunnelLanguage

/// The glossary behind `.glossary [term]`: lookup, did-you-mean, and the text shown.
///
/// Terms live in `Glossary+<Group>.swift` files, a group per theme; every
/// related name must itself be a term (a test holds this).
public enum Glossary {
  /// Every term, in the order of the groups.
  public static let terms: [GlossaryTerm] = funnelTerms + marketingTerms + salesTerms + attributionTerms + teamTerms

  /// The term named `text` or one of its aliases, ignoring case, `-`, `_`,
  /// extra spaces and a plural `s`; nil when there is none.
  public static func lookup(_ text: String) -> GlossaryTerm? {
    let key = normalized(text)
    guard !key.isEmpty else { return nil }
    if let term = byName[key] { return term }
    if key.hasSuffix("s"), let term = byName[String(key.dropLast())] { return term }
    return nil
  }

  /// "Did you mean …?" for a name that is not a term: the nearest name or alias.
  public static func suggestion(for text: String) -> String? {
    let key = normalized(text)
    guard !key.isEmpty, lookup(text) == nil else { return nil }
    guard let near = Array(byName.keys).sorted().nearest(to: key), let term = byName[near] else { return nil }
    return term.term
  }

  /// Every name and alias, for completion.
  public static var names: [String] { terms.flatMap { [$0.term] + $0.aliases } }

  /// One term as `.glossary <term>` shows it.
  public static func render(_ term: GlossaryTerm) -> String {
    var lines = ["\(term.term) (\(term.side.rawValue))"]
    if !term.aliases.isEmpty { lines.append("  also: " + term.aliases.joined(separator: ", ")) }
    lines.append(contentsOf: wrap(term.definition, width: 76).map { "  " + $0 })
    lines.append("  In Funnel: \(term.inFunnel)")
    if !term.related.isEmpty { lines.append("  Related: " + term.related.joined(separator: ", ")) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// All terms grouped by side, names only, for `.glossary` with no term.
  public static func index() -> String {
    var text = "Glossary: \(terms.count) terms. Type .glossary <term> to read one.\n"
    for side in GlossaryTerm.Side.allCases {
      let names = terms.filter { $0.side == side }.map(\.term).sorted { $0.lowercased() < $1.lowercased() }
      text += "\n\(side.heading) (\(names.count))\n"
      text += wrap(names.joined(separator: ", "), width: 76).map { "  " + $0 + "\n" }.joined()
    }
    return text
  }

  /// Lowercased, with `-` and `_` as spaces and runs of spaces as one.
  static func normalized(_ text: String) -> String {
    let spaced = text.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 }
    return String(spaced).split(separator: " ").joined(separator: " ")
  }

  private static let byName: [String: GlossaryTerm] = {
    var map: [String: GlossaryTerm] = [:]
    for term in terms {
      for name in [term.term] + term.aliases where map[normalized(name)] == nil { map[normalized(name)] = term }
    }
    return map
  }()

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
}
