import Foundation

/// The interactive walk through a lesson at the prompt: pages one by one,
/// then the exercises, with hints, solutions and checks.
///
/// Every method returns the text to show; the shell prints it, and runs
/// `pendingQuery` when the student presses Enter on an empty prompt (or puts
/// it at the prompt on `.edit`). Progress is saved after every check.
public final class LessonSession {
  /// Runs queries for checks; weak, because the session that owns this object is the runner.
  public weak var runner: LessonQueryRunner?
  public private(set) var progress: LessonProgress
  public private(set) var lesson: Lesson?
  /// The page last shown (0-based); nil before the first page.
  public private(set) var pageIndex: Int?
  /// The exercise being worked on (0-based); nil while reading pages.
  public private(set) var exerciseIndex: Int?
  /// The query the page just shown offers (or `.solution` gave): Enter on an
  /// empty prompt runs it, `.edit` puts it at the prompt; nil otherwise.
  public private(set) var pendingQuery: String?
  /// Whether the shell offers `pendingQuery` at the prompt, so the texts can say
  /// "press Enter"; without a terminal they say "type it" instead.
  public var prefills = true
  /// What data a check runs on, for the progress file ("demo data, 20,000 leads, seed 42").
  public var dataDescription: () -> String? = { nil }
  /// Written into the progress file as `student NAME` (see `LessonProgress.studentName`).
  public var studentName: String? = LessonProgress.studentName()

  public init(runner: LessonQueryRunner?, progress: LessonProgress = .load()) {
    self.runner = runner
    self.progress = progress
  }

  /// Writes `name` into the progress as its student (`--student NAME`).
  func claimProgress(for name: String) {
    progress.student = name
  }

  /// The exercise being worked on, if any.
  public var currentExercise: Exercise? {
    guard let lesson, let i = exerciseIndex, i < lesson.exercises.count else { return nil }
    return lesson.exercises[i]
  }

  /// The query offered at the prompt, once: taking it forgets it, so a query
  /// the student has run is not offered again.
  public func takePendingQuery() -> String? {
    defer { pendingQuery = nil }
    return pendingQuery
  }

  /// Opens lesson `number` at its exercises, past its pages: what a handout
  /// leaves behind, so `.check` works without a terminal. The current
  /// exercise is the first unsolved one (the first when all are solved).
  /// False when there is no such lesson.
  @discardableResult
  public func openExercises(lesson number: Int) -> Bool {
    guard let found = try? resolved(number) else { return false }
    lesson = found
    pageIndex = found.pages.count - 1
    pendingQuery = nil
    let unsolved = found.exercises.indices.first { !progress.isSolved(lesson: number, exercise: $0 + 1) }
    exerciseIndex = found.exercises.isEmpty ? nil : (unsolved ?? 0)
    return true
  }

  /// Makes exercise `exercise` (1-based) of lesson `number` the current one,
  /// for `.check 3.1 <answer>`; false when there is no such exercise.
  /// Throws when the lesson cannot run on the loaded data (a `$quarter` it has no deals for).
  @discardableResult
  public func focus(lesson number: Int, exercise: Int) throws -> Bool {
    guard let raw = Lessons.numbered(number), raw.exercises.indices.contains(exercise - 1) else { return false }
    let found = try resolved(number)
    if lesson?.number != number || lesson?.exercises.map(\.solution) != found.exercises.map(\.solution) {
      lesson = found
      pageIndex = found.pages.count - 1
    }
    exerciseIndex = exercise - 1
    pendingQuery = nil
    return true
  }

  /// Starts lesson `number` and shows its first page.
  public func start(lesson number: Int) -> String {
    guard Lessons.numbered(number) != nil else {
      return "There is no lesson \(number); the lessons are 1 to \(Lessons.all.count). Type .lesson to list them.\n"
    }
    let found: Lesson
    let bindings: [LessonParameters.Binding]
    do {
      (found, bindings) = try resolvedWithBindings(number)
    } catch {
      return LessonText.paragraph("Lesson \(number) cannot run on the loaded data: " + ExerciseCheck.describe(error))
    }
    lesson = found
    pageIndex = nil
    exerciseIndex = nil
    let values = bindings.isEmpty ? "" : LessonText.paragraph(LessonParameters.describe(bindings))
    return LessonText.banner(found) + values
      + "A word you do not know: .glossary WORD explains it (.glossary alone lists them all).\n\n" + next()
  }

  /// Lesson `number` with its `$quarter`, `$product`... written in for the loaded data.
  func resolved(_ number: Int) throws -> Lesson { try resolvedWithBindings(number).0 }

  private func resolvedWithBindings(_ number: Int) throws -> (Lesson, [LessonParameters.Binding]) {
    guard let raw = Lessons.numbered(number) else { throw LessonError("there is no lesson \(number)") }
    guard let runner else { return (raw, []) }
    return try LessonParameters.resolve(raw, runner: runner)
  }

  /// The next page (text, query, question), or after the last page the next unsolved exercise.
  public func next() -> String {
    guard let lesson else { return "No lesson is open. Type .lesson to list them, .lesson 1 to start.\n" }
    let nextPage = (pageIndex ?? -1) + 1
    if exerciseIndex == nil, nextPage < lesson.pages.count {
      return show(page: nextPage, of: lesson)
    }
    pendingQuery = nil
    let start = exerciseIndex.map { $0 + 1 } ?? 0
    let order = Array(start..<lesson.exercises.count) + Array(0..<min(start, lesson.exercises.count))
    guard let open = order.first(where: { !progress.isSolved(lesson: lesson.number, exercise: $0 + 1) }) else {
      exerciseIndex = nil
      return LessonText.paragraph(
        "You have solved every exercise of lesson \(lesson.number)." + nextLessonLine(after: lesson))
    }
    exerciseIndex = open
    return exerciseText(lesson, open)
  }

  /// The page's question again, for under the result when `statement` is
  /// the query of the page being read: by then the question has scrolled
  /// up above the result. Nil for any other statement.
  public func questionAfter(_ statement: String) -> String? {
    guard exerciseIndex == nil, let lesson, let i = pageIndex, i < lesson.pages.count else { return nil }
    let page = lesson.pages[i]
    guard statement.trimmingCharacters(in: .whitespacesAndNewlines) == page.query else { return nil }
    return "\n" + LessonText.paragraph("Question: " + page.question) + "Type .next to go on.\n"
  }

  /// Page `index` of `lesson`, its query waiting at the prompt.
  private func show(page index: Int, of lesson: Lesson) -> String {
    pageIndex = index
    let page = lesson.pages[index]
    pendingQuery = page.query
    return "Page \(index + 1) of \(lesson.pages.count)\n\n" + LessonText.paragraph(page.text)
      + (prefills
        ? "\nRun this query (Enter on the empty prompt runs it; .edit changes it first):\n"
        : "\nRun this query:\n")
      + "  \(page.query)\n\n"
      + LessonText.paragraph("Question: " + page.question) + "\nType .next to go on, .prev to go back.\n"
  }

  /// The page before, or from an exercise the one before it (from the
  /// first exercise, the last page).
  public func previous() -> String {
    guard let lesson else { return "No lesson is open. Type .lesson to list them, .lesson 1 to start.\n" }
    if let i = exerciseIndex {
      if i > 0 {
        exerciseIndex = i - 1
        pendingQuery = nil
        return exerciseText(lesson, i - 1)
      }
      exerciseIndex = nil
      guard !lesson.pages.isEmpty else { return exerciseText(lesson, 0) }
      return show(page: lesson.pages.count - 1, of: lesson)
    }
    guard let page = pageIndex, page > 0 else {
      return "This is the first page of lesson \(lesson.number). Type .next to go on.\n"
    }
    return show(page: page - 1, of: lesson)
  }

  /// The current page or exercise again (its question may have scrolled away).
  public func again() -> String {
    guard let lesson else { return "No lesson is open. Type .lesson to list them, .lesson 1 to start.\n" }
    if let i = exerciseIndex { return exerciseText(lesson, i) }
    guard let page = pageIndex else { return next() }
    return show(page: page, of: lesson)
  }

  /// Where the student is: the lesson, the page or exercise, and what is solved.
  public func position() -> String {
    guard let lesson else { return "No lesson is open. Type .lesson to list them, .lesson 1 to start.\n" }
    let solved = lesson.exercises.indices.filter { progress.isSolved(lesson: lesson.number, exercise: $0 + 1) }
    var text = "Lesson \(lesson.number): \(lesson.title)\n"
    if let i = exerciseIndex {
      text +=
        "Exercise \(i + 1) of \(lesson.exercises.count)"
        + (progress.isSolved(lesson: lesson.number, exercise: i + 1) ? " (solved)" : "") + "\n"
        + LessonText.paragraph(lesson.exercises[i].question, indent: 2)
    } else if let page = pageIndex {
      text +=
        "Page \(page + 1) of \(lesson.pages.count), then \(lesson.exercises.count) exercises\n"
        + LessonText.paragraph("Question: " + lesson.pages[page].question, indent: 2)
    } else {
      text += "Not started: .next shows the first page.\n"
    }
    text +=
      "Solved \(solved.count) of \(lesson.exercises.count) exercises"
      + (solved.isEmpty ? "" : " (" + solved.map { "\(lesson.number).\($0 + 1)" }.joined(separator: ", ") + ")")
      + ". .again shows it all again; .prev and .next move.\n"
    return text
  }

  /// A hint for the current exercise.
  public func hint() -> String {
    guard let exercise = currentExercise else {
      return "There is no exercise open. Type .next to reach the exercises.\n"
    }
    return LessonText.paragraph("Hint: " + exercise.hint)
  }

  /// A query that answers the current exercise (running it shows the answer).
  public func solution() -> String {
    guard let exercise = currentExercise else {
      return "There is no exercise open. Type .next to reach the exercises.\n"
    }
    pendingQuery = exercise.solution
    if let lesson, let i = exerciseIndex {
      progress.recordSolutionShown(lesson: lesson.number, exercise: i + 1)
      _ = save()
    }
    return "A query that answers it"
      + (prefills ? " (Enter on the empty prompt runs it; .edit changes it first)" : "")
      + ":\n  \(exercise.solution)\n"
  }

  /// Checks an answer or a query against the current exercise; when right,
  /// records it and moves on to the next exercise.
  public func check(_ input: String) -> String {
    guard let lesson, let i = exerciseIndex, let exercise = currentExercise else {
      return "There is no exercise open. Type .next to reach the exercises.\n"
    }
    guard let runner else { return "No data is loaded to check against.\n" }
    let (correct, message) = ExerciseCheck.check(input, exercise: exercise, runner: runner)
    if progress.student == nil { progress.student = studentName }
    progress.recordAttempt(lesson: lesson.number, exercise: i + 1)
    guard correct else {
      let problem = save()
      return LessonText.paragraph(message) + (problem ?? "")
    }
    let now = ISO8601DateFormatter().string(from: Date())
    progress.markSolved(lesson: lesson.number, exercise: i + 1, at: now, data: dataDescription())
    var text = LessonText.paragraph(message)
    if lesson.exercises.indices.allSatisfy({ progress.isSolved(lesson: lesson.number, exercise: $0 + 1) }) {
      progress.markCompleted(lesson: lesson.number)
      exerciseIndex = nil
      text += "\n" + LessonText.paragraph("Lesson \(lesson.number) is complete." + nextLessonLine(after: lesson))
    } else {
      text += "\n" + next()
    }
    if let problem = save() { text += problem }
    return text
  }

  /// Saves progress; the text of a failure to show, nil when it worked.
  private func save() -> String? {
    do {
      try progress.save()
      return nil
    } catch {
      return "(Progress not saved: \(ExerciseCheck.describe(error)))\n"
    }
  }

  private func exerciseText(_ lesson: Lesson, _ i: Int) -> String {
    "Exercise \(i + 1) of \(lesson.exercises.count)\n\n" + LessonText.paragraph(lesson.exercises[i].question) + "\n"
      + LessonText.paragraph(
        "Answer with .check <answer> (12.5%, 0.125, 1,234 or a name) or .check <query>."
          + " .hint gives a hint, .solution a query that answers it.")
  }

  private func nextLessonLine(after lesson: Lesson) -> String {
    guard let following = Lessons.numbered(lesson.number + 1) else { return " That was the last lesson." }
    return " Next: .lesson \(following.number) (\(following.title))."
  }
}
