extension DotCommand {
  /// `.quit`: leaves the shell (or stops a script, successfully).
  static let quit = DotCommand(
    name: "quit", usage: ".quit", summary: "leave the shell (Ctrl-D too)", argumentCount: 0...0
  ) { session, _ in
    session.quitRequested = true
  }

  /// `.exit`: the same as `.quit`.
  static let exit = DotCommand(
    name: "exit", usage: ".exit", summary: "leave the shell, as .quit", argumentCount: 0...0
  ) { session, _ in
    session.quitRequested = true
  }
}
