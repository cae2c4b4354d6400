import FunnelData

extension DotCommand {
  /// `.progress on|off`: the progress bar for long loads and statements.
  static let progress = DotCommand(
    name: "progress", arguments: [.onOff], usage: ".progress [on|off] | .progress export FILE",
    summary: "a progress bar for loads and statements over a second (alone: show it); export: lesson progress",
    details: """
      .progress off   no progress bar from now on (--no-progress at start)
      .progress on    a one-line bar on the terminal for a load, the demo data or a
                      statement that runs past one second: bytes or steps done, rate,
                      time left; redrawn in place and erased when the work ends
      .progress       shows whether it is on
      The bar is drawn only when stderr is a terminal: never into a pipe or a file.
      .progress export FILE
                      writes the lessons' progress as CSV for a teacher: student,
                      lesson, exercise, solved, attempts, used_solution,
                      solved_at, seed, leads, data (one row per exercise tried);
                      funnel --class-report FOLDER merges a class's files
      """,
    argumentCount: 0...2
  ) { session, invocation in
    if let first = invocation.words.first, !first.quoted, first.text.lowercased() == "export" {
      try exportProgress(session, invocation)
      return
    }
    guard invocation.words.count <= 1 else { throw invocation.usageError(".progress takes on, off or export FILE") }
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

extension DotCommand {
  /// `.progress export FILE`: the lesson progress as a CSV a teacher collects.
  fileprivate static func exportProgress(_ session: Session, _ invocation: CommandInvocation) throws {
    guard invocation.words.count == 2 else {
      throw invocation.usageError(".progress export needs a file: progress.csv")
    }
    let pathWord = invocation.words[1]
    guard FileFormat(path: pathWord.text) == .csv else {
      throw invocation.error(
        "export progress to a .csv file", at: pathWord, hints: ["funnel --class-report reads .csv files"])
    }
    let progress = session.lessons.progress
    let table = ClassReport.table(of: progress, student: session.lessons.studentName)
    do {
      try TableWriter.write(
        table, to: pathWord.text, options: session.catalog.saveOptions, cancellation: session.cancellation)
    } catch let error as FileError {
      throw invocation.error(error.description, at: pathWord)
    }
    session.note(
      "wrote " + Counts.of(table.rowCount, "exercise") + " of "
        + (progress.student ?? session.lessons.studentName ?? "unknown")
        + "'s progress to \(pathWord.text)")
  }
}
