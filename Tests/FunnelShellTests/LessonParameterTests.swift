import FunnelData
import Testing

@testable import FunnelShell

/// Lessons written against `$quarter`, `$product`, `$region`: defaults from
/// the data, `.param` over them, and a clear message when the data has none.
@Suite struct LessonParameterTests {
  @Test func quartersCountAcrossYears() throws {
    let q = try #require(Quarter("2026-Q2"))
    #expect(q.adding(-1).description == "2026-Q1")
    #expect(q.adding(-2).description == "2025-Q4")
    #expect(q.adding(-4).description == "2025-Q2")
    #expect(q.adding(3).description == "2027-Q1")
    #expect(Quarter("2026-q4")?.description == "2026-Q4")
    for bad in ["2026-Q5", "2026-Q0", "Q2", "2026", "2026-Q", "twenty-Q1"] { #expect(Quarter(bad) == nil, "\(bad)") }
  }

  @Test func namesBecomeLiteralsInQueriesAndWordsInProse() {
    let values = ["quarter": "2026-Q2", "region": "North \"A\""]
    #expect(
      LessonParameters.substitute("deals | where quarter(closed_at) == $quarter", values, inQuery: true)
        == "deals | where quarter(closed_at) == \"2026-Q2\"")
    #expect(LessonParameters.substitute("leads in $region", values, inQuery: true) == "leads in \"North \\\"A\\\"\"")
    #expect(LessonParameters.substitute("the $quarter quota", values, inQuery: false) == "the 2026-Q2 quota")
    // Money, an unknown name and a lone dollar stay as written.
    #expect(
      LessonParameters.substitute("$48k, $other, $ and $quarter_x", values, inQuery: false)
        == "$48k, $other, $ and $quarter_x")
    #expect(LessonParameters.references(in: "a $quarter b $1 $next_quarter.") == ["quarter", "next_quarter"])
  }

  @Test func everyNameALessonUsesIsDefined() {
    let known = Set(LessonParameters.definitions.map(\.name))
    for lesson in Lessons.all {
      for name in Set(lesson.allTexts.flatMap(LessonParameters.references(in:))) {
        #expect(known.contains(name), "lesson \(lesson.number) uses $\(name)")
      }
    }
    // No query, question or hint names a quarter, a product or a region
    // outright (a page may show the format: "such as 2026-Q1").
    for lesson in Lessons.all {
      let texts =
        lesson.pages.flatMap { [$0.query, $0.question] }
        + lesson.exercises.flatMap { [$0.question, $0.hint, $0.solution] }
      for text in texts {
        for literal in ["2025-Q", "2026-Q", "2026-07-01", "\"Enterprise\"", "EMEA", "LATAM"] {
          #expect(!text.contains(literal), "lesson \(lesson.number): \(literal) in \(text)")
        }
      }
    }
  }

  @Test func defaultsComeFromTheDataAndParamsOverrideThem() throws {
    let runner = LessonEngineRunner(leads: 3_000, seed: 42)
    let lesson = try #require(Lessons.numbered(7))
    let (resolved, bindings) = try LessonParameters.resolve(lesson, runner: runner)
    let values = Dictionary(uniqueKeysWithValues: bindings.map { ($0.name, $0.value) })
    // The demo data ends on 2026-06-30.
    #expect(values["quarter"] == "2026-Q2" && values["previous_quarter"] == "2026-Q1")
    let regions = try runner.lessonResult(of: "leads | where region != null | count by region | sort count desc")
    let column = try #require(regions.column("region"))
    #expect(values["region"] == column.value(at: 0).rawText)
    #expect(values["small_region"] == column.value(at: regions.rowCount - 1).rawText)
    #expect(bindings.allSatisfy { !$0.setByUser })
    #expect(resolved.exercises[0].solution.contains("\"2026-Q1\" vs \"2026-Q2\""))
    #expect(resolved.exercises[0].question.contains("from 2026-Q1 to 2026-Q2"))
    #expect(!resolved.allTexts.joined().contains("$"))

    let fake = LessonFakeRunner()
    fake.parameters = ["quarter": "2025-Q4", "region": "EMEA", "small_region": "APAC"]
    let (chosen, given) = try LessonParameters.resolve(lesson, runner: fake)
    #expect(
      chosen.exercises[1].solution
        == "leads | compare quarter(created_at) \"2025-Q3\" vs \"2025-Q4\" on leads = count()")
    #expect(given.allSatisfy { $0.setByUser })
    #expect(LessonParameters.describe(given).contains("$quarter is 2025-Q4 (set with .param)"))
  }

  @Test func dataWithoutDealsSaysWhatToSet() throws {
    let fake = LessonFakeRunner()
    let lesson = try #require(Lessons.numbered(9))
    #expect {
      try LessonParameters.resolve(lesson, runner: fake)
    } throws: { error in
      let message = (error as? LessonError)?.message ?? ""
      return message.contains("$quarter, the latest quarter in which deals closed")
        && message.contains("set it with .param quarter VALUE")
    }
    fake.parameters["quarter"] = "last one"
    #expect(throws: LessonError("$quarter is 'last one', which is not a quarter; write it as 2026-Q2")) {
      try LessonParameters.resolve(lesson, runner: fake)
    }
  }

  /// `.where` names the lesson, the page or exercise, and what is solved.
  @Test func whereSaysWhereTheStudentIs() throws {
    let t = TestSession(leads: 1_000)
    #expect(!t.run(".where"))
    #expect(t.err.contains("no lesson is open"))
    let lessons = t.session.lessons
    _ = lessons.start(lesson: 2)
    _ = lessons.next()
    #expect(lessons.position().contains("Lesson 2: Marketing and sales"))
    #expect(lessons.position().contains("Page 2 of "))
    #expect(lessons.position().contains("Solved 0 of "))
    _ = try lessons.focus(lesson: 2, exercise: 1)
    #expect(lessons.position().contains("Exercise 1 of "))
  }
}
