import Foundation
import FunnelLanguage

extension DotCommand {
  /// `.check [L.E] ANSWER|QUERY`: checks an answer, or a query's result,
  /// against the current exercise, computing the expected answer from the
  /// loaded data now.
  ///
  /// The current exercise is the one the walk reached at the prompt; after a
  /// handout (`.lesson N` without a terminal) it is that lesson's first
  /// unsolved exercise. `L.E` (lesson and exercise, `3.2`) picks one
  /// explicitly. A right answer is saved to the progress file and moves on
  /// to the next exercise; a wrong one says higher or lower, and is not an error.
  static let check = DotCommand(
    name: "check", arguments: [.value], usage: ".check [L.E] ANSWER|QUERY",
    summary: "check an answer to the current exercise: a number, a name, or a query",
    details: """
      An answer is a number (12.5%, 0.125, 1,234, $48k) or a name (email); a
      query (leads | funnel) is run and its answer read from the result.
      L.E picks exercise E of lesson L, e.g. .check 1.2 12,345; without it the
      current exercise is checked: the one reached with .next, or after a
      printed lesson its first unsolved exercise.
      e.g. .check 4.2%   .check deals | agg win_rate()
      """,
    argumentCount: nil
  ) { session, invocation in
    var answer = invocation.text
    if invocation.words.count >= 2, let first = invocation.words.first, let id = exerciseNumber(first) {
      try session.requireLessonData(invocation)
      let focused: Bool
      do {
        focused = try session.lessons.focus(lesson: id.lesson, exercise: id.exercise)
      } catch {
        throw invocation.error(
          "lesson \(id.lesson) cannot run on the loaded data: " + ExerciseCheck.describe(error), at: first)
      }
      guard focused else {
        let count = Lessons.numbered(id.lesson)?.exercises.count ?? 0
        throw invocation.error(
          "lesson \(id.lesson) has no exercise \(id.exercise)", at: first,
          hints: ["its exercises are \(id.lesson).1 to \(id.lesson).\(count)"])
      }
      answer = String(answer.dropFirst(first.text.count)).trimmingCharacters(in: .whitespaces)
    }
    try session.requireExercise(invocation)
    guard !answer.isEmpty else { throw invocation.usageError(".check needs an answer or a query") }
    session.emit(session.lessons.check(answer))
  }

  /// `3.2` as lesson 3, exercise 2, when lesson 3 exists; nil for anything
  /// else (so `.check 0.125 ...` stays an answer).
  static func exerciseNumber(_ word: CommandWord) -> (lesson: Int, exercise: Int)? {
    guard !word.quoted else { return nil }
    let parts = word.text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let lesson = Int(parts[0]), let exercise = Int(parts[1]),
      parts[1].count <= 2, Lessons.numbered(lesson) != nil
    else { return nil }
    return (lesson, exercise)
  }
}
