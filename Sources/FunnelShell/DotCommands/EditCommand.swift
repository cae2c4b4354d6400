extension DotCommand {
  /// `.edit`: puts the query a lesson page offers (or `.solution` gave), else
  /// the last statement, at the next prompt to change before running it.
  /// Nothing else is ever put at the prompt, so what a student types is all
  /// that is there.
  static let edit = DotCommand(
    name: "edit", usage: ".edit",
    summary: "put the lesson's query (or the last statement) at the prompt, to change it before running",
    details: """
      In a lesson, a page's query is shown but not typed for you: Enter on the
      empty prompt runs it as shown, and .edit puts it at the prompt to change
      first. Otherwise .edit brings back the last statement, or the last
      command with arguments (a .check to correct and check again).
      """,
    argumentCount: 0...0
  ) { session, invocation in
    guard session.interactive, session.terminal.stdinIsTerminal else {
      throw invocation.error(".edit works at the interactive prompt only")
    }
    let offered = session.lessons(ifOpen: { $0.takePendingQuery() })
    // The last thing worth changing: a statement, or a command with something
    // after it (`.check 4.2 deals | ...` to fix and check again), never `.next`.
    let last = session.history.last { line in
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      return !line.hasPrefix(".") || (words.count > 1 && words[0] != ".edit")
    }
    guard let text = offered ?? last else {
      throw invocation.error("nothing to edit yet", hints: ["type a query, or open a lesson with '.lesson 1'"])
    }
    session.editRequest = text
  }

  /// `.where`: the open lesson, page or exercise, and how far the student is.
  static let whereAmI = DotCommand(
    name: "where", usage: ".where", summary: "which lesson, page or exercise is open, and what is solved",
    argumentCount: 0...0
  ) { session, invocation in
    try session.requireOpenLesson(invocation)
    session.emit(session.lessons.position())
  }
}
