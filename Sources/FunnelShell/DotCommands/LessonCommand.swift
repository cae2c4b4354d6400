import FunnelLanguage

extension DotCommand {
  /// `.lesson [N]`: the list of lessons, or lesson N — page by page at the
  /// prompt, the whole handout anywhere else.
  static let lesson = DotCommand(
    name: "lesson", arguments: [.lesson], usage: ".lesson [N]",
    summary: "the lessons (✓ = done); .lesson N opens one, page by page",
    details: """
      At the prompt, .lesson N shows the first page and its query: Enter on the
      empty prompt runs it, .edit puts it at the prompt to change first, .next
      goes on, .prev back, .again shows the page again, .where says where you
      are. After the last page come the exercises: .check, .hint, .solution.
      Without a terminal (a script, a pipe) .lesson N prints the whole lesson:
      every page with its query's real result, the exercises, and their answers
      on the loaded data. .check then answers the lesson's first unsolved
      exercise (or name one: .check 3.2 <answer>).
      e.g. .lesson 1
      """,
    argumentCount: 0...1
  ) { session, invocation in
    guard let word = invocation.words.first else {
      session.emit(LessonText.list(progress: session.lessons.progress))
      return
    }
    guard let number = Int(word.text), let lesson = Lessons.numbered(number) else {
      throw invocation.error(
        "there is no lesson '\(word.text)'", at: word,
        hints: ["the lessons are numbered 1 to \(Lessons.all.count); '.lesson' lists them"])
    }
    try session.requireLessonData(invocation)
    if session.walksLessons {
      session.lessons.prefills = true
      session.emit(session.lessons.start(lesson: number))
      return
    }
    let text: String
    do {
      text = try LessonText.handout(lesson, runner: session, markdown: session.format == .markdown)
    } catch {
      throw invocation.error(
        "lesson \(number) cannot run on the loaded data: " + ExerciseCheck.describe(error), at: word)
    }
    session.emit(text)
    session.lessons.prefills = false
    session.lessons.openExercises(lesson: number)
  }
}

extension Session {
  /// Lessons go page by page only at the prompt, where a person reads a page,
  /// runs its query and asks for the next; anywhere else a lesson is printed whole.
  var walksLessons: Bool { interactive && terminal.stdinIsTerminal }

  /// The lessons' queries read four of the standard datasets; say so before a
  /// student meets "unknown dataset" halfway through a page.
  func requireLessonData(_ invocation: CommandInvocation) throws {
    let missing = Shell.lessonNames.filter { catalog.dataset($0) == nil }
    guard !missing.isEmpty else { return }
    let message =
      missing.count == Shell.lessonNames.count
      ? "the lessons run on the datasets " + Shell.lessonNames.joined(separator: ", ") + ", and none is loaded"
      : "the lessons need " + missing.joined(separator: ", ") + ", which " + (missing.count == 1 ? "is" : "are")
        + " not loaded"
    throw invocation.error(message, hints: ["'.demo' makes the demo data"])
  }
}
