extension DotCommand {
  /// `.progress on|off`: the progress bar for long loads and statements.
  static let progress = DotCommand(
    name: "progress", arguments: [.onOff], usage: ".progress [on|off]",
    summary: "a progress bar for loads and statements over a second (alone: show it)",
    details: """
      .progress off   no progress bar from now on (--no-progress at start)
      .progress on    a one-line bar on the terminal for a load, the demo data or a
                      statement that runs past one second: bytes or steps done, rate,
                      time left; redrawn in place and erased when the work ends
      .progress       shows whether it is on
      The bar is drawn only when stderr is a terminal: never into a pipe or a file.
      """,
    argumentCount: 0...1
  ) { session, invocation in
    guard let word = invocation.words.first else {
      var text = session.progress ? "on" : "off"
      if session.progress && !session.terminal.stderrIsTerminal { text += " (not drawn: stderr is not a terminal)" }
      session.emit(text + "\n")
      return
    }
    switch word.text.lowercased() {
    case "on": session.progress = true
    case "off": session.progress = false
    default: throw invocation.error("expected 'on' or 'off', found '\(word.text)'", at: word)
    }
  }
}
