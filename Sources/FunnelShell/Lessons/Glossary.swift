import FunnelLanguage

/// The glossary behind `.glossary [term]`: lookup, did-you-mean, and the text shown.
///
/// Terms live in `Glossary+<Group>.swift` files, a group per theme; every
/// related name must itself be a term and every query must run on the demo
/// data (tests hold both). What `.glossary` shows, and docs/glossary.md, are
/// built in Glossary+Text.swift.
public enum Glossary {
  /// Every term, in the order of the groups.
  public static let terms: [GlossaryTerm] =
    teamTerms + funnelTerms + marketingTerms + channelTerms + salesTerms + pipelineTerms + customerTerms
    + attributionTerms

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
}
