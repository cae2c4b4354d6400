extension DotCommand {
  /// `.prev`: back one page of the lesson, or one exercise.
  static let prev = DotCommand(
    name: "prev", usage: ".prev", summary: "the page (or exercise) before, in the open lesson",
    argumentCount: 0...0
  ) { session, invocation in
    guard session.lessons.lesson != nil else {
      throw invocation.error("no lesson is open", hints: ["'.lesson' lists the lessons; '.lesson 1' opens the first"])
    }
    session.emit(session.lessons.previous())
  }

  /// `.again`: the current page or exercise once more.
  static let again = DotCommand(
    name: "again", usage: ".again", summary: "the lesson's current page or exercise again, its query at the prompt",
    argumentCount: 0...0
  ) { session, invocation in
    guard session.lessons.lesson != nil else {
      throw invocation.error("no lesson is open", hints: ["'.lesson' lists the lessons; '.lesson 1' opens the first"])
    }
    session.emit(session.lessons.again())
  }
}
