import Foundation
import Testing

@testable import FunnelShell

/// Every lesson walked through at a pseudo-terminal, as a student would:
/// `.lesson N`, its pages with `.next`, then for each exercise a plausible
/// wrong answer, `.solution`, and the right answer twice (a query written
/// otherwise than the solution, and typed out), each verdict read off the
/// screen. Only dot commands are typed, so it holds whether or not a page's
/// query waits at the prompt (a command typed after it is the command).
@Suite(
  .serialized,
  .enabled(if: PseudoTerminal.binary != nil, "no funnel binary: build it (swift build) or set FUNNEL_BIN"))
struct LessonWalkTests {
  static let prompt = "funnel> "
  /// The demo size the shell starts with, and the checker tests' data.
  static let leads = 4_000

  /// Types `line` and Enter; false when no prompt came back.
  @discardableResult
  func type(_ line: String, _ shell: PseudoTerminal, expecting text: String? = nil) -> Bool {
    shell.send(line + "\r")
    if let text {
      guard shell.expect(text, timeout: 60) else { return false }
    }
    return shell.expect(Self.prompt, timeout: 60)
  }

  /// What the shell wrote after the last `start`, with its line breaks and
  /// runs of spaces made single spaces (a paragraph wraps where its width says).
  func said(after start: String, _ shell: PseudoTerminal) -> String {
    let text = shell.written(afterLast: start) ?? ""
    return start + text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @Test(arguments: Lessons.all.map(\.number))
  func walkThroughALesson(number: Int) throws {
    let runner = LessonEngineRunner(leads: Self.leads)
    let lesson = try LessonParameters.resolve(try #require(Lessons.numbered(number)), runner: runner).0
    let shell = try PseudoTerminal(arguments: ["--demo-size", "\(Self.leads)"])
    #expect(shell.expect(Self.prompt, timeout: 120), "first prompt: \(shell.unmatched)")
    let pages = lesson.pages.count
    #expect(type(".lesson \(number)", shell, expecting: "Page 1 of \(pages)"), "\(shell.unmatched)")
    for page in stride(from: 2, through: pages, by: 1) {
      #expect(type(".next", shell, expecting: "Page \(page) of \(pages)"), "\(shell.unmatched)")
    }
    let count = lesson.exercises.count
    #expect(type(".next", shell, expecting: "Exercise 1 of \(count)"), "\(shell.unmatched)")
    for (i, exercise) in lesson.exercises.enumerated() {
      let id = "\(number).\(i + 1)"
      let c = try #require(LessonCheckTests.cases[id])
      let answer = try ExpectedAnswer(exercise: exercise, solved: try runner.lessonResult(of: exercise.solution))
      // A plausible mistake: another method (that, for a ranking, puts the same name first).
      let wrong = try #require(c.sameFirstRow.map { ($0, "first, but") } ?? c.wrong.first.map { ($0.query, $0.says) })
      #expect(type(".check \(id) \(wrong.0)", shell, expecting: "Not quite"), "\(id): \(shell.unmatched)")
      let verdict = said(after: "Not quite", shell)
      #expect(verdict.contains(wrong.1), "\(id): \(verdict)")
      #expect(type(".solution", shell, expecting: exercise.solution), "\(id): \(shell.unmatched)")
      // Right as a query; it is saved, and the walk moves on.
      let query = try #require(c.equivalent.first)
      let next = i + 1 < count ? "Exercise \(i + 2) of \(count)" : "Lesson \(number) is complete"
      shell.send(".check \(id) \(query)\r")
      #expect(shell.expect("Right: your", timeout: 60), "\(id): \(query): \(shell.unmatched)")
      #expect(shell.expect(next, timeout: 10), "\(id): \(shell.unmatched)")
      #expect(shell.expect(Self.prompt), "\(id): \(shell.unmatched)")
      // Right typed out, as the student would round it.
      let typed = try #require(TypedAnswers.right(answer, fraction: nil).first)
      #expect(type(".check \(id) \(typed)", shell, expecting: "Right"), "\(id): \(typed): \(shell.unmatched)")
      #expect(!said(after: "Right", shell).contains("Not quite"), "\(id): \(typed)")
    }
    shell.send("\u{04}")
    #expect(shell.exitStatus() == 0)
    let progress = try String(contentsOfFile: shell.home + "/.funnel_progress", encoding: .utf8)
    for i in 1...count { #expect(progress.contains("exercise \(number).\(i)"), "\(progress)") }
  }
}
