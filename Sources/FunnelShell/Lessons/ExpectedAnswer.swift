import FunnelData
import FunnelLanguage

/// An exercise's answer on the loaded data, with what a check needs to judge
/// a student's result against the solution's: where the answer sits, what
/// kind of number it is, and for a ranking question the order asked for.
struct ExpectedAnswer {
  let answer: AnswerValue
  /// The solution's result.
  let solved: Table
  /// The row of `solved` the answer is on.
  let row: Int
  /// The column the answer is read from; nil for a row count.
  let column: String?
  let kind: AnswerKind
  /// For a ranking question (`topLabel`): the order the solution puts its rows in.
  let ranking: Ranking?

  init(exercise: Exercise, solved: Table) throws {
    self.solved = solved
    answer = try exercise.answer.read(from: solved)
    row = try exercise.answer.row(in: solved)
    column = exercise.answer.column
    kind = AnswerKind(answer.value, hint: answer.hint, column: column)
    if case .topLabel(let label) = exercise.answer {
      let key = Ranking.sortKey(of: exercise.solution)
      ranking = Ranking(label: label, key: key?.column, descending: key?.descending ?? false)
    } else {
      ranking = nil
    }
  }

  /// The labels on the solution's answer row (`step` = `won`, `cohort` =
  /// `2024-07`): the text, date and period cells other than the answer's,
  /// by which the same row is found in another result.
  var rowLabels: [(column: String, value: String)] {
    solved.names.indices.compactMap { c in
      let column = solved.columns[c]
      guard solved.names[c] != self.column, !column.type.isNumeric, column.type != .bool else { return nil }
      let value = column.value(at: row)
      return value.isNull ? nil : (solved.names[c], value.rawText)
    }
  }

  /// The labels a typed answer to a ranking question may give: the first
  /// row's, and any other ranked the same (tied on the sort column).
  var acceptedLabels: [String] {
    guard let ranking, let labels = solved.column(ranking.label) else { return [answer.value.rawText] }
    guard let key = ranking.key.flatMap(solved.column) else { return [answer.value.rawText] }
    let top = key.value(at: 0).doubleValue
    return (0..<solved.rowCount).filter { r in
      r == 0 || (top != nil && key.value(at: r).doubleValue.map { Self.agrees($0, top ?? 0) } == true)
    }.map { labels.value(at: $0).rawText }
  }

  /// Two numbers from queries agree when they are equal to well under any
  /// rounding a report would make (a millionth of the answer, or of 1 when
  /// the answer is smaller): a query carries full precision.
  static func agrees(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-6 * max(1, abs(b))
  }
}

/// The order a ranking question asks about.
struct Ranking {
  /// The column holding the names ranked (`channel`).
  let label: String
  /// The column the solution sorts by last (`cpl`); nil when it sorts by no column.
  let key: String?
  let descending: Bool

  /// The first key of a pipeline's last `sort` stage, when it is a column:
  /// `campaigns | agg cpl() by channel | sort cpl` → (`cpl`, ascending).
  static func sortKey(of solution: String) -> (column: String, descending: Bool)? {
    let (statements, diagnostics) = Parser.parse(SourceText(text: solution))
    guard diagnostics.isEmpty, statements.count == 1, case .run(let pipeline) = statements[0].kind else { return nil }
    for stage in pipeline.stages.reversed() {
      guard case .sort(let keys) = stage.kind else { continue }
      guard let first = keys.first, case .column(let name) = first.expr.kind else { return nil }
      return (name.text, first.descending)
    }
    return nil
  }
}
