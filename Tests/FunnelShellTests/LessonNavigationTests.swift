import Testing

@testable import FunnelShell

/// `.prev` and `.again` through a lesson's pages and exercises.
struct LessonNavigationTests {
  @Test func backAndAgainThroughPagesAndExercises() throws {
    let session = LessonSession(runner: nil, progress: LessonProgress(path: "/nonexistent/progress"))
    let lesson = try #require(Lessons.numbered(1))
    _ = session.start(lesson: 1)
    #expect(session.previous().hasPrefix("This is the first page of lesson 1."))
    _ = session.next()
    #expect(session.previous().hasPrefix("Page 1 of \(lesson.pages.count)"))
    #expect(session.takePendingQuery() == lesson.pages[0].query)
    #expect(session.again().hasPrefix("Page 1 of \(lesson.pages.count)"))
    #expect(session.takePendingQuery() == lesson.pages[0].query)
    for _ in lesson.pages { _ = session.next() }
    #expect(session.exerciseIndex == 0)
    #expect(session.again().hasPrefix("Exercise 1 of \(lesson.exercises.count)"))
    _ = session.next()
    #expect(session.exerciseIndex == 1)
    #expect(session.previous().hasPrefix("Exercise 1 of"))
    // From the first exercise, back to the last page.
    #expect(session.previous().hasPrefix("Page \(lesson.pages.count) of \(lesson.pages.count)"))
    #expect(session.exerciseIndex == nil)
  }
}
