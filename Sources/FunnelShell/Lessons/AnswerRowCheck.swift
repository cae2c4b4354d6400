import FunnelData
import FunnelRender

/// Judges a query's result for a question whose answer is one value (a
/// rate, a count, an amount): the result must hold the solution's answer row.
///
/// That row is found by its labels (the funnel's step `won`, a cohort's
/// month), or is the only row; on it, the answer is the column of the
/// solution's name or any number equal to it (`leads | funnel steps mql, sql`
/// holds the MQL-to-SQL rate as the sql row's conversion). Other rows and
/// columns do not matter, nor does their order. A result that holds the
/// answer nowhere else still counts when a cell of it equals the answer to
/// full precision and is not a small whole number.
enum AnswerRowCheck {
  typealias Verdict = ExerciseCheck.Verdict

  static func check(_ result: Table, against expected: ExpectedAnswer) -> Verdict {
    guard result.rowCount > 0 else {
      return (false, "Not quite: your query gives no rows: check its filter. Try .hint.")
    }
    if expected.column == nil { return checkRowCount(result, against: expected) }
    let labels = expected.rowLabels
    let named = labels.map { "\($0.column) \($0.value)" }.joined(separator: ", ")
    let rows = result.rowCount == 1 ? [0] : (0..<result.rowCount).filter { holdsLabels(labels, result, row: $0) }
    if rows.count > 1 {
      return (
        false,
        "Not quite: your result has \(rows.count) rows for \(named), where the question asks for one value: "
          + "check what it is grouped by. Try .hint."
      )
    }
    if let row = rows.first {
      let place = result.rowCount > 1 && !labels.isEmpty ? named : nil
      return judge(row: row, of: result, against: expected, labelled: place)
    }
    if let number = expected.answer.number, let held = ExerciseCheck.cell(holding: number, in: result) {
      let shown = NumberFormat.display(held.value, hint: held.hint)
      return (true, "Right: your result holds \(shown), the answer the solution gives.")
    }
    return (
      false,
      "I could not find the answer in your result: end the query with the one value asked for"
        + (labels.isEmpty ? "" : ", or keep the row for \(named)") + ". Try .hint."
    )
  }

  /// Whether `row` of `result` is the row labelled `labels`: a column of the
  /// same name agrees where there is one, and at least one label is shown.
  private static func holdsLabels(_ labels: [(column: String, value: String)], _ result: Table, row: Int) -> Bool {
    guard !labels.isEmpty else { return false }
    let texts = result.columns.filter { !$0.type.isNumeric }.map { $0.value(at: row).rawText }
    var shown = false
    for label in labels {
      if let column = result.column(label.column), !column.type.isNumeric {
        guard ExerciseCheck.sameLabel(column.value(at: row).rawText, label.value) else { return false }
        shown = true
      } else if texts.contains(where: { ExerciseCheck.sameLabel($0, label.value) }) {
        shown = true
      }
    }
    return shown
  }

  /// The answer on `row`: the column of the solution's name, or any cell
  /// equal to it; else the one number there is to say which way it is off.
  private static func judge(row: Int, of result: Table, against expected: ExpectedAnswer, labelled: String?)
    -> Verdict
  {
    let name = expected.column ?? ""
    let place = labelled.map { " on the row for \($0)" } ?? ""
    guard let number = expected.answer.number else {
      let texts = result.columns.filter { !$0.type.isNumeric }.map { $0.value(at: row).rawText }
      if texts.contains(where: { ExerciseCheck.sameLabel($0, expected.answer.value.rawText) }) {
        return (true, "Right: your query gives \(expected.answer.value.rawText), the same answer as the solution.")
      }
      let got = result.column(name)?.value(at: row).rawText ?? texts.first ?? ""
      return (false, "Not quite: your query gives \(got)\(place), which is not the answer. Try .hint.")
    }
    let numeric = result.names.indices.filter { result.columns[$0].type.isNumeric }
    for c in numeric {
      if let v = result.columns[c].value(at: row).doubleValue, ExpectedAnswer.agrees(v, number) {
        let shown = ExerciseCheck.shown(result.columns[c].value(at: row), hint: result.columns[c].hint, as: expected)
        return (true, "Right: your query gives \(shown)\(place), the same answer as the solution.")
      }
    }
    // Which number to compare: the column of the answer's name, else the only one of a kind that fits.
    let fitting = numeric.filter { c in
      fits(
        AnswerKind(result.columns[c].value(at: row), hint: result.columns[c].hint, column: result.names[c]),
        expected.kind)
    }
    let chosen =
      result.index(of: name).flatMap { numeric.contains($0) ? $0 : nil }
      ?? (numeric.count == 1 ? numeric.first : nil) ?? (fitting.count == 1 ? fitting.first : nil)
    guard let c = chosen else {
      if numeric.isEmpty {
        let got = result.columns.first.map { $0.value(at: row).rawText } ?? ""
        return (false, "Not quite: your query gives '\(got)', but the answer is \(expected.kind.described). Try .hint.")
      }
      return (
        false,
        "Not quite: none of the numbers in your result\(place) is the answer, which is \(expected.kind.described). "
          + "Try .hint."
      )
    }
    let cell = result.columns[c].value(at: row)
    let shown = ExerciseCheck.shown(cell, hint: result.columns[c].hint, as: expected)
    let subject =
      result.columnCount == 1 && labelled == nil
      ? "your query gives \(shown)" : "your query's \(result.names[c])\(place) is \(shown)"
    guard let got = cell.doubleValue else {
      return (false, "Not quite: your query's \(result.names[c])\(place) is empty (null): check its filter. Try .hint.")
    }
    let kind = AnswerKind(cell, hint: result.columns[c].hint, column: result.names[c])
    guard fits(kind, expected.kind) else {
      return (
        false,
        "Not quite: \(subject), which is \(kind.described), but the answer is \(expected.kind.described). Try .hint."
      )
    }
    return (false, "Not quite: \(subject), \(expected.kind.gap(from: got, to: number)). Try .hint.")
  }

  /// Whether a number of kind `got` can be an answer of kind `wanted`: a
  /// count is no percentage, and a percentage is no count, amount or days.
  static func fits(_ got: AnswerKind, _ wanted: AnswerKind) -> Bool {
    switch (got.isPercentLike, wanted.isPercentLike) {
    case (true, false): return wanted == .number
    case (false, true): return got != .count
    default: return true
    }
  }

  /// A question about how many rows: the rows of the result, or its one number.
  private static func checkRowCount(_ result: Table, against expected: ExpectedAnswer) -> Verdict {
    guard let number = expected.answer.number else { return (false, "This exercise cannot be checked.") }
    var got = Double(result.rowCount)
    if result.rowCount == 1, result.columnCount == 1, let single = result.columns[0].value(at: 0).doubleValue {
      got = single
    }
    if ExpectedAnswer.agrees(got, number) {
      return (true, "Right: your query gives \(NumberFormat.display(.double(got), hint: .plain)), the same answer.")
    }
    return (
      false,
      "Not quite: your query gives \(NumberFormat.display(.double(got), hint: .plain)), "
        + "\(expected.kind.gap(from: got, to: number)). Try .hint."
    )
  }
}
