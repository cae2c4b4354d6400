import FunnelData

extension DotCommand {
  /// `.param NAME VALUE` sets `$NAME`; `.param default NAME VALUE` sets it
  /// only when nothing set it before (`--param`, a script argument, an
  /// earlier `.param`), so a script can carry defaults its caller overrides;
  /// `.param` alone lists them.
  static let param = DotCommand(
    name: "param", arguments: [.parameter, .value], usage: ".param [default] NAME VALUE",
    summary: "set a parameter used as $NAME; 'default' sets it only if unset (alone: list them)",
    details: """
      .param region EMEA            sets $region
      .param default since 2026-01-01
                                    sets $since unless --param since=... (or an
                                    earlier .param) already did: a script's default
      .param                        lists the parameters
      A value is the rest of the line, so .param region North America needs no quotes.
      """,
    argumentCount: nil
  ) { session, invocation in
    var words = invocation.words[...]
    if words.isEmpty {
      let names = session.catalog.parameters.keys.sorted()
      if names.isEmpty {
        session.note("no parameters; '.param NAME VALUE' sets one")
        return
      }
      session.showListing([
        ("name", .string, names.map { .string($0) }),
        ("value", .string, names.map { .string(session.catalog.parameters[$0] ?? "") }),
      ])
      return
    }
    // `default` in quotes is a parameter called default.
    let isDefault = words.first.map { !$0.quoted && $0.text == "default" } ?? false
    if isDefault {
      words = words.dropFirst()
      guard words.count >= 2 else { throw invocation.usageError(".param default needs a name and a value") }
    } else {
      guard words.count >= 2 else { throw invocation.usageError(".param needs a name and a value") }
    }
    let nameWord = words[words.startIndex]
    let name = nameWord.text.hasPrefix("$") ? String(nameWord.text.dropFirst()) : nameWord.text
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      throw invocation.error("a parameter name is letters, digits and _", at: nameWord)
    }
    if isDefault && session.catalog.parameters[name] != nil { return }
    // The value is the rest as written, so `.param region North America` works unquoted.
    let rest = words.dropFirst()
    let value = rest.count == 1 ? rest[rest.startIndex].text : rest.map(\.text).joined(separator: " ")
    session.catalog.parameters[name] = value
  }
}
