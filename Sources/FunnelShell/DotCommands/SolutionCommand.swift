extension DotCommand {
  /// `.solution`: a query that answers the current exercise (at the prompt, pre-filled).
  static let solution = DotCommand(
    name: "solution", usage: ".solution", summary: "a query that answers the current exercise",
    argumentCount: 0...0
  ) { session, invocation in
    try session.requireExercise(invocation)
    session.lessons.prefills = session.walksLessons
    session.emit(session.lessons.solution())
  }
}
