import FunnelData
import FunnelRender
import Synchronization
import Testing

@testable import FunnelShell

/// Every lesson query, exercise solution and glossary example run on the real
/// engine over demo data at two seeds: the text is written once, the numbers
/// come from the data, so all of it must hold at any seed.
@Suite struct LessonEndToEndTests {
  /// Two runners over demo data; the tests run in parallel, one at a time using them.
  static let runners = Mutex([LessonEngineRunner(leads: 3_000, seed: 42), LessonEngineRunner(leads: 2_000, seed: 7)])

  /// Queries that need `attribute`, kept apart so a missing verb is reported on its own.
  static func isAttribution(_ query: String) -> Bool { query.contains("attribute ") }

  static let lessonQueries = Lessons.all.flatMap { $0.pages.map(\.query) + $0.exercises.map(\.solution) }
  static let glossaryQueries = Glossary.terms.map(\.inFunnel)

  /// `query` with its `$quarter`, `$region`... written in as the lessons do on `runner`'s data.
  static func resolved(_ query: String, on runner: LessonQueryRunner) throws -> String {
    var values: [String: String] = [:]
    for name in LessonParameters.references(in: query) {
      values[name] = try LessonParameters.value(of: name, runner: runner).value
    }
    return LessonParameters.substitute(query, values, inQuery: true)
  }

  @Test(arguments: (lessonQueries + glossaryQueries).filter { !isAttribution($0) })
  func queryRunsAtTwoSeeds(query: String) {
    Self.runners.withLock { runners in
      for runner in runners {
        #expect(throws: Never.self, "\(query)") {
          _ = try runner.lessonResult(of: try Self.resolved(query, on: runner))
        }
      }
    }
  }

  @Test(arguments: (lessonQueries + glossaryQueries).filter(isAttribution))
  func attributionQueryRuns(query: String) {
    Self.runners.withLock { runners in
      #expect(throws: Never.self, "\(query)") {
        _ = try runners[0].lessonResult(of: try Self.resolved(query, on: runners[0]))
      }
    }
  }

  @Test(arguments: Lessons.all.map(\.number))
  func solutionsAnswerTheirOwnExercise(number: Int) throws {
    let template = try #require(Lessons.numbered(number))
    try Self.runners.withLock { runners in
      for runner in runners {
        let lesson = try LessonParameters.resolve(template, runner: runner).0
        for exercise in lesson.exercises where !Self.isAttribution(exercise.solution) {
          let answer = try exercise.answer.read(from: try runner.lessonResult(of: exercise.solution))
          #expect(!answer.value.isNull, "lesson \(number): \(exercise.question)")
          // The solution itself, typed at .check, is right; so is its answer typed in full.
          #expect(ExerciseCheck.check(exercise.solution, exercise: exercise, runner: runner).correct)
          let typed = answer.number.map { String($0) } ?? answer.value.rawText
          let result = ExerciseCheck.check(typed, exercise: exercise, runner: runner)
          #expect(result.correct, "lesson \(number): \(typed): \(result.message)")
          // A number well off, or another row's label, is wrong.
          let wrong: String
          if let n = answer.number {
            wrong = String(n == 0 ? 1 : n * 1.5)
          } else if case .topLabel(let column) = exercise.answer,
            let labels = try runner.lessonResult(of: exercise.solution).column(column)
          {
            let other = (0..<labels.count).map { labels.value(at: $0).rawText }.first { $0 != typed }
            wrong = other ?? "no such \(typed)"
          } else {
            wrong = "no such \(typed)"
          }
          #expect(!ExerciseCheck.check(wrong, exercise: exercise, runner: runner).correct, "lesson \(number): \(wrong)")
        }
      }
    }
  }

  @Test func handoutOfLessonOneHasRealNumbers() throws {
    let lesson = try #require(Lessons.numbered(1))
    try Self.runners.withLock { runners in
      let runner = runners[0]
      let text = try LessonText.handout(lesson, runner: runner, markdown: true)
      let funnel = try runner.lessonResult(of: "leads | funnel")
      let sql = try ExerciseAnswer.valueWhere(key: "step", equals: "sql", column: "count").read(from: funnel)
      // The page shows the funnel's real table, and the answers section the real count.
      #expect(text.contains(runner.lessonRender(funnel)))
      #expect(text.contains("`leads | funnel` gives **\(NumberFormat.display(sql.value, hint: sql.hint))**"))
    }
  }
}
