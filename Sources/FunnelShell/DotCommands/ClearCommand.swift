extension DotCommand {
  /// `.clear`: clears the screen (at a terminal; nothing elsewhere).
  static let clear = DotCommand(
    name: "clear", usage: ".clear", summary: "clear the screen", argumentCount: 0...0
  ) { session, _ in
    if session.resultsAtTerminal { session.console.write(Style.clearScreen) }
  }
}
