import FunnelData
import Testing

@testable import FunnelShell

/// The checker's verdicts as a student meets them: a rate typed without
/// `%`, rounding, units and fractions, and queries that put the right name
/// first for the wrong reason or hold the answer under another name.
struct CheckerVerdictTests {
  static let rate = Exercise(
    question: "Win rate?", hint: "h", solution: "deals | agg win_rate()", answer: .value(row: 0, column: "win_rate"))
  static let days = Exercise(
    question: "Median cycle?", hint: "h", solution: "deals | agg d = median_sales_cycle_days()",
    answer: .value(row: 0, column: "d"))
  static let money = Exercise(
    question: "Gap?", hint: "h", solution: "deals | agg gap = sum(amount)", answer: .value(row: 0, column: "gap"))
  static let lowest = Exercise(
    question: "Lowest CPL?", hint: "h", solution: "campaigns | agg cpl = cpl() by channel | sort cpl",
    answer: .topLabel(column: "channel"))
  static let acceptance = Exercise(
    question: "SQL acceptance?", hint: "h", solution: "leads | agg sql_acceptance_rate = mql_to_sql_rate()",
    answer: .value(row: 0, column: "sql_acceptance_rate"))

  func runner(rate: Double = 0.315) -> LessonFakeRunner {
    let r = LessonFakeRunner()
    r.results["deals | agg win_rate()"] = Table(
      names: ["win_rate"], columns: [Column.make(.double, [.double(rate)], hint: .rate)])
    r.results["deals | agg d = median_sales_cycle_days()"] = Table(
      names: ["d"], columns: [Column.make(.double, [.double(124.3)])])
    r.results["deals | agg gap = sum(amount)"] = Table(
      names: ["gap"], columns: [Column.make(.double, [.double(-495_874.2)])])
    r.results["campaigns | agg cpl = cpl() by channel | sort cpl"] = Table(
      names: ["channel", "cpl"],
      columns: [
        Column.make(.string, [.string("referral"), .string("email")]),
        Column.make(.double, [.double(16.74), .double(23.91)]),
      ])
    r.results["leads | agg sql_acceptance_rate = mql_to_sql_rate()"] = Table(
      names: ["sql_acceptance_rate"], columns: [Column.make(.double, [.double(3898.0 / 9453.0)], hint: .rate)])
    return r
  }

  func check(_ text: String, _ exercise: Exercise, _ r: LessonFakeRunner? = nil) -> (Bool, String) {
    let result = ExerciseCheck.check(text, exercise: exercise, runner: r ?? runner())
    return (result.correct, result.message)
  }

  /// 31.5%: 30 and 30% are both lower (30 reads as 30%), 33 is higher.
  @Test func aRateTypedWithoutPercentPointsTheRightWay() {
    let (ok30, said30) = check("30", Self.rate)
    #expect(!ok30)
    #expect(said30.contains("30 (read as 30%) is lower"), "\(said30)")
    #expect(check("30%", Self.rate).1.contains("lower"))
    #expect(check("33", Self.rate).1.contains("higher"))
  }

  @Test(arguments: ["31.5", "31.5%", "0.315", "31", "32", "32%", "0.32"])
  func roundingToWholePointsIsRight(answer: String) {
    let (ok, said) = check(answer, Self.rate)
    #expect(ok, "\(answer): \(said)")
  }

  @Test(arguments: ["0.3", "30%", "0"])
  func tooRoughOrWrongIsNotRight(answer: String) {
    #expect(!check(answer, Self.rate).0, "\(answer)")
  }

  @Test func aSmallRateRoundedToAWholePoint() {
    #expect(check("3%", Self.rate, runner(rate: 0.0285)).0)
    #expect(!check("0%", Self.rate, runner(rate: 0.0285)).0)
  }

  @Test func unitsFractionsAndRoundThousands() {
    #expect(check("124 days", Self.days).0)
    #expect(check("124.3 days", Self.days).0)
    #expect(!check("130 days", Self.days).0)
    #expect(check("-496,000", Self.money).0)
    #expect(check("-496k", Self.money).0)
    #expect(!check("-490,000", Self.money).0)
    // A division is exact: it must be the answer's own ratio.
    #expect(check("3898/9453", Self.acceptance).0)
    #expect(!check("3898/9000", Self.acceptance).0)
  }

  /// A sort by spend can put the lowest-CPL channel first by chance.
  @Test func theRightNameForTheWrongReasonIsNotRight() {
    let r = runner()
    let bySpend = "campaigns | agg c = sum(spend) by channel | sort c"
    r.results[bySpend] = Table(
      names: ["channel", "c"],
      columns: [
        Column.make(.string, [.string("referral"), .string("email")]),
        Column.make(.double, [.double(1200), .double(9000)]),
      ])
    let (ok, said) = check(bySpend, Self.lowest, r)
    #expect(!ok)
    #expect(said.contains("not what the question ranks by"), "\(said)")
    let byCPL = "campaigns | agg x = cpl() by channel | sort x"
    r.results[byCPL] = Table(
      names: ["channel", "x"],
      columns: [
        Column.make(.string, [.string("referral"), .string("email")]),
        Column.make(.double, [.double(16.74), .double(23.91)]),
      ])
    #expect(check(byCPL, Self.lowest, r).0)
  }

  /// The same first row with every number the same, ranked by another
  /// column: the order below it gives it away.
  @Test func theRightFirstRowInTheWrongOrderIsNotRight() {
    let r = runner()
    let solution = "campaigns | agg cpl = cpl() by channel | sort cpl"
    r.results[solution] = Table(
      names: ["channel", "cpl", "leads"],
      columns: [
        Column.make(.string, [.string("referral"), .string("email"), .string("events")]),
        Column.make(.double, [.double(16.74), .double(23.91), .double(80)]),
        Column.make(.int, [.int(900), .int(200), .int(500)]),
      ])
    let byLeads = "campaigns | agg cpl = cpl(), leads = count() by channel | sort leads desc"
    r.results[byLeads] = Table(
      names: ["channel", "cpl", "leads"],
      columns: [
        Column.make(.string, [.string("referral"), .string("events"), .string("email")]),
        Column.make(.double, [.double(16.74), .double(80), .double(23.91)]),
        Column.make(.int, [.int(900), .int(500), .int(200)]),
      ])
    let (ok, said) = check(byLeads, Self.lowest, r)
    #expect(!ok)
    #expect(said.contains("another order"), "\(said)")
    #expect(check(solution, Self.lowest, r).0)
  }

  /// A funnel's own columns hold the rate under their own names.
  @Test func theAnswerUnderAnotherNameIsRight() {
    let r = runner()
    let funnel = "leads | funnel steps mql, sql"
    r.results[funnel] = Table(
      names: ["step", "leads", "conversion"],
      columns: [
        Column.make(.string, [.string("mql"), .string("sql")]),
        Column.make(.int, [.int(9453), .int(3898)]),
        Column.make(.double, [.null, .double(3898.0 / 9453.0)], hint: .rate),
      ])
    let (ok, said) = check(funnel, Self.acceptance, r)
    #expect(ok, "\(said)")
  }
}
