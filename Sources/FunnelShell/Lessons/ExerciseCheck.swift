import Foundation
import FunnelData
import FunnelLanguage
import FunnelRender

/// Checks a student's answer to an exercise against the loaded data.
///
/// The expected answer is computed now, by running the exercise's solution,
/// so a check holds for any demo seed or class data set. The input is either
/// an answer typed out (`12.5%`, `0.125`, `1,234`, `124 days`, `email`) or a
/// query, which is run and its result compared with the solution's:
///
/// 1. `ExpectedAnswer`: the solution's result, the answer in it, and what
///    kind of number it is (`AnswerKind`) or the order a ranking asks for.
/// 2. A typed answer is read as that kind (`TypedNumber`) and compared at
///    the precision typed (`compare(typed:with:)`).
/// 3. A query's result must hold the solution's answer row (`AnswerRowCheck`)
///    or, for a ranking, rank the same rows the same way (`RankingCheck`).
public enum ExerciseCheck {
  /// Whether the answer is right, and what to tell the student.
  typealias Verdict = (correct: Bool, message: String)

  public static func check(_ input: String, exercise: Exercise, runner: LessonQueryRunner) -> (
    correct: Bool, message: String
  ) {
    let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
      return (false, "Type an answer (a number such as 12.5% or a name such as email) or a query that gives it.")
    }
    let expected: ExpectedAnswer
    do {
      expected = try ExpectedAnswer(exercise: exercise, solved: try runner.lessonResult(of: exercise.solution))
    } catch {
      return (false, "This exercise cannot be checked on the loaded data: \(describe(error))")
    }
    if expected.answer.value.isNull {
      return (false, "On the loaded data the answer is empty (no rows qualify), so there is nothing to check.")
    }
    // A label such as "(no touch)" can look like a query; the exact answer wins.
    if expected.answer.number == nil, sameLabel(text, expected.answer.value.rawText) {
      return (true, "Right: \(expected.answer.value.rawText).")
    }
    guard looksLikeQuery(text) else { return compare(typed: text, with: expected) }
    let result: Table
    do {
      result = try runner.lessonResult(of: text)
    } catch {
      return (false, "Your query did not give an answer: \(describe(error))")
    }
    if expected.ranking != nil { return RankingCheck.check(result, against: expected) }
    return AnswerRowCheck.check(result, against: expected)
  }

  /// A query has a pipe, a call or starts from a dataset or the scorecard;
  /// answers are numbers and labels (channels, owners, regions, months), which never do.
  static func looksLikeQuery(_ text: String) -> Bool {
    if text.contains("|") || text.contains("(") { return true }
    let first = text.split(separator: " ").first.map(String.init) ?? text
    return ["campaigns", "leads", "touches", "deals", "costs", "stage_changes", "quotas", "scorecard"].contains(
      first.lowercased())
  }

  /// A cell of a result of at most 100 rows that agrees with `number`: the
  /// answer under another name (a funnel's conversion on the step asked). A
  /// small whole number (a count of 3) could be anywhere by chance, so it is
  /// never looked for.
  static func cell(holding number: Double, in table: Table) -> AnswerValue? {
    guard table.rowCount <= 100, !(number == number.rounded() && abs(number) <= 100) else { return nil }
    for column in table.columns where column.type.isNumeric {
      for row in 0..<table.rowCount {
        if let v = column.value(at: row).doubleValue, ExpectedAnswer.agrees(v, number) {
          return AnswerValue(column.value(at: row), hint: column.hint)
        }
      }
    }
    return nil
  }

  /// A number as the student's result shows it; a bare fraction from the
  /// student's own arithmetic reads best the way the answer is meant (12.5%).
  static func shown(_ value: Value, hint: DisplayHint, as expected: ExpectedAnswer) -> String {
    var hint = hint
    if hint == .plain, case .double = value, expected.kind.isPercentLike { hint = expected.answer.hint }
    return NumberFormat.display(value, hint: hint)
  }

  /// `what` with its indefinite article: "a channel", "an owner".
  static func aOrAn(_ what: String) -> String {
    ("aeiou".contains(what.lowercased().first ?? "x") ? "an " : "a ") + what
  }

  /// Labels match ignoring case, quotes, and the difference between `_`, `-` and a space.
  static func sameLabel(_ a: String, _ b: String) -> Bool {
    labelKey(a) == labelKey(b)
  }

  /// A label reduced to what `sameLabel` compares.
  static func labelKey(_ s: String) -> String {
    unquoted(s).lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
  }

  static func unquoted(_ s: String) -> String {
    s.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'`"))
  }

  /// An error's message, without its position (a lesson query is one line).
  static func describe(_ error: Error) -> String {
    if let d = error as? Diagnostic { return d.message }
    if let list = error as? DiagnosticList, let first = list.diagnostics.first { return first.message }
    if let e = error as? LessonError { return e.message }
    return String(describing: error)
  }
}
