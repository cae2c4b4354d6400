extension DotCommand {
  /// `.next`: the open lesson's next page; after its last page, its next unsolved exercise.
  static let next = DotCommand(
    name: "next", usage: ".next", summary: "the next page of the lesson; after the last page, the next exercise",
    argumentCount: 0...0
  ) { session, invocation in
    try session.requireOpenLesson(invocation)
    session.emit(session.lessons.next())
  }

  /// `.prev`: back one page of the lesson, or one exercise.
  static let prev = DotCommand(
    name: "prev", usage: ".prev", summary: "the page (or exercise) before, in the open lesson",
    argumentCount: 0...0
  ) { session, invocation in
    try session.requireOpenLesson(invocation)
    session.emit(session.lessons.previous())
  }

  /// `.again`: the current page or exercise once more.
  static let again = DotCommand(
    name: "again", usage: ".again", summary: "the lesson's current page or exercise again, its query at the prompt",
    argumentCount: 0...0
  ) { session, invocation in
    try session.requireOpenLesson(invocation)
    session.emit(session.lessons.again())
  }
}

extension Session {
  /// Throws, with how to open one, when no lesson is open.
  func requireOpenLesson(_ invocation: CommandInvocation) throws {
    guard lessons.lesson == nil else { return }
    throw invocation.error("no lesson is open", hints: ["'.lesson' lists the lessons; '.lesson 1' opens the first"])
  }
}
