extension DotCommand {
  /// `.timer on|off`: wall time after each statement, on stderr.
  static let timer = DotCommand(
    name: "timer", arguments: [.onOff], usage: ".timer on|off", summary: "show how long each statement takes",
    argumentCount: 1...1
  ) { session, invocation in
    let word = invocation.words[0]
    switch word.text.lowercased() {
    case "on": session.timer = true
    case "off": session.timer = false
    default: throw invocation.error("expected 'on' or 'off', found '\(word.text)'", at: word)
    }
  }
}
