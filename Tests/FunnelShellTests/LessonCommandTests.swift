import Foundation
import FunnelData
import FunnelEngine
import FunnelRender
import Testing

@testable import FunnelShell

/// The lesson commands in a session without a terminal: handouts, `.check`
/// on the last lesson shown, `.check L.E`, the glossary, `.param default`,
/// and the session as the lessons' query runner.
@Suite struct LessonCommandTests {
  /// A session on a small demo, and the file its progress is saved to.
  static func session(leads: Int = 1_500) -> (TestSession, String) {
    let t = TestSession(leads: leads)
    return (t, t.progressPath)
  }

  @Test func scalarsAndTablesComeBackAsTables() throws {
    let t = TestSession(leads: 500)
    let scalar = try t.session.lessonResult(of: "1 + 2")
    #expect(scalar.names == ["value"] && scalar.rowCount == 1 && scalar.columns[0].value(at: 0) == .int(3))
    let table = try t.session.lessonResult(of: "leads | count by stage")
    #expect(table.names == ["stage", "count"])
    #expect(t.session.lessonRender(table).contains("───"))
  }

  @Test(arguments: ["leads | count; deals | count", ".tables", "let x = 1", "dels | count", "leads | where"])
  func notOneQueryIsAnError(text: String) {
    let t = TestSession(leads: 200)
    #expect(throws: (any Error).self) { _ = try t.session.lessonResult(of: text) }
  }

  @Test func handoutThenCheckAnswersTheFirstUnsolvedExercise() throws {
    let (t, path) = Self.session()
    #expect(t.run(".lesson 4"))
    #expect(t.out.contains("Lesson 4: Sales metrics") && t.out.contains("Answers on this data"))
    let winRate = try ExerciseAnswer.value(row: 0, column: "win_rate")
      .read(from: try t.session.lessonResult(of: "deals | agg win_rate()"))
    t.out = ""
    #expect(t.run(".check 99%"))
    #expect(t.out.contains("Not quite") && t.out.contains("higher"))
    t.out = ""
    #expect(t.run(".check \(winRate.number.map { String($0) } ?? "")"))
    #expect(t.out.hasPrefix("Right"))
    #expect(t.out.contains("Exercise 2 of 3"), "moves on: \(t.out)")
    #expect(LessonProgress.load(path: path).isSolved(lesson: 4, exercise: 1), "saved")
  }

  @Test func checkNamesAnExercise() throws {
    let (t, _) = Self.session()
    #expect(t.run(".check 3.1 leads | count"))
    #expect(t.out.contains("Not quite") || t.out.contains("did not give"))
    t.out = ""
    #expect(t.run(".check 3.1 campaigns | agg cpl() by channel | sort cpl"))
    #expect(t.out.hasPrefix("Right"))
    #expect(!t.run(".check 3.7 12"))
    #expect(t.err.contains("lesson 3 has no exercise 7"))
  }

  @Test func lessonCommandsNeedSomethingOpen() {
    for command in [".next", ".hint", ".solution", ".check 12"] {
      let (t, _) = Self.session(leads: 200)
      #expect(!t.run(command), "\(command)")
      #expect(t.err.contains("is open"), "\(command): \(t.err)")
    }
  }

  @Test func unknownLessonAndMissingData() {
    let t = TestSession(demo: false)
    #expect(!t.run(".lesson 42"))
    #expect(t.err.contains("there is no lesson '42'") && t.err.contains("numbered 1 to \(Lessons.all.count)"))
    t.err = ""
    #expect(!t.run(".lesson 1"))
    #expect(t.err.contains("none is loaded") && t.err.contains("'.demo'"))
  }

  @Test func completingALessonMarksItInTheList() throws {
    let (t, path) = Self.session()
    let lesson = try #require(Lessons.numbered(1))
    for (i, exercise) in lesson.exercises.enumerated() {
      #expect(t.run(".check 1.\(i + 1) " + exercise.solution), "\(t.err)")
    }
    #expect(t.out.contains("Lesson 1 is complete."))
    t.out = ""
    #expect(t.run(".lesson"))
    #expect(t.out.contains("✓ 1. The funnel"))
    #expect(LessonProgress.load(path: path).isCompleted(lesson: 1))
  }

  @Test func glossaryIndexTermAndSuggestion() {
    let t = TestSession(demo: false)
    #expect(t.run(".glossary"))
    #expect(t.out.hasPrefix("Glossary: \(Glossary.terms.count) terms."))
    t.out = ""
    #expect(t.run(".glossary Win Rate"))
    #expect(t.out.hasPrefix("win rate (sales)"))
    #expect(!t.run(".glossary pipline"))
    #expect(t.err.contains("did you mean 'pipeline'?"))
  }

  @Test func paramDefaultSetsOnlyWhatIsUnset() {
    let t = TestSession(demo: false)
    t.session.catalog.parameters["region"] = "EMEA"
    #expect(t.run(".param default region APAC\n.param default since 2026-01-01\n.param default since 2020-01-01"))
    #expect(t.session.catalog.parameters == ["region": "EMEA", "since": "2026-01-01"])
    #expect(t.run(".param \"default\" x"))
    #expect(t.session.catalog.parameters["default"] == "x")
    #expect(!t.run(".param default lonely"))
    #expect(t.err.contains(".param default needs a name and a value"))
  }

  @Test func explainShowsTheMetricsValueOnTheData() throws {
    let t = TestSession(leads: 800)
    #expect(t.run(".explain win_rate"))
    let value = try t.session.lessonResult(of: "deals | agg win_rate()")
    let shown = NumberFormat.display(value.columns[0].value(at: 0), hint: value.columns[0].hint)
    #expect(t.out.contains("  value:     \(shown) (deals | agg win_rate())"))
  }

  /// The `.explain` golden script names every metric of the registry, so a new
  /// metric is not left out of it.
  @Test func explainScriptCoversEveryMetric() throws {
    let url = GoldenScriptTests.packageRoot.appendingPathComponent("Tests/Scripts/lessons/explain.funnel")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    let explained = Set(lines.filter { $0.hasPrefix(".explain ") }.map { String($0.dropFirst(".explain ".count)) })
    for metric in MetricRegistry.all { #expect(explained.contains(metric.name), "\(metric.name)") }
  }
}
