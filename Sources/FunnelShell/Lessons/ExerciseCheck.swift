import Foundation
import FunnelData
import FunnelLanguage
import FunnelRender

/// Checks a student's answer to an exercise against the loaded data.
///
/// The expected answer is computed now, by running the exercise's solution,
/// so a check holds for any demo seed or class data set. The input is either
/// an answer (`12.5%`, `0.125`, `1,234`, `email`) or a query whose result
/// holds the answer.
public enum ExerciseCheck {
  public static func check(_ input: String, exercise: Exercise, runner: LessonQueryRunner) -> (
    correct: Bool, message: String
  ) {
    let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
      return (false, "Type an answer (a number such as 12.5% or a name such as email) or a query that gives it.")
    }
    let expected: AnswerValue
    let solved: Table
    do {
      solved = try runner.lessonResult(of: exercise.solution)
      expected = try exercise.answer.read(from: solved)
    } catch {
      return (false, "This exercise cannot be checked on the loaded data: \(describe(error))")
    }
    if expected.value.isNull {
      return (false, "On the loaded data the answer is empty (no rows qualify), so there is nothing to check.")
    }
    // A label such as "(no touch)" can look like a query; the exact answer wins.
    if expected.number == nil, sameLabel(text, expected.value.rawText) {
      return (true, "Right: \(expected.value.rawText).")
    }
    if looksLikeQuery(text) {
      return checkQuery(text, expected: expected, solved: solved, exercise: exercise, runner: runner)
    }
    return compare(typed: text, expected: expected)
  }

  /// A query has a pipe, a call or starts from a dataset or the scorecard;
  /// answers are numbers and labels (channels, owners, regions, months), which never do.
  static func looksLikeQuery(_ text: String) -> Bool {
    if text.contains("|") || text.contains("(") { return true }
    let first = text.split(separator: " ").first.map(String.init) ?? text
    return ["campaigns", "leads", "touches", "deals", "costs", "stage_changes", "quotas", "scorecard"].contains(
      first.lowercased())
  }

  private static func checkQuery(
    _ query: String, expected: AnswerValue, solved: Table, exercise: Exercise, runner: LessonQueryRunner
  ) -> (correct: Bool, message: String) {
    let result: Table
    do {
      result = try runner.lessonResult(of: query)
    } catch {
      return (false, "Your query did not give an answer: \(describe(error))")
    }
    let answer: AnswerValue
    do {
      answer = try exercise.answer.readLeniently(from: result)
    } catch {
      // A result that holds the answer under another name (a funnel's
      // conversion column) is still the answer.
      if let number = expected.number, let found = cell(holding: number, in: result) {
        let shown = NumberFormat.display(found.value, hint: found.hint)
        return (true, "Right: your result holds \(shown), the answer the solution gives.")
      }
      return (false, "Your query did not give an answer: \(describe(error))")
    }
    guard !answer.value.isNull else { return (false, "Your query's answer is empty (null): check its filter.") }
    if let number = expected.number {
      guard let got = answer.number else {
        return (false, "Your query gives '\(answer.value.rawText)', but the answer is a number.")
      }
      // A query carries full precision, so it must agree to well under a rounding step.
      let same = abs(got - number) <= 1e-6 * max(1, abs(number))
      // A bare fraction from the student's own arithmetic reads best the way the
      // answer is meant (12.5%); a count stays a count.
      var hint = answer.hint
      if hint == .plain, case .double = answer.value { hint = expected.hint }
      let shown = NumberFormat.display(answer.value, hint: hint)
      if same { return (true, "Right: your query gives \(shown), the same answer as the solution.") }
      return (
        false,
        "Not quite: your query gives \(shown), which is \(got < number ? "lower" : "higher") than the answer. Try .hint."
      )
    }
    let got = answer.value.rawText
    if sameLabel(got, expected.value.rawText) {
      // The right name first is not enough: it must come first for the
      // reason asked (a sort by spend can put the lowest-CPL channel first).
      if case .topLabel(let name) = exercise.answer,
        let reason = rankedOtherwise(result, solved: solved) ?? orderedOtherwise(result, solved: solved, by: name)
      {
        return (false, "Not quite: your query puts \(got) first, but \(reason). Try .hint.")
      }
      return (true, "Right: your query gives \(got), the same answer as the solution.")
    }
    return (false, "Not quite: your query gives \(got), which is not the answer. Check how it sorts. Try .hint.")
  }

  private static func compare(typed: String, expected: AnswerValue) -> (correct: Bool, message: String) {
    let shown = NumberFormat.display(expected.value, hint: expected.hint)
    guard let number = expected.number else {
      if sameLabel(typed, expected.value.rawText) { return (true, "Right: \(expected.value.rawText).") }
      return (
        false, "Not quite: '\(unquoted(typed))' is not the answer on this data. Try .hint, or answer with a query."
      )
    }
    guard let typedNumber = TypedNumber(typed) else {
      return (
        false,
        "'\(typed)' does not read as a number; answer with a number such as 12.5%, 0.125 or 1,234, or with a query."
      )
    }
    let isRate = expected.hint == .rate && abs(number) <= 1
    var reading = typedNumber
    var note = ""
    // A rate typed as 31.5 means 31.5%, for the verdict and for its direction.
    if isRate, !typedNumber.isPercent, !typedNumber.isRatio, abs(typedNumber.value) > 1 {
      reading = typedNumber.asPercent
      note = " (read as \(typed.trimmingCharacters(in: .whitespaces))%)"
    }
    let match = reading.match(number, isRate: isRate)
    switch match {
    case .equal: return (true, "Right\(note): the data gives \(shown).")
    case .tooRough: return (false, "Close, but give more digits: \(typed) is too rough to tell.")
    case .lower: return (false, "Not quite: \(typed)\(note) is lower than the answer the data gives. Try .hint.")
    case .higher: return (false, "Not quite: \(typed)\(note) is higher than the answer the data gives. Try .hint.")
    }
  }

  /// A cell of a small result that equals `number` to well under a
  /// rounding step. A small whole number (a count of 3) could be anywhere
  /// by chance, so it is never looked for.
  static func cell(holding number: Double, in table: Table) -> AnswerValue? {
    guard table.rowCount <= 20, !(number == number.rounded() && abs(number) <= 100) else { return nil }
    for column in table.columns where column.type.isNumeric {
      for row in 0..<table.rowCount {
        if let v = column.value(at: row).doubleValue, abs(v - number) <= 1e-6 * max(1, abs(number)) {
          return AnswerValue(column.value(at: row), hint: column.hint)
        }
      }
    }
    return nil
  }

  /// Why a result whose first row has the right label did not rank the way
  /// the solution does: none of its first row's numbers is one of the
  /// solution's first row's (nil when one is, or the solution has none).
  static func rankedOtherwise(_ result: Table, solved: Table) -> String? {
    guard solved.rowCount > 0, result.rowCount > 0 else { return nil }
    let wanted = solved.columns.indices.filter { solved.columns[$0].type.isNumeric }
      .compactMap { c -> (String, Value, Double)? in
        let v = solved.columns[c].value(at: 0)
        return v.doubleValue.map { (solved.names[c], v, $0) }
      }
    guard !wanted.isEmpty else { return nil }
    let have = result.columns.filter { $0.type.isNumeric }.compactMap { $0.value(at: 0).doubleValue }
    for (_, _, number) in wanted where have.contains(where: { abs($0 - number) <= 1e-6 * max(1, abs(number)) }) {
      return nil
    }
    let (name, value, _) = wanted[0]
    let shown = NumberFormat.display(value, hint: solved.column(name)?.hint ?? .plain)
    if have.isEmpty {
      return "the result does not show what it ranks by; keep that column (the solution's \(name) is \(shown))"
    }
    return "its numbers on that row are not what the question ranks by (the solution's \(name) is \(shown))"
  }

  /// Why a result ranked like the solution at the top is ranked otherwise
  /// below it: its next labels (up to three in all) are not the solution's
  /// (`scorecard | sort win_rate desc` can put the top-revenue channel first
  /// too). Nil when they agree, or when either result has one row.
  static func orderedOtherwise(_ result: Table, solved: Table, by name: String) -> String? {
    guard let mine = result.column(name), let theirs = solved.column(name), result.rowCount > 1, solved.rowCount > 1
    else { return nil }
    let count = min(3, result.rowCount, solved.rowCount)
    let a = (0..<count).map { mine.value(at: $0).rawText }
    let b = (0..<count).map { theirs.value(at: $0).rawText }
    // Rows the solution ranks equal (every number the same) may come in either order.
    func numbers(_ row: Int) -> [Double?] {
      solved.columns.filter { $0.type.isNumeric }.map { $0.value(at: row).doubleValue }
    }
    let tied = { (k: Int) -> Bool in
      guard let other = (0..<solved.rowCount).first(where: { sameLabel(theirs.value(at: $0).rawText, a[k]) }) else {
        return false
      }
      return numbers(other) == numbers(k)
    }
    guard !(0..<count).allSatisfy({ sameLabel(a[$0], b[$0]) || tied($0) }) else { return nil }
    return "the rows after it are in another order (\(a.joined(separator: ", ")) where the question's order gives "
      + "\(b.joined(separator: ", "))): it ranks by something else"
  }

  /// Labels match ignoring case, quotes, and the difference between `_`, `-` and a space.
  static func sameLabel(_ a: String, _ b: String) -> Bool {
    func key(_ s: String) -> String {
      unquoted(s).lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
    }
    return key(a) == key(b)
  }

  private static func unquoted(_ s: String) -> String {
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
