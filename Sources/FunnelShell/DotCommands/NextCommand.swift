extension DotCommand {
  /// `.next`: the open lesson's next page; after its last page, its next unsolved exercise.
  static let next = DotCommand(
    name: "next", usage: ".next", summary: "the next page of the lesson; after the last page, the next exercise",
    argumentCount: 0...0
  ) { session, invocation in
    guard session.lessons.lesson != nil else {
      throw invocation.error("no lesson is open", hints: ["'.lesson' lists the lessons; '.lesson 1' opens the first"])
    }
    session.emit(session.lessons.next())
  }
}
