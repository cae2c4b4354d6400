import FunnelData
import Testing

@testable import FunnelShell

/// The checker's verdicts on fixed tables (the expected answer always comes
/// from running the solution, so changing a table changes the answer): a
/// rate typed without `%`, rounding, units and fractions, a number of the
/// wrong kind, and queries that rank by something else, put the right name
/// first for the wrong reason, or hold the answer under another name.
struct CheckerVerdictTests {
  static let rate = Exercise(
    question: "Win rate?", hint: "h", solution: "deals | agg win_rate()", answer: .value(row: 0, column: "win_rate"))
  static let days = Exercise(
    question: "Median cycle?", hint: "h", solution: "deals | agg d = median_sales_cycle_days()",
    answer: .value(row: 0, column: "median_sales_cycle_days"))
  static let money = Exercise(
    question: "Gap?", hint: "h", solution: "deals | agg gap = sum(amount)", answer: .value(row: 0, column: "gap"))
  static let count = Exercise(
    question: "SQLs?", hint: "h", solution: "leads | funnel",
    answer: .valueWhere(key: "step", equals: "sql", column: "count"))
  static let lowest = Exercise(
    question: "Lowest CPL?", hint: "h", solution: "campaigns | agg cpl = cpl() by channel | sort cpl",
    answer: .topLabel(column: "channel"))
  static let best = Exercise(
    question: "Best channel?", hint: "h", solution: "campaigns | agg roas() by channel | sort roas desc",
    answer: .topLabel(column: "channel"))
  static let acceptance = Exercise(
    question: "SQL acceptance?", hint: "h", solution: "leads | agg sql_acceptance_rate = mql_to_sql_rate()",
    answer: .value(row: 0, column: "sql_acceptance_rate"))

  static func channels(_ names: [String]) -> Column { Column.make(.string, names.map { .string($0) }) }
  static func numbers(_ values: [Double], hint: DisplayHint = .plain) -> Column {
    Column.make(.double, values.map { .double($0) }, hint: hint)
  }

  func runner(rate: Double = 0.315) -> LessonFakeRunner {
    let r = LessonFakeRunner()
    r.results["deals | agg win_rate()"] = Table(names: ["win_rate"], columns: [Self.numbers([rate], hint: .rate)])
    r.results["deals | agg d = median_sales_cycle_days()"] = Table(
      names: ["median_sales_cycle_days"], columns: [Self.numbers([124.3])])
    r.results["deals | agg gap = sum(amount)"] = Table(
      names: ["gap"], columns: [Self.numbers([-495_874.2], hint: .money)])
    r.results["leads | funnel"] = Table(
      names: ["step", "count", "overall_conversion"],
      columns: [
        Self.channels(["lead", "sql", "won"]), Column.make(.int, [.int(4000), .int(903), .int(135)]),
        Self.numbers([1, 0.22575, 0.03375], hint: .rate),
      ])
    r.results["campaigns | agg cpl = cpl() by channel | sort cpl"] = Table(
      names: ["channel", "cpl"],
      columns: [Self.channels(["referral", "email"]), Self.numbers([16.74, 23.91], hint: .money)])
    r.results["campaigns | agg roas() by channel | sort roas desc"] = Table(
      names: ["channel", "roas"], columns: [Self.channels(["referral", "email"]), Self.numbers([9, 2])])
    r.results["leads | agg sql_acceptance_rate = mql_to_sql_rate()"] = Table(
      names: ["sql_acceptance_rate"], columns: [Self.numbers([3898.0 / 9453.0], hint: .rate)])
    return r
  }

  func check(_ text: String, _ exercise: Exercise, _ r: LessonFakeRunner? = nil) -> (Bool, String) {
    let result = ExerciseCheck.check(text, exercise: exercise, runner: r ?? runner())
    return (result.correct, result.message)
  }

  // MARK: Typed numbers

  /// 31.5%: 30 and 30% are both lower (30 reads as 30%), by about 1.5 points; 33 is higher.
  @Test func aRateTypedWithoutPercentPointsTheRightWay() {
    let (ok30, said30) = check("30", Self.rate)
    #expect(!ok30)
    #expect(said30.contains("30 (read as 30%) is about 1.5 points lower"), "\(said30)")
    #expect(check("30%", Self.rate).1.contains("about 1.5 points lower"))
    #expect(check("33", Self.rate).1.contains("about 1.5 points higher"))
    #expect(check("50%", Self.rate).1.contains("about 20 points higher"))
  }

  @Test(arguments: ["31.5", "31.5%", "0.315", "31", "32", "32%", "0.32", " 31.5 % ", "31.5 percent"])
  func roundingToWholePointsIsRight(answer: String) {
    let (ok, said) = check(answer, Self.rate)
    #expect(ok, "\(answer): \(said)")
    #expect(said.hasPrefix("Right"))
  }

  @Test(arguments: ["0.3", "30%", "0", "15%", "0.2", "10%"])
  func tooRoughOrWrongIsNotRight(answer: String) {
    #expect(!check(answer, Self.rate).0, "\(answer)")
  }

  /// Off by less than one more rounding step: close, and the right way.
  @Test func aNearMissIsCloseAndSaysWhichWay() {
    let r = runner(rate: 0.3154)
    let (ok, said) = check("31", Self.rate, r)
    #expect(!ok)
    #expect(said.hasPrefix("Close") && said.contains("about 0.5 points lower"), "\(said)")
    #expect(check("32", Self.rate, r).0)
    let (_, above) = check("31.6%", Self.rate, r)
    #expect(above.hasPrefix("Close") && above.contains("higher"), "\(above)")
  }

  @Test func aSmallRateRoundedToAWholePoint() {
    #expect(check("3%", Self.rate, runner(rate: 0.0285)).0)
    #expect(!check("0%", Self.rate, runner(rate: 0.0285)).0)
    #expect(check("0", Self.rate, runner(rate: 0.3)).1.contains("more digits"))
  }

  @Test func unitsFractionsAndRoundThousands() {
    #expect(check("124 days", Self.days).0)
    #expect(check("124.3 days", Self.days).0)
    #expect(check("124d", Self.days).0)
    let (ok130, said130) = check("130 days", Self.days)
    #expect(!ok130 && said130.contains("about 6 days higher"), "\(said130)")
    #expect(check("-496,000", Self.money).0)
    #expect(check("-496k", Self.money).0)
    #expect(check("-$496k", Self.money).0)
    let (ok490, said490) = check("-490,000", Self.money)
    #expect(!ok490 && said490.contains("about 1% higher"), "\(said490)")
    #expect(
      check("496,000", Self.money).1.contains("higher than the answer: it is positive, and the answer is negative"))
    // A division is exact: it must be the answer's own ratio.
    #expect(check("3898/9453", Self.acceptance).0)
    #expect(!check("3898/9000", Self.acceptance).0)
    #expect(check("903 leads", Self.count).0)
  }

  /// A number of the wrong kind is named as such, not judged higher or lower.
  @Test func aNumberOfTheWrongKind() {
    let (okCount, saidCount) = check("135", Self.rate)
    #expect(!okCount && saidCount.contains("reads as a count"), "\(saidCount)")
    #expect(check("22.6%", Self.count).1.contains("not a percentage"))
    #expect(check("0.226", Self.count).1.contains("reads as a share"))
    #expect(check("903/4000", Self.count).1.contains("reads as a share"))
    #expect(check("12%", Self.money).1.contains("not a percentage"))
    #expect(check("12%", Self.days).1.contains("not a percentage"))
    #expect(check("18 weeks", Self.days).1.contains("in days"))
    #expect(check("124 days", Self.rate).1.contains("not a number of days"))
  }

  @Test func answerFollowsTheData() {
    // The same answer is right on one data set and wrong on another: nothing is hard-coded.
    #expect(check("30%", Self.rate, runner(rate: 0.3)).0)
    #expect(!check("30%", Self.rate, runner(rate: 0.1248)).0)
  }

  @Test func notANumber() {
    let (ok, said) = check("about half", Self.rate)
    #expect(!ok && said.contains("does not read as a number"))
  }

  @Test(arguments: [
    ("12.5%", 0.125, 0.0005), ("0.125", 0.125, 0.0005), ("1,234", 1234, 0.5), ("$1,234.50", 1234.5, 0.005),
    ("48k", 48_000, 500), ("-3", -3, 0.5), ("1.2M", 1_200_000, 50_000), ("124 days", 124, 0.5), ("9.9pp", 9.9, 0.05),
  ])
  func typedNumbers(text: String, value: Double, tolerance: Double) throws {
    let n = try #require(TypedNumber(text))
    #expect(abs(n.value - value) < 1e-9)
    #expect(abs(n.tolerance - tolerance) < 1e-12)
  }

  @Test(arguments: ["", "abc", "1.2.3", "12%%", "$", ".", "about half", "12 / leads"])
  func notTypedNumbers(text: String) {
    #expect(TypedNumber(text) == nil)
  }

  @Test(arguments: [
    (0.46, "0.5"), (1.46, "1.5"), (23, "20"), (0.675, "0.7"), (9.6, "10"), (0.15, "0.15"), (250, "300"),
  ])
  func roughly(x: Double, text: String) {
    #expect(AnswerKind.roughly(x) == text)
  }

  // MARK: Names

  @Test(arguments: ["referral", "Referral", "REFERRAL", "\"referral\""])
  func rightLabelIgnoringCase(answer: String) {
    #expect(check(answer, Self.best).0)
  }

  @Test func wrongLabel() {
    let (ok, said) = check("email", Self.best)
    #expect(!ok && said.contains("Not quite") && said.contains("not the answer"))
    #expect(check("emial", Self.best).1.contains("not one of the channel names"))
    #expect(check("12", Self.best).1.contains("not a number"))
  }

  // MARK: Queries for one value

  @Test func equivalentQueryIsRight() {
    let r = runner()
    r.results["deals | agg rate = win_rate()"] = Table(names: ["rate"], columns: [Self.numbers([0.315], hint: .rate)])
    let (ok, said) = check("deals | agg rate = win_rate()", Self.rate, r)
    #expect(ok, "\(said)")
    #expect(r.ran.contains("deals | agg rate = win_rate()"))
  }

  @Test func queryWithAnotherAnswerSaysWhichWayAndByHowMuch() {
    let r = runner()
    let query = "deals | where owner == \"A\" | agg win_rate()"
    r.results[query] = Table(names: ["win_rate"], columns: [Self.numbers([0.5], hint: .rate)])
    let (ok, said) = check(query, Self.rate, r)
    #expect(!ok)
    #expect(said.contains("50.0%") && said.contains("about 20 points higher"), "\(said)")
  }

  /// A count where a share is asked for is named as a count.
  @Test func aCountForARateIsNamedSo() {
    let r = runner()
    let query = "deals | where stage == \"closed_won\" | count"
    r.results[query] = Table(names: ["count"], columns: [Column.make(.int, [.int(92)])])
    let (ok, said) = check(query, Self.rate, r)
    #expect(!ok && said.contains("a count"), "\(said)")
  }

  /// The answer row is found by its label; other rows and their order do not matter.
  @Test func theAnswerRowByItsLabel() {
    let r = runner()
    let reversed = "leads | funnel | sort count"
    r.results[reversed] = Table(
      names: ["step", "count"],
      columns: [Self.channels(["won", "sql", "lead"]), Column.make(.int, [.int(135), .int(903), .int(4000)])])
    #expect(check(reversed, Self.count, r).0)
    let current = "leads | count by stage"
    r.results[current] = Table(
      names: ["stage", "count"],
      columns: [Self.channels(["lead", "sql", "won"]), Column.make(.int, [.int(3000), .int(360), .int(135)])])
    let (ok, said) = check(current, Self.count, r)
    #expect(!ok && said.contains("on the row for step sql") && said.contains("lower"), "\(said)")
    let split = "leads | funnel by region"
    r.results[split] = Table(
      names: ["region", "step", "count"],
      columns: [
        Self.channels(["EMEA", "EMEA", "LATAM", "LATAM"]), Self.channels(["lead", "sql", "lead", "sql"]),
        Column.make(.int, [.int(2000), .int(450), .int(2000), .int(453)]),
      ])
    #expect(check(split, Self.count, r).1.contains("2 rows for step sql"))
  }

  /// A funnel's own columns hold the rate under their own names.
  @Test func theAnswerUnderAnotherNameIsRight() {
    let r = runner()
    let funnel = "leads | funnel steps mql, sql"
    r.results[funnel] = Table(
      names: ["step", "leads", "conversion"],
      columns: [
        Self.channels(["mql", "sql"]), Column.make(.int, [.int(9453), .int(3898)]),
        Column.make(.double, [.null, .double(3898.0 / 9453.0)], hint: .rate),
      ])
    let (ok, said) = check(funnel, Self.acceptance, r)
    #expect(ok, "\(said)")
  }

  @Test func failingQueryOrSolutionIsNeverRight() {
    let r = runner()
    let (bad, said) = check("deals | agg nothing()", Self.rate, r)
    #expect(!bad && said.contains("did not give an answer"))
    let missing = Exercise(question: "q", hint: "h", solution: "absent", answer: .rowCount)
    #expect(!check("3", missing, r).0)
  }

  // MARK: Rankings

  /// A sort by spend can put the lowest-CPL channel first by chance.
  @Test func theRightNameForTheWrongReasonIsNotRight() {
    let r = runner()
    let bySpend = "campaigns | agg c = sum(spend) by channel | sort c"
    r.results[bySpend] = Table(
      names: ["channel", "c"], columns: [Self.channels(["referral", "email"]), Self.numbers([1200, 9000])])
    let (ok, said) = check(bySpend, Self.lowest, r)
    #expect(!ok)
    #expect(said.contains("not what the question ranks by"), "\(said)")
    let byCPL = "campaigns | agg x = cpl() by channel | sort x"
    r.results[byCPL] = Table(
      names: ["channel", "x"], columns: [Self.channels(["referral", "email"]), Self.numbers([16.74, 23.91])])
    #expect(check(byCPL, Self.lowest, r).0)
    let namesOnly = "campaigns | agg cpl() by channel | sort cpl | select channel"
    r.results[namesOnly] = Table(names: ["channel"], columns: [Self.channels(["referral", "email"])])
    #expect(check(namesOnly, Self.lowest, r).1.contains("does not show what it ranks by"))
  }

  /// The same first row with every number the same, ranked by another
  /// column: the order below it gives it away.
  @Test func theRightFirstRowInTheWrongOrderIsNotRight() {
    let r = runner()
    let solution = "campaigns | agg cpl = cpl() by channel | sort cpl"
    r.results[solution] = Table(
      names: ["channel", "cpl", "leads"],
      columns: [
        Self.channels(["referral", "email", "events"]), Self.numbers([16.74, 23.91, 80]),
        Column.make(.int, [.int(900), .int(200), .int(500)]),
      ])
    let byLeads = "campaigns | agg cpl = cpl(), leads = count() by channel | sort leads desc"
    r.results[byLeads] = Table(
      names: ["channel", "cpl", "leads"],
      columns: [
        Self.channels(["referral", "events", "email"]), Self.numbers([16.74, 80, 23.91]),
        Column.make(.int, [.int(900), .int(500), .int(200)]),
      ])
    let (ok, said) = check(byLeads, Self.lowest, r)
    #expect(!ok)
    #expect(said.contains("another order"), "\(said)")
    #expect(check(solution, Self.lowest, r).0)
    // The top rows alone, or the name alone, are the same ranking.
    let top = "campaigns | agg cpl = cpl() by channel | sort cpl | take 1"
    r.results[top] = Table(names: ["channel", "cpl"], columns: [Self.channels(["referral"]), Self.numbers([16.74])])
    #expect(check(top, Self.lowest, r).0)
    let reversed = "campaigns | agg cpl = cpl() by channel | sort cpl desc"
    r.results[reversed] = Table(
      names: ["channel", "cpl"],
      columns: [Self.channels(["events", "email", "referral"]), Self.numbers([80, 23.91, 16.74])])
    #expect(check(reversed, Self.lowest, r).1.contains("the other way round"))
    // A row the solution does not have, among its rows: another set of rows.
    let among = "campaigns | agg cpl = cpl() by channel | sort cpl | among"
    r.results[among] = Table(
      names: ["channel", "cpl"],
      columns: [Self.channels(["referral", "direct", "email", "events"]), Self.numbers([16.74, 17, 23.91, 80])])
    #expect(check(among, Self.lowest, r).1.contains("rows the question leaves out (direct)"))
    // After all of them, it changes nothing in the ranking.
    let after = "campaigns | agg cpl = cpl() by channel | sort cpl | after"
    r.results[after] = Table(
      names: ["channel", "cpl"],
      columns: [Self.channels(["referral", "email", "events", "direct"]), Self.numbers([16.74, 23.91, 80, 90])])
    #expect(check(after, Self.lowest, r).0)
  }

  @Test func labelQueryReadsItsOrder() {
    let r = runner()
    let sortedWrong = "campaigns | agg roas() by channel | sort roas"
    r.results[sortedWrong] = Table(
      names: ["channel", "roas"], columns: [Self.channels(["email", "referral"]), Self.numbers([2, 9])])
    #expect(!check(sortedWrong, Self.best, r).0)
    #expect(check("campaigns | agg roas() by channel | sort roas desc", Self.best, r).0)
  }

  @Test func theSortColumnOfASolution() throws {
    let ascending = try #require(Ranking.sortKey(of: "campaigns | agg cpl() by channel | sort cpl"))
    #expect(ascending.column == "cpl" && !ascending.descending)
    let descending = try #require(Ranking.sortKey(of: "scorecard | sort revenue desc | take 3"))
    #expect(descending.column == "revenue" && descending.descending)
    #expect(Ranking.sortKey(of: "leads | funnel") == nil)
  }

  @Test func answerValuesAreReadWhereTheyAre() throws {
    let table = Table(
      names: ["step", "count"],
      columns: [Self.channels(["lead", "won"]), Column.make(.int, [.int(100), .int(4)])])
    #expect(
      try ExerciseAnswer.valueWhere(key: "step", equals: "won", column: "count").read(from: table).value == .int(4))
    #expect(try ExerciseAnswer.topLabel(column: "step").read(from: table).value == .string("lead"))
    #expect(try ExerciseAnswer.rowCount.read(from: table).value == .int(2))
    #expect(throws: LessonError.self) { try ExerciseAnswer.value(row: 5, column: "count").read(from: table) }
  }
}
