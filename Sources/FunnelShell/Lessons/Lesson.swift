/// One numbered lesson: a few short pages, each with a live query, then exercises.
///
/// Lessons hold text and queries only, never numbers: every figure a student
/// sees comes from running a query on the loaded data, so a lesson reads the
/// same at any demo size or seed.
public struct Lesson: Sendable {
  public let number: Int
  public internal(set) var title: String
  /// One line for the `.lesson` list.
  public internal(set) var summary: String
  public internal(set) var pages: [LessonPage]
  public internal(set) var exercises: [Exercise]

  public init(number: Int, title: String, summary: String, pages: [LessonPage], exercises: [Exercise]) {
    self.number = number
    self.title = title
    self.summary = summary
    self.pages = pages
    self.exercises = exercises
  }
}

/// One short page of a lesson: an explanation, one query to run, one thing to notice.
public struct LessonPage: Sendable {
  /// The explanation, in plain language; new syntax is explained where it first appears.
  public internal(set) var text: String
  /// One live query on the demo data (a single statement).
  public internal(set) var query: String
  /// Something to look for in the query's result.
  public internal(set) var question: String

  public init(text: String, query: String, question: String) {
    self.text = text
    self.query = query
    self.question = question
  }
}

/// A question whose answer the student finds with a query.
///
/// The expected answer is never stored: `ExerciseCheck` runs `solution` on
/// the current data and reads the answer from its result through `answer`.
public struct Exercise: Sendable {
  public internal(set) var question: String
  public internal(set) var hint: String
  /// A query whose result holds the answer.
  public internal(set) var solution: String
  /// Where in the solution's result the answer is.
  public let answer: ExerciseAnswer

  public init(question: String, hint: String, solution: String, answer: ExerciseAnswer) {
    self.question = question
    self.hint = hint
    self.solution = solution
    self.answer = answer
  }
}
