import FunnelData
import Testing

@testable import FunnelShell

/// `ExerciseCheck` against fixed tables: the expected answer always comes from
/// running the solution, so changing the table changes the answer.
@Suite struct LessonCheckTests {
  static let rateExercise = Exercise(
    question: "Win rate?", hint: "h", solution: "deals | agg win_rate()", answer: .value(row: 0, column: "win_rate"))
  static let labelExercise = Exercise(
    question: "Best channel?", hint: "h", solution: "campaigns | agg roas() by channel | sort roas desc",
    answer: .topLabel(column: "channel"))

  func runner(winRate: Double = 0.1248) -> LessonFakeRunner {
    let r = LessonFakeRunner()
    r.results["deals | agg win_rate()"] = Table(
      names: ["win_rate"], columns: [Column.make(.double, [.double(winRate)], hint: .rate)])
    r.results["campaigns | agg roas() by channel | sort roas desc"] = Table(
      names: ["channel", "roas"],
      columns: [
        Column.make(.string, [.string("referral"), .string("email")]), Column.make(.double, [.double(9), .double(2)]),
      ])
    return r
  }

  @Test(arguments: ["12.5%", "12.48%", "0.125", "0.1248", "12%", "12.5", " 12.5 % "])
  func rightNumberInAnyForm(answer: String) {
    let result = ExerciseCheck.check(answer, exercise: Self.rateExercise, runner: runner())
    #expect(result.correct, "\(answer): \(result.message)")
    #expect(result.message.hasPrefix("Right"))
  }

  @Test(arguments: ["15%", "0.2", "10%", "1,234", "0"])
  func wrongNumber(answer: String) {
    let result = ExerciseCheck.check(answer, exercise: Self.rateExercise, runner: runner())
    #expect(!result.correct, "\(answer) should be wrong")
  }

  @Test func wrongNumberSaysWhichWay() {
    #expect(ExerciseCheck.check("10%", exercise: Self.rateExercise, runner: runner()).message.contains("lower"))
    #expect(ExerciseCheck.check("20%", exercise: Self.rateExercise, runner: runner()).message.contains("higher"))
  }

  @Test func answerFollowsTheData() {
    // The same answer is right on one data set and wrong on another: nothing is hard-coded.
    #expect(ExerciseCheck.check("30%", exercise: Self.rateExercise, runner: runner(winRate: 0.3)).correct)
    #expect(!ExerciseCheck.check("30%", exercise: Self.rateExercise, runner: runner(winRate: 0.1248)).correct)
  }

  @Test func tooFewDigits() {
    let result = ExerciseCheck.check("0", exercise: Self.rateExercise, runner: runner(winRate: 0.3))
    #expect(!result.correct)
    #expect(result.message.contains("more digits"))
  }

  @Test(arguments: ["referral", "Referral", "REFERRAL", "\"referral\""])
  func rightLabelIgnoringCase(answer: String) {
    #expect(ExerciseCheck.check(answer, exercise: Self.labelExercise, runner: runner()).correct)
  }

  @Test func wrongLabel() {
    let result = ExerciseCheck.check("email", exercise: Self.labelExercise, runner: runner())
    #expect(!result.correct)
    #expect(result.message.contains("Not quite"))
  }

  @Test func equivalentQueryIsRight() {
    let r = runner()
    r.results["deals | agg rate = win_rate()"] = Table(
      names: ["rate"], columns: [Column.make(.double, [.double(0.1248)], hint: .rate)])
    let result = ExerciseCheck.check("deals | agg rate = win_rate()", exercise: Self.rateExercise, runner: r)
    #expect(result.correct, "\(result.message)")
    #expect(r.ran.contains("deals | agg rate = win_rate()"))
  }

  @Test func queryWithAnotherAnswerIsWrong() {
    let r = runner()
    r.results["deals | where owner == \"A\" | agg win_rate()"] = Table(
      names: ["win_rate"], columns: [Column.make(.double, [.double(0.5)], hint: .rate)])
    let result = ExerciseCheck.check(
      "deals | where owner == \"A\" | agg win_rate()", exercise: Self.rateExercise, runner: r)
    #expect(!result.correct)
    #expect(result.message.contains("50.0%") || result.message.contains("50%"))
  }

  @Test func labelQueryReadsItsFirstRow() {
    let r = runner()
    let sortedWrong = "campaigns | agg roas() by channel | sort roas"
    r.results[sortedWrong] = Table(
      names: ["channel", "roas"],
      columns: [
        Column.make(.string, [.string("email"), .string("referral")]), Column.make(.double, [.double(2), .double(9)]),
      ])
    #expect(!ExerciseCheck.check(sortedWrong, exercise: Self.labelExercise, runner: r).correct)
    #expect(
      ExerciseCheck.check("campaigns | agg roas() by channel | sort roas desc", exercise: Self.labelExercise, runner: r)
        .correct)
  }

  @Test func failingQueryOrSolutionIsNeverRight() {
    let r = runner()
    let bad = ExerciseCheck.check("deals | agg nothing()", exercise: Self.rateExercise, runner: r)
    #expect(!bad.correct)
    #expect(bad.message.contains("did not give an answer"))
    let missing = Exercise(question: "q", hint: "h", solution: "absent", answer: .rowCount)
    #expect(!ExerciseCheck.check("3", exercise: missing, runner: r).correct)
  }

  @Test func notANumber() {
    let result = ExerciseCheck.check("about half", exercise: Self.rateExercise, runner: runner())
    #expect(!result.correct)
    #expect(result.message.contains("does not read as a number"))
  }

  @Test(arguments: [
    ("12.5%", 0.125, 0.0005), ("0.125", 0.125, 0.0005), ("1,234", 1234, 0.5), ("$1,234.50", 1234.5, 0.005),
    ("48k", 48_000, 500), ("-3", -3, 0.5), ("1.2M", 1_200_000, 50_000),
  ])
  func typedNumbers(text: String, value: Double, tolerance: Double) throws {
    let n = try #require(TypedNumber(text))
    #expect(abs(n.value - value) < 1e-9)
    #expect(abs(n.tolerance - tolerance) < 1e-12)
  }

  @Test(arguments: ["", "abc", "1.2.3", "12%%", "$", "."])
  func notTypedNumbers(text: String) {
    #expect(TypedNumber(text) == nil)
  }

  @Test func answerValuesAreReadWhereTheyAre() throws {
    let table = Table(
      names: ["step", "count"],
      columns: [Column.make(.string, [.string("lead"), .string("won")]), Column.make(.int, [.int(100), .int(4)])])
    #expect(
      try ExerciseAnswer.valueWhere(key: "step", equals: "won", column: "count").read(from: table).value == .int(4))
    #expect(try ExerciseAnswer.topLabel(column: "step").read(from: table).value == .string("lead"))
    #expect(try ExerciseAnswer.rowCount.read(from: table).value == .int(2))
    #expect(throws: LessonError.self) { try ExerciseAnswer.value(row: 5, column: "count").read(from: table) }
  }
}
