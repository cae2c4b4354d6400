import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelShell

/// The lessons' shape, and that every query in them is valid Funnel.
@Suite struct LessonTests {
  @Test func thereAreAtLeastEightNumberedLessons() {
    #expect(Lessons.all.count >= 8)
    #expect(Lessons.all.map(\.number) == Array(1...Lessons.all.count))
  }

  @Test(arguments: Lessons.all.map(\.number))
  func lessonHasPagesAndExercises(number: Int) throws {
    let lesson = try #require(Lessons.numbered(number))
    #expect(!lesson.title.isEmpty && !lesson.summary.isEmpty)
    #expect((3...6).contains(lesson.pages.count), "lesson \(number) has \(lesson.pages.count) pages")
    #expect((1...3).contains(lesson.exercises.count), "lesson \(number) has \(lesson.exercises.count) exercises")
    for page in lesson.pages {
      #expect(!page.text.isEmpty && !page.question.isEmpty)
      #expect(!page.query.contains("\n"), "one line, so the prompt can be pre-filled: \(page.query)")
    }
    for exercise in lesson.exercises {
      #expect(!exercise.question.isEmpty && !exercise.hint.isEmpty)
    }
  }

  @Test(arguments: Lessons.all.flatMap { $0.pages.map(\.query) + $0.exercises.map(\.solution) })
  func lessonQueryParsesAsOneStatement(query: String) {
    let (statements, diagnostics) = Parser.parse(SourceText(text: query))
    #expect(diagnostics.isEmpty, "\(query): \(diagnostics.map(\.message))")
    #expect(statements.count == 1)
  }

  @Test func lessonTextsSpeakPlainly() {
    // A student who has never seen SQL should not meet its words unexplained.
    for lesson in Lessons.all {
      for page in lesson.pages {
        #expect(!page.text.contains("SELECT") && !page.text.contains("GROUP BY"))
      }
    }
  }

  @Test func listMarksCompletedLessons() {
    var progress = LessonProgress(path: "/nonexistent/progress")
    progress.markCompleted(lesson: 2)
    progress.markSolved(lesson: 3, exercise: 1)
    let text = LessonText.list(progress: progress)
    #expect(text.contains("✓ 2. Marketing and sales"))
    #expect(text.contains("  1. The funnel"))
    #expect(text.contains("(1/3 exercises)"))
    // Every lesson, written out here rather than read from the table the list is made from.
    let titles = [
      "The funnel: from lead to customer", "Marketing and sales: two jobs, one funnel",
      "Marketing metrics: what the money buys", "Sales metrics: from pipeline to revenue",
      "Attribution: who gets the credit?", "Cohorts and time lag", "Comparing periods and segments honestly",
      "Smarketing: one team, one scorecard", "Forecasting: where the quarter will land",
      "Is the change real? Reading a comparison's significance",
    ]
    let listed = text.split(separator: "\n").filter { $0.drop { $0 == " " || $0 == "✓" }.first?.isNumber == true }
    #expect(listed.count == titles.count, "\(listed)")
    for (i, title) in titles.enumerated() { #expect(text.contains("\(i + 1). \(title)"), "\(title)") }
  }

  @Test func handoutShowsEveryQueryItsResultAndTheAnswers() throws {
    let runner = LessonFakeRunner()
    let lesson = Lesson(
      number: 9, title: "Test", summary: "A summary.",
      pages: [LessonPage(text: "Some text\nwrapped.", query: "q1", question: "What?")],
      exercises: [Exercise(question: "How many?", hint: "Count.", solution: "s1", answer: .value(row: 0, column: "n"))])
    runner.results["q1"] = Table(names: ["channel"], columns: [Column.make(.string, [.string("email")])])
    runner.results["s1"] = Table(names: ["n"], columns: [Column.make(.int, [.int(1234)])])
    let plain = try LessonText.handout(lesson, runner: runner, markdown: false)
    #expect(plain.contains("Lesson 9: Test"))
    #expect(plain.contains("Some text wrapped."))
    #expect(plain.contains("> q1\nemail"))
    #expect(plain.contains("Question: What?"))
    #expect(plain.contains("1. How many?"))
    #expect(plain.contains("gives 1,234"))
    let markdown = try LessonText.handout(lesson, runner: runner, markdown: true)
    #expect(markdown.hasPrefix("# Lesson 9: Test"))
    #expect(markdown.contains("## Page 1"))
    #expect(markdown.contains("```\nq1\n```"))
    #expect(markdown.contains("`s1` gives **1,234**"))
  }

  @Test func handoutRethrowsAFailingQuery() {
    let lesson = Lesson(
      number: 9, title: "T", summary: "S", pages: [LessonPage(text: "t", query: "broken", question: "q")], exercises: []
    )
    #expect(throws: LessonError.self) { try LessonText.handout(lesson, runner: LessonFakeRunner(), markdown: false) }
  }
}
