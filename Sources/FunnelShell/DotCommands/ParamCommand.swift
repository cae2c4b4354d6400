import FunnelData

extension DotCommand {
  /// `.param NAME VALUE` sets `$NAME`; `.param` alone lists them.
  static let param = DotCommand(
    name: "param", arguments: [.parameter, .value], usage: ".param [NAME VALUE]",
    summary: "set a parameter used as $NAME (alone: list them)", argumentCount: nil
  ) { session, invocation in
    let words = invocation.words
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
    guard words.count >= 2 else { throw invocation.usageError(".param needs a name and a value") }
    let name = words[0].text.hasPrefix("$") ? String(words[0].text.dropFirst()) : words[0].text
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      throw invocation.error("a parameter name is letters, digits and _", at: words[0])
    }
    // The value is the rest as written, so `.param region North America` works unquoted.
    let rest = words.dropFirst()
    let value = rest.count == 1 ? rest[rest.startIndex].text : rest.map(\.text).joined(separator: " ")
    session.catalog.parameters[name] = value
  }
}
