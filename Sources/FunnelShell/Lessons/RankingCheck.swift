import FunnelData

/// Judges a query's result for a ranking question ("which channel has the
/// lowest cost per lead?"): the result must rank the solution's rows the
/// same way, not only put the same name first.
///
/// The names are found in the column of the solution's name, or in the text
/// column that holds the most of them. The student's named rows must be the
/// solution's first rows in the solution's order: fewer is fine (`take 3`),
/// rows the solution ranks equal may swap, a row with no name is left aside,
/// and rows the solution does not have may only come after all of its rows.
/// When the solution sorts by a column, the result must show it: a column
/// equal to it on every row, under any name (or its negative, sorted the
/// other way). A result of one cell is the name alone.
enum RankingCheck {
  typealias Verdict = ExerciseCheck.Verdict

  /// The student's named rows set against the solution's.
  private struct Alignment {
    /// The solution's named rows, in its order.
    let theirs: [Int]
    /// The student's rows that the solution has, in the student's order.
    let mine: [Int]
    /// For each of `mine`, its place in `theirs`.
    let order: [Int]
    let names: Column
    var first: String { names.value(at: mine[0]).rawText }
  }

  static func check(_ result: Table, against expected: ExpectedAnswer) -> Verdict {
    guard let ranking = expected.ranking, let solvedNames = expected.solved.column(ranking.label) else {
      return (false, "This exercise cannot be checked: its solution has no column of names.")
    }
    guard result.rowCount > 0 else {
      return (false, "Not quite: your query gives no rows: check its filter. Try .hint.")
    }
    if result.rowCount == 1, result.columnCount == 1 { return checkName(result.columns[0].value(at: 0), expected) }
    let aligned = align(result, with: solvedNames, named: ranking.label)
    guard let rows = aligned.rows else { return (false, aligned.problem ?? "") }
    let key = ranking.key.flatMap { expected.solved.column($0) }
    if let key, let keyName = ranking.key, let problem = sortColumnMissing(in: result, rows, key: key, named: keyName) {
      return (false, "Not quite: your query puts \(rows.first) first, but \(problem). Try .hint.")
    }
    return checkOrder(rows, key: key, ranking: ranking)
  }

  /// A result of one cell: the name asked for, or one ranked equal to it.
  private static func checkName(_ cell: Value, _ expected: ExpectedAnswer) -> Verdict {
    let what = ExerciseCheck.aOrAn(expected.ranking?.label ?? "name")
    if cell.doubleValue != nil {
      return (false, "Not quite: your query gives a number, but the answer is \(what), a name. Try .hint.")
    }
    if expected.acceptedLabels.contains(where: { ExerciseCheck.sameLabel($0, cell.rawText) }) {
      return (true, "Right: your query gives \(cell.rawText), the same answer as the solution.")
    }
    return (
      false, "Not quite: your query gives \(cell.rawText), which is not the answer. Check how it sorts. Try .hint."
    )
  }

  /// The student's named rows matched to the solution's, or what keeps them from matching.
  private static func align(_ result: Table, with solvedNames: Column, named what: String) -> (
    rows: Alignment?, problem: String?
  ) {
    guard let names = nameColumn(in: result, like: solvedNames, named: what) else {
      return (
        nil,
        "I could not find the \(what) names in your result: keep the \(what) column, with the answer on the first "
          + "row. Try .hint."
      )
    }
    let theirs = (0..<solvedNames.count).filter { !solvedNames.value(at: $0).isNull }
    var position: [String: Int] = [:]
    for (i, r) in theirs.enumerated() { position[ExerciseCheck.labelKey(solvedNames.value(at: r).rawText)] = i }
    let place = { (r: Int) in position[ExerciseCheck.labelKey(names.value(at: r).rawText)] }
    let named = (0..<result.rowCount).filter { !names.value(at: $0).isNull }
    guard !named.isEmpty else { return (nil, "Not quite: your result has no \(what) names. Try .hint.") }
    let mine = Array(named.prefix { place($0) != nil })
    let after = named.dropFirst(mine.count)
    if mine.isEmpty || after.contains(where: { place($0) != nil }) {
      let extra = after.filter { place($0) == nil }.map { names.value(at: $0).rawText }
      let listed = extra.prefix(3).joined(separator: ", ") + (extra.count > 3 ? ", …" : "")
      return (
        nil,
        "Not quite: your result has rows the question leaves out (\(listed)): check which rows it keeps. Try .hint."
      )
    }
    let order = mine.compactMap(place)
    guard Set(order).count == order.count else {
      return (nil, "Not quite: your result has more than one row for some \(what): group by \(what) alone. Try .hint.")
    }
    return (Alignment(theirs: theirs, mine: mine, order: order, names: names), nil)
  }

  /// The column of `result` holding the solution's names: the one of the
  /// same name, else the text column sharing the most names with it.
  private static func nameColumn(in result: Table, like solved: Column, named name: String) -> Column? {
    if let column = result.column(name), !column.type.isNumeric { return column }
    let known = Set((0..<solved.count).map { ExerciseCheck.labelKey(solved.value(at: $0).rawText) })
    let scored = result.columns.filter { !$0.type.isNumeric }.map { column in
      (column, (0..<column.count).filter { known.contains(ExerciseCheck.labelKey(column.value(at: $0).rawText)) }.count)
    }
    guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
    return best.0
  }

  /// Why `result` does not show the solution's sort column `key` (a numeric
  /// column equal to it, or to its negative, on every row), or nil when it
  /// does. A result of names alone shows nothing to rank by, unless it is one row.
  private static func sortColumnMissing(in result: Table, _ rows: Alignment, key: Column, named keyName: String)
    -> String?
  {
    let pairs = zip(rows.mine, rows.order).map { ($0, rows.theirs[$1]) }
    func equal(_ column: Column, sign: Double) -> Bool {
      pairs.allSatisfy { r, s in
        let a = column.value(at: r).doubleValue, b = key.value(at: s).doubleValue
        guard let a, let b else { return a == nil && b == nil }
        return ExpectedAnswer.agrees(a, sign * b)
      }
    }
    let numeric = result.columns.filter { $0.type.isNumeric }
    if numeric.contains(where: { equal($0, sign: 1) || equal($0, sign: -1) }) { return nil }
    guard !numeric.isEmpty else {
      return rows.mine.count > 1 ? "it does not show what it ranks by: keep the \(keyName) column" : nil
    }
    var why = "its numbers are not what the question ranks by (\(keyName))"
    // A column of the same name with other numbers: a different measure; say where, roughly.
    if let same = result.column(keyName), same.type.isNumeric {
      for (r, s) in pairs {
        guard let a = same.value(at: r).doubleValue, let b = key.value(at: s).doubleValue, !ExpectedAnswer.agrees(a, b)
        else { continue }
        let kind = AnswerKind(key.value(at: s), hint: key.hint, column: keyName)
        why +=
          ": your \(keyName) for \(rows.names.value(at: r).rawText) is "
          + kind.gap(from: a, to: b, than: "the question's")
        break
      }
    }
    return why
  }

  /// Position by position, each row must be the solution's at that place,
  /// or one it ranks equal (the same number in the sort column).
  private static func checkOrder(_ rows: Alignment, key: Column?, ranking: Ranking) -> Verdict {
    func tied(_ a: Int, _ b: Int) -> Bool {
      guard a != b else { return true }
      guard let key else { return false }
      let x = key.value(at: rows.theirs[a]).doubleValue, y = key.value(at: rows.theirs[b]).doubleValue
      guard let x, let y else { return x == nil && y == nil }
      return ExpectedAnswer.agrees(x, y)
    }
    let what = ranking.label
    let order = rows.order
    guard let wrong = order.indices.first(where: { !tied(order[$0], $0) }) else {
      return (true, "Right: your query ranks the \(what) names as the question does, with \(rows.first) first.")
    }
    if wrong == 0 {
      let reversed = order.count > 1 && order == order.sorted(by: >)
      let reason =
        reversed
        ? "it is sorted the other way round: the question asks for the \(ranking.descending ? "largest" : "smallest") "
          + "first" : "check how it sorts"
      return (false, "Not quite: your query puts \(rows.first) first, which is not the answer: \(reason). Try .hint.")
    }
    if order == order.sorted() {
      return (
        false,
        "Not quite: your query puts \(rows.first) first, but it leaves out rows the question ranks "
          + "(it has \(order.count) of \(rows.theirs.count)): check its filter. Try .hint."
      )
    }
    return (
      false,
      "Not quite: your query puts \(rows.first) first, but the rows after it are in another order: "
        + "it ranks by something else. Try .hint."
    )
  }
}
