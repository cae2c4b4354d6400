import Foundation
import FunnelRender

/// The text of lessons outside the interactive walk: the `.lesson` list and
/// whole-lesson handouts (for pipes, tests and `funnel --lesson N --format markdown`).
public enum LessonText {
  /// `.lesson`: the numbered lessons with their summaries, ✓ for a completed one.
  public static func list(progress: LessonProgress) -> String {
    var text = "Lessons (type .lesson N to start one; ✓ = done)\n\n"
    for lesson in Lessons.all {
      let mark = progress.isCompleted(lesson: lesson.number) ? "✓" : " "
      let solved = lesson.exercises.indices.filter { progress.isSolved(lesson: lesson.number, exercise: $0 + 1) }.count
      text += "\(mark) \(lesson.number). \(lesson.title)"
      text +=
        solved > 0 && solved < lesson.exercises.count ? "  (\(solved)/\(lesson.exercises.count) exercises)\n" : "\n"
      text += Glossary.wrap(lesson.summary, width: 72).map { "     " + $0 + "\n" }.joined()
    }
    return text
  }

  /// The whole lesson: every page with its query, the query's real result and
  /// the question, then the exercises, then their answers on this data.
  /// Rethrows the runner's error when a query fails.
  /// With `answers` false (`--no-answers`), a student's copy: no answers section.
  public static func handout(_ template: Lesson, runner: LessonQueryRunner, markdown: Bool, answers: Bool = true)
    throws -> String
  {
    let (lesson, bindings) = try LessonParameters.resolve(template, runner: runner)
    var out = markdown ? "# Lesson \(lesson.number): \(lesson.title)\n\n_\(lesson.summary)_\n" : banner(lesson)
    if !bindings.isEmpty {
      out += (markdown ? "\n" : "") + paragraph(LessonParameters.describe(bindings))
    }
    out += (markdown ? "\n" : "") + "A word you do not know: `.glossary WORD` in Funnel explains it.\n"
    for (i, page) in lesson.pages.enumerated() {
      let result = runner.lessonRender(try runner.lessonResult(of: page.query))
      if markdown {
        out +=
          "\n## Page \(i + 1)\n\n\(unwrapped(page.text))\n\n```\n\(page.query)\n```\n\n```\n\(trimmed(result))\n```\n\n"
        out += "**Question:** \(page.question)\n"
      } else {
        out += "\nPage \(i + 1) of \(lesson.pages.count)\n\n" + paragraph(page.text) + "\n"
        out += "> \(page.query)\n\(trimmed(result))\n\n" + paragraph("Question: " + page.question)
      }
    }
    out += markdown ? "\n## Exercises\n\n" : "\nExercises\n\n"
    for (i, exercise) in lesson.exercises.enumerated() {
      out +=
        markdown
        ? "\(i + 1). \(exercise.question)\n   _Hint:_ \(exercise.hint)\n"
        : hanging("\(i + 1). ", exercise.question) + paragraph("Hint: \(exercise.hint)", indent: 3)
    }
    guard answers else { return out }
    out += markdown ? "\n## Answers on this data\n\n" : "\nAnswers on this data\n\n"
    for (i, exercise) in lesson.exercises.enumerated() {
      let answer = try exercise.answer.read(from: try runner.lessonResult(of: exercise.solution))
      let shown = NumberFormat.display(answer.value, hint: answer.hint)
      out +=
        markdown
        ? "\(i + 1). `\(exercise.solution)` gives **\(shown)**\n"
        : "\(i + 1). \(exercise.solution)\n   gives \(shown)\n"
    }
    return out
  }

  /// The title block of a lesson in plain text.
  static func banner(_ lesson: Lesson) -> String {
    let title = "Lesson \(lesson.number): \(lesson.title)"
    return title + "\n" + String(repeating: "=", count: title.count) + "\n" + paragraph(lesson.summary)
  }

  /// Text wrapped at 76 columns, indented, with a newline after; a single
  /// line break in the source is a space, a blank line a new paragraph.
  static func paragraph(_ text: String, indent: Int = 0) -> String {
    let pad = String(repeating: " ", count: indent)
    return unwrapped(text).split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in wrap(String(line), width: 76 - indent).map { pad + $0 }.joined(separator: "\n") }
      .joined(separator: "\n") + "\n"
  }

  /// `lead` then `text`, wrapped with the following lines indented under the text.
  static func hanging(_ lead: String, _ text: String) -> String {
    let pad = String(repeating: " ", count: lead.count)
    let lines = wrap(unwrapped(text), width: 76 - lead.count)
    return lines.enumerated().map { ($0.offset == 0 ? lead : pad) + $0.element }.joined(separator: "\n") + "\n"
  }

  /// Lines of at most `width` characters, never broken inside a `code` span,
  /// so a query in the text can be read (and typed) as one piece.
  static func wrap(_ text: String, width: Int) -> [String] {
    let glue: Character = "\u{1F}"
    var inCode = false
    let glued = String(
      text.map { c -> Character in
        if c == "`" { inCode.toggle() }
        return inCode && c == " " ? glue : c
      })
    return Glossary.wrap(glued, width: width).map { String($0.map { $0 == glue ? " " : $0 }) }
  }

  /// Paragraphs on one line each, separated by a blank line.
  static func unwrapped(_ text: String) -> String {
    text.components(separatedBy: "\n\n")
      .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
      .joined(separator: "\n\n")
  }

  private static func trimmed(_ text: String) -> String {
    var t = Substring(text)
    while t.last == "\n" { t = t.dropLast() }
    return String(t)
  }
}
