import Foundation
import FunnelData
import Testing

@testable import FunnelShell

/// Saving and loading progress, and the walk through a lesson at the prompt.
@Suite struct LessonProgressTests {
  func temporaryPath() -> String {
    NSTemporaryDirectory() + "funnel-progress-\(UUID().uuidString)"
  }

  @Test func roundTrip() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var progress = LessonProgress(path: path)
    progress.markCompleted(lesson: 1)
    progress.markSolved(lesson: 1, exercise: 2)
    progress.markSolved(lesson: 4, exercise: 1)
    try progress.save()
    let loaded = LessonProgress.load(path: path)
    #expect(loaded == progress)
    #expect(loaded.isCompleted(lesson: 1) && !loaded.isCompleted(lesson: 4))
    #expect(loaded.isSolved(lesson: 4, exercise: 1) && !loaded.isSolved(lesson: 4, exercise: 2))
    // No temporary file is left beside it.
    let dir = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(name) } == [name])
  }

  /// What a teacher reads: who, how many attempts, whether `.solution` was
  /// used, when and on what data; the older one-word lines still read.
  @Test func recordsAttemptsSolutionsAndData() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var progress = LessonProgress(path: path)
    progress.student = "ana"
    progress.recordAttempt(lesson: 3, exercise: 1)
    progress.recordAttempt(lesson: 3, exercise: 1)
    progress.markSolved(lesson: 3, exercise: 1, at: "2026-12-04T10:12:31Z", data: "demo data, 20,000 leads, seed 42")
    progress.recordAttempt(lesson: 3, exercise: 2)
    progress.recordSolutionShown(lesson: 3, exercise: 2)
    progress.markSolved(lesson: 1, exercise: 1)
    try progress.save()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      text == """
        # Funnel lesson progress
        student ana
        exercise 1.1
        exercise 3.1 solved 2026-12-04T10:12:31Z attempts 2 solution no data demo data, 20,000 leads, seed 42
        exercise 3.2 open attempts 1 solution yes

        """)
    let loaded = LessonProgress.load(path: path)
    #expect(loaded == progress)
    #expect(loaded.isSolved(lesson: 1, exercise: 1) && loaded.isSolved(lesson: 3, exercise: 1))
    #expect(!loaded.isSolved(lesson: 3, exercise: 2))
    #expect(loaded.records[.init(lesson: 3, exercise: 2)]?.usedSolution == true)
  }

  /// Through the lesson walk: a wrong answer, `.solution`, then the right one.
  @Test func theWalkRecordsWhatHappened() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let runner = LessonFakeRunner()
    runner.parameters["product"] = "Enterprise"
    let lesson = try #require(Lessons.numbered(4))
    let first = lesson.exercises[0]
    runner.results[first.solution] = Table(
      names: ["win_rate"], columns: [Column.make(.double, [.double(0.315)], hint: .rate)])
    let session = LessonSession(runner: runner, progress: LessonProgress(path: path))
    session.studentName = "ben"
    session.dataDescription = { "demo data, 20,000 leads, seed 7" }
    _ = session.openExercises(lesson: 4)
    _ = session.check("20%")
    _ = session.solution()
    _ = session.check("31.5%")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("student ben\n"), "\(text)")
    #expect(text.contains("exercise 4.1 solved "), "\(text)")
    #expect(text.contains(" attempts 2 solution yes data demo data, 20,000 leads, seed 7\n"), "\(text)")
  }

  @Test func missingOrUnreadableFileIsEmptyProgress() throws {
    #expect(LessonProgress.load(path: temporaryPath()).completedLessons.isEmpty)
    // A directory cannot be read as a file.
    #expect(LessonProgress.load(path: NSTemporaryDirectory()).completedLessons.isEmpty)
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: path))
    let garbled = LessonProgress.load(path: path)
    #expect(garbled.completedLessons.isEmpty && garbled.solvedExercises.isEmpty)
    try "lesson x\nexercise 3\nlesson 2\nnonsense line here\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(LessonProgress.load(path: path).completedLessons == [2])
  }

  @Test func savingWhereItCannotFailsWithAMessage() {
    let progress = LessonProgress(path: "/nonexistent-dir-\(UUID().uuidString)/progress")
    #expect(throws: LessonError.self) { try progress.save() }
  }

  @Test func defaultPathComesFromTheEnvironment() {
    #expect(LessonProgress.defaultPath(environment: ["FUNNEL_PROGRESS": "/tmp/p", "HOME": "/home/x"]) == "/tmp/p")
    #expect(LessonProgress.defaultPath(environment: ["HOME": "/home/x"]) == "/home/x/.funnel_progress")
  }

  @Test func walkThroughALessonAndSolveItsExercises() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let runner = LessonFakeRunner()
    let lesson = try #require(Lessons.numbered(3))
    for exercise in lesson.exercises {
      runner.results[exercise.solution] = Table(
        names: ["channel", "cpl", "roas", "ctr"],
        columns: [
          Column.make(.string, [.string("email")]), Column.make(.double, [.double(19.5)], hint: .money),
          Column.make(.double, [.double(3.25)]), Column.make(.double, [.double(0.036)], hint: .rate),
        ])
    }
    let session = LessonSession(runner: runner, progress: LessonProgress(path: path))
    let first = session.start(lesson: 3)
    #expect(first.contains("Lesson 3: \(lesson.title)"))
    #expect(first.contains("Page 1 of \(lesson.pages.count)"))
    #expect(session.pendingQuery == lesson.pages[0].query)
    #expect(session.currentExercise == nil)
    #expect(session.hint().contains("no exercise open"))
    for i in 1..<lesson.pages.count {
      #expect(session.next().contains("Page \(i + 1) of"))
      #expect(session.pendingQuery == lesson.pages[i].query)
    }
    #expect(session.next().contains("Exercise 1 of \(lesson.exercises.count)"))
    #expect(session.pendingQuery == nil)
    #expect(session.hint().contains(lesson.exercises[0].hint.prefix(10)))
    #expect(session.solution().contains(lesson.exercises[0].solution))
    #expect(session.check("paid_search").contains("Not quite"))
    #expect(session.check("Email").contains("Exercise 2 of"))
    #expect(LessonProgress.load(path: path).isSolved(lesson: 3, exercise: 1))
    #expect(session.check("3.25").contains("Exercise 3 of"))
    let last = session.check("email")
    #expect(last.contains("Lesson 3 is complete"))
    #expect(last.contains(".lesson 4"))
    #expect(LessonProgress.load(path: path).isCompleted(lesson: 3))
  }

  @Test func unknownLessonAndNoLesson() {
    let session = LessonSession(runner: nil, progress: LessonProgress(path: "/nonexistent/p"))
    #expect(session.next().contains("No lesson is open"))
    #expect(session.start(lesson: 99).contains("There is no lesson 99"))
    #expect(session.check("1").contains("no exercise open"))
  }
}
