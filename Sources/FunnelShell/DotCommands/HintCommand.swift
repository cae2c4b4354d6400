extension DotCommand {
  /// `.hint`: a nudge towards the current exercise's answer, never the answer.
  static let hint = DotCommand(
    name: "hint", usage: ".hint", summary: "a hint for the current exercise", argumentCount: 0...0
  ) { session, invocation in
    try session.requireExercise(invocation)
    session.emit(session.lessons.hint())
  }
}

extension Session {
  /// `.hint`, `.solution` and `.check` need an exercise: say how to reach one.
  func requireExercise(_ invocation: CommandInvocation) throws {
    guard lessons.currentExercise == nil else { return }
    if let lesson = lessons.lesson {
      throw invocation.error(
        "no exercise is open yet", hints: ["'.next' goes through lesson \(lesson.number)'s pages to its exercises"])
    }
    throw invocation.error(
      "no exercise is open", hints: ["'.lesson N' opens a lesson; its exercises follow its last page"])
  }
}
