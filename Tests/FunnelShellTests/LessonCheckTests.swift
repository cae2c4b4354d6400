import Foundation
import FunnelData
import FunnelRender
import Synchronization
import Testing

@testable import FunnelShell

/// Every exercise of every lesson, checked on the demo data the lesson tests
/// use (4,000 leads, the default seed). Its answer typed three ways, the
/// solution, and queries written differently are right; a number below and
/// above (saying which way, and roughly how far), a number of the wrong kind,
/// another method and a wrong sort are not. Typed answers are made from the
/// answer the solution computes: no number the data decides is written here.
@Suite struct LessonCheckTests {
  static let runner = Mutex(LessonEngineRunner())

  /// What is written by hand for one exercise.
  struct Case: Sendable {
    /// Queries that answer it, written otherwise than the solution.
    var equivalent: [String]
    /// For a share: a query whose one row holds its numerator and denominator, in that order.
    var fraction: String? = nil
    /// Wrong queries, each with words its message must use.
    var wrong: [(query: String, says: String)]
    /// For a ranking: another method whose first row is the answer too.
    var sameFirstRow: String? = nil
  }

  static let won = "deals | where stage == \"closed_won\""
  static let quarters = "compare quarter(closed_at) \"2026-Q1\" vs \"2026-Q2\""
  static let q3 = "deals | forecast quarter(expected_close) by owner | where period == \"2026-Q3\""
  static let regions = "leads | compare region \"North America\" vs \"LATAM\" on mql_rate()"
  static let lostMQLs = "leads | where mql_at != null and channel != null"
  static let wonLeads =
    "leads | where won_at != null | agg won = count(), days = median(won_at - created_at) by channel"
  static let sales = "[\"sales_call\", \"sales_email\", \"demo\"]"

  static let cases: [String: Case] = [
    "1.1": Case(
      equivalent: [
        "leads | agg share(won_at != null)", "leads | funnel | where step == \"won\" | select overall_conversion",
      ],
      fraction: "leads | agg won = count_if(won_at != null), all = count()",
      wrong: [
        ("leads | funnel | where step == \"won\" | select step_conversion", "higher"),
        ("leads | where won_at != null | count", "a count"),
      ]),
    "1.2": Case(
      equivalent: ["leads | where sql_at != null | count", "leads | funnel | where step == \"sql\" | select count"],
      wrong: [
        ("leads | where stage == \"sql\" | count", "lower"),
        ("leads | funnel | where step == \"opportunity\"", "lower"),
        ("leads | agg share(sql_at != null)", "but the answer is a count"),
      ]),
    "1.3": Case(
      equivalent: [
        "leads | agg n = count() by channel | sort n desc | take 3",
        "leads | count by channel | sort count desc | take 1 | select channel",
      ],
      wrong: [("leads | count by channel | sort count", "the other way round")],
      sameFirstRow: "leads | where mql_at != null | count by channel | sort count desc"),
    "2.1": Case(
      equivalent: [
        "leads | where won_at != null | derive d = won_at - created_at | agg median(d)",
        "leads | where stage == \"won\" | agg days = median(won_at - created_at)",
      ],
      wrong: [("leads | where won_at != null | agg days = avg(won_at - created_at)", "days higher")]),
    "2.2": Case(
      equivalent: ["touches | agg share(kind == \"sales_call\" or kind == \"sales_email\" or kind == \"demo\")"],
      fraction: "touches | agg n = count_if(kind in \(sales)), all = count()",
      wrong: [
        ("touches | agg share(kind in [\"sales_call\", \"sales_email\"])", "lower"),
        ("touches | where kind in \(sales) | count", "a count"),
      ]),
    "3.1": Case(
      equivalent: [
        "scorecard | sort cpl | select channel, cpl", "campaigns | agg cost = cpl() by channel | sort cost | take 3",
      ],
      wrong: [
        ("campaigns | agg cpl() by channel | sort cpl desc", "the other way round"),
        ("campaigns | agg c = sum(spend) by channel | sort c", "not what the question ranks by"),
      ],
      sameFirstRow: "scorecard | sort roas desc"),
    "3.2": Case(
      equivalent: ["campaigns | agg return_on_spend = roas()", "scorecard | agg r = sum(revenue) / sum(spend)"],
      wrong: [
        ("campaigns | agg roas() by channel | sort roas desc | take 1 | select roas", "times it"),
        ("scorecard | where channel == \"email\" | select roas", "lower"),
      ]),
    "3.3": Case(
      equivalent: [
        "scorecard | sort ctr desc | select channel, ctr",
        "campaigns | agg rate = sum(clicks) / sum(impressions) by channel | sort rate desc",
      ],
      wrong: [("campaigns | agg ctr() by channel | sort ctr", "which is not the answer")],
      sameFirstRow: "campaigns | agg s = sum(spend) by channel | sort s desc"),
    "4.1": Case(
      equivalent: [
        "deals | agg won = count_if(stage == \"closed_won\"), lost = count_if(stage == \"closed_lost\") "
          + "| derive rate = won / (won + lost) | select rate"
      ],
      fraction:
        "deals | agg won = count_if(stage == \"closed_won\"), closed = count_if(stage in [\"closed_won\", \"closed_lost\"])",
      wrong: [("deals | agg share(stage == \"closed_won\")", "lower"), ("\(won) | count", "a count")]),
    "4.2": Case(
      equivalent: [
        "deals | where stage not in [\"closed_won\", \"closed_lost\"] | agg open = sum(amount) by owner | sort open desc"
      ],
      wrong: [("deals | agg pipeline_value() by owner | sort pipeline_value", "the other way round")],
      sameFirstRow: "deals | agg total = sum(amount) by owner | sort total desc"),
    "4.3": Case(
      equivalent: [
        "deals | where product == \"Enterprise\" and stage == \"closed_won\" | agg median(closed_at - created_at)"
      ],
      wrong: [("deals | agg median_sales_cycle_days()", "days lower")]),
    "5.1": Case(
      equivalent: [
        "\(won) | attribute compare by channel | sort first_touch desc | select channel, first_touch",
        "\(won) | attribute first_touch by channel | sort revenue desc | take 1 | select channel",
      ],
      wrong: [("\(won) | attribute first_touch by channel | sort revenue", "which is not the answer")],
      sameFirstRow: "\(won) | attribute last_touch by channel | sort revenue desc"),
    "5.2": Case(
      equivalent: [
        "\(won) | attribute compare by channel | derive loss = first_touch - last_touch | sort loss | select channel, loss",
        "\(won) | attribute compare by channel | derive gain = last_touch - first_touch | sort gain desc | take 1 "
          + "| select channel",
      ],
      wrong: [
        ("\(won) | attribute compare by channel | derive gain = last_touch - first_touch | sort gain", "not the answer")
      ],
      sameFirstRow: "\(won) | attribute compare by channel | derive gain = time_decay - first_touch | sort gain desc"),
    "6.1": Case(
      equivalent: [
        "leads | where stage == \"won\" | agg n = count(), d = median(won_at - created_at) by channel | where n >= 10 "
          + "| sort d desc",
        "\(wonLeads) | where won >= 10 | sort days desc | take 1 | select channel",
      ],
      wrong: [
        ("\(wonLeads) | sort days desc", "rows the question leaves out"),
        ("\(wonLeads) | where won >= 20 | sort days desc", "leaves out rows"),
      ],
      sameFirstRow: "\(wonLeads) | where won >= 10 | sort won desc"),
    "6.2": Case(
      equivalent: [
        "leads | derive m = month(created_at) | agg share(won_at != null) by m | sort m | take 1",
        "leads | cohort month(created_at) | sort cohort desc",
      ],
      fraction:
        "leads | derive m = month(created_at) | agg won = count_if(won_at != null), all = count() by m | sort m "
        + "| take 1 | select won, all",
      wrong: [
        ("leads | cohort month(created_at) | take 1 | select opportunity", "higher"),
        ("leads | cohort quarter(created_at)", "could not find the answer"),
      ]),
    "7.1": Case(
      equivalent: ["\(won) | \(quarters) on sum(amount) | select change"],
      wrong: [
        ("deals | \(quarters) on revenue = sum(amount)", "it is negative, and the answer is positive"),
        ("\(won) | compare quarter(closed_at) \"2026-Q2\" vs \"2026-Q1\" on revenue = sum(amount)", "lower"),
      ]),
    "7.2": Case(
      equivalent: ["leads | compare quarter(created_at) \"2026-Q1\" vs \"2026-Q2\" on n = count() | select change_pct"],
      fraction:
        "leads | compare quarter(created_at) \"2026-Q1\" vs \"2026-Q2\" on leads = count() | select change, `2026-Q1`",
      wrong: [
        ("leads | compare quarter(mql_at) \"2026-Q1\" vs \"2026-Q2\" on leads = count()", "higher"),
        (
          "leads | compare quarter(created_at) \"2026-Q1\" vs \"2026-Q2\" on leads = count() | select change", "a count"
        ),
      ]),
    "8.1": Case(
      equivalent: ["leads | funnel steps mql, sql", "leads | agg sql_acceptance_rate()"],
      fraction: "leads | agg sql = count_if(sql_at != null), mql = count_if(mql_at != null)",
      wrong: [("leads | agg share(sql_at != null)", "lower"), ("leads | where sql_at != null | count", "a count")]),
    "8.2": Case(
      equivalent: [
        "\(lostMQLs) | agg r = share(stage == \"lost\" and sql_at == null) by channel | sort r desc | take 3",
        // The row for no channel is no channel's: it is left aside.
        "leads | where mql_at != null | agg rejected_share = share(stage == \"lost\" and sql_at == null) by channel "
          + "| sort rejected_share desc",
      ],
      wrong: [
        (
          "\(lostMQLs) | agg rejected_share = share(stage == \"lost\" and sql_at == null) by channel "
            + "| sort rejected_share", "the other way round"
        ),
        (
          "\(lostMQLs) | agg r = share(stage == \"lost\" and sql_at == null), n = count() by channel | where n >= 50 "
            + "| sort r desc", "leaves out rows"
        ),
      ],
      sameFirstRow: "\(lostMQLs) and stage == \"lost\" | agg r = share(sql_at == null) by channel | sort r desc"),
    "8.3": Case(
      equivalent: ["scorecard | sort revenue desc | select channel, revenue | take 3"],
      wrong: [
        ("scorecard | sort win_rate desc", "not the answer"), ("scorecard | sort revenue", "the other way round"),
      ],
      sameFirstRow: "scorecard | sort roas desc"),
    "9.1": Case(
      equivalent: [
        "deals | forecast quarter(expected_close) | where period == \"2026-Q3\" | select weighted",
        "deals | forecast quarter(expected_close)",
      ],
      wrong: [
        ("deals | forecast quarter(expected_close) | where period == \"2026-Q3\" | select commit", "lower"),
        (q3, "rows for period 2026-Q3"),
      ]),
    "9.2": Case(
      equivalent: ["\(q3) | sort coverage | take 1 | select owner", "\(q3) | select owner, coverage | sort coverage"],
      wrong: [("\(q3) | sort coverage desc", "the other way round")],
      sameFirstRow: "\(q3) | sort weighted"),
    "9.3": Case(
      equivalent: ["deals | stage_durations | select stage, median_days | sort median_days desc"],
      wrong: [("deals | stage_durations | sort median_days", "the other way round")],
      sameFirstRow: "deals | stage_durations | sort mean_days desc"),
    "10.1": Case(
      equivalent: ["deals | \(quarters) on win_rate() | select p_value"],
      wrong: [
        ("deals | compare quarter(created_at) \"2026-Q1\" vs \"2026-Q2\" on win_rate() | select p_value", "higher"),
        ("deals | \(quarters) on win_rate() | select statistic", "lower"),
      ]),
    "10.2": Case(
      equivalent: ["deals | \(quarters) on win_rate() by product | sort p_value | select product, p_value"],
      wrong: [("deals | \(quarters) on win_rate() by product | sort p_value desc", "the other way round")],
      sameFirstRow: "deals | \(quarters) on win_rate() by product | sort change"),
    "10.3": Case(
      equivalent: ["\(regions) | select ci_high"],
      wrong: [("\(regions) | select ci_low", "lower"), ("\(regions) | select change", "points lower")]),
  ]

  static let ids = Lessons.all.flatMap { lesson in lesson.exercises.indices.map { "\(lesson.number).\($0 + 1)" } }

  static func exercise(_ id: String) throws -> Exercise {
    let parts = id.split(separator: ".").compactMap { Int($0) }
    let template = try #require(Lessons.numbered(parts[0]))
    // Its $quarter, $product and $region written in, as the student sees it on this data.
    let lesson = try runner.withLock { try LessonParameters.resolve(template, runner: $0).0 }
    return lesson.exercises[parts[1] - 1]
  }

  func check(_ text: String, _ exercise: Exercise) -> (correct: Bool, message: String) {
    Self.runner.withLock { ExerciseCheck.check(text, exercise: exercise, runner: $0) }
  }

  func expected(_ exercise: Exercise) throws -> ExpectedAnswer {
    try Self.runner.withLock { try ExpectedAnswer(exercise: exercise, solved: $0.lessonResult(of: exercise.solution)) }
  }

  /// The numerator and denominator a share's fraction query gives.
  func fraction(_ c: Case) throws -> (Double, Double)? {
    guard let query = c.fraction else { return nil }
    let table = try Self.runner.withLock { try $0.lessonResult(of: query) }
    let numbers = table.columns.compactMap { $0.value(at: 0).doubleValue }
    try #require(table.rowCount == 1 && numbers.count == 2, "\(query)")
    return (numbers[0], numbers[1])
  }

  /// Verdicts students once met wrongly: a rate typed without `%` below the
  /// answer is lower, and a whole point off by a little is close, the right way.
  @Test func aWinRateTypedRoughly() throws {
    let exercise = try Self.exercise("4.1")
    let rate = try #require(try expected(exercise).answer.number)
    let below = TypedAnswers.fixed((rate * 100).rounded(.down) - 1, 0)
    let (ok, said) = check(below, exercise)
    #expect(!ok && said.contains("(read as \(below)%) is about") && said.contains("points lower"), "\(said)")
    let rounded = (rate * 100).rounded()
    let other = TypedAnswers.fixed(rate * 100 > rounded ? rounded + 1 : rounded - 1, 0)
    let (near, close) = check(other, exercise)
    #expect(!near && close.hasPrefix("Close"), "\(other): \(close)")
    #expect(close.contains(Double(other).map { $0 / 100 < rate ? "lower" : "higher" } ?? "?"), "\(close)")
    #expect(check(TypedAnswers.fixed(rounded, 0), exercise).correct)
  }

  @Test func everyExerciseHasItsCase() {
    #expect(Self.ids.count == Lessons.all.map(\.exercises.count).reduce(0, +))
    for id in Self.ids { #expect(Self.cases[id] != nil, "exercise \(id) has no case") }
    #expect(Set(Self.cases.keys) == Set(Self.ids))
  }

  @Test(arguments: ids)
  func rightAnswers(id: String) throws {
    let exercise = try Self.exercise(id)
    let c = try #require(Self.cases[id])
    let answer = try expected(exercise)
    let typed = TypedAnswers.right(answer, fraction: try fraction(c))
    #expect(typed.count >= 2, "\(id)")
    for text in typed + [exercise.solution] + c.equivalent {
      let (ok, said) = check(text, exercise)
      #expect(ok && said.hasPrefix("Right"), "\(id): \(text): \(said)")
    }
  }

  @Test(arguments: ids)
  func wrongAnswers(id: String) throws {
    let exercise = try Self.exercise(id)
    let c = try #require(Self.cases[id])
    let answer = try expected(exercise)
    let shown = NumberFormat.display(answer.answer.value, hint: answer.answer.hint)
    func refused(_ text: String, saying words: String) {
      let (ok, said) = check(text, exercise)
      #expect(!ok, "\(id): \(text) should be wrong: \(said)")
      #expect(said.contains(words), "\(id): \(text): '\(words)' not in: \(said)")
      // A typed answer that is wrong is never told the right one (a query's
      // message shows its own result, which may be the answer negated).
      if answer.answer.number != nil, !ExerciseCheck.looksLikeQuery(text), shown.contains(".") || shown.contains("%") {
        #expect(!said.contains(shown), "\(id): \(text) gives the answer away: \(said)")
      }
    }
    if let number = answer.answer.number {
      for factor in [0.8, 1.25] {
        let text = TypedAnswers.off(answer, by: factor)
        let typed = try #require(TypedNumber(text)).value
        let reading = answer.kind.isPercentLike && !text.hasSuffix("%") ? typed / 100 : typed
        let direction = reading < number ? "lower" : "higher"
        refused(text, saying: direction)
        let said = check(text, exercise).message
        #expect(
          TypedAnswers.gapIsRoughlyRight(said, got: reading, expected: number, kind: answer.kind),
          "\(id): \(text): \(said)")
      }
      if let (text, words) = TypedAnswers.ofAnotherKind(answer, fraction: try fraction(c)) {
        refused(text, saying: words)
      }
    } else {
      // Another row's name, and a number for a name.
      let names = try #require(answer.solved.column(answer.ranking?.label ?? ""))
      let other = (0..<names.count).map { names.value(at: $0).rawText }.first {
        !answer.acceptedLabels.contains($0) && !$0.isEmpty
      }
      refused(try #require(other), saying: "not the answer")
      refused("12", saying: "not a number")
    }
    for (query, words) in c.wrong { refused(query, saying: words) }
    if let query = c.sameFirstRow {
      // The premise: this other method does put the answer first on this data.
      let table = try Self.runner.withLock { try $0.lessonResult(of: query) }
      let label = try #require(answer.ranking?.label)
      #expect(table.column(label)?.value(at: 0).rawText == answer.answer.value.rawText, "\(id): \(query)")
      refused(query, saying: "first, but")
    }
    #expect(answer.ranking == nil || c.sameFirstRow != nil, "\(id): a ranking needs another method with its first row")
  }
}

/// Answers typed the way a student would, made from the solution's answer.
enum TypedAnswers {
  static func fixed(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }
  static func grouped(_ v: Double) -> String { NumberFormat.display(.int(Int64(v.rounded())), hint: .plain) }
  static func significant(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)g", v) }

  /// `$244.3k`, `-$1.80M`.
  static func short(_ v: Double) -> String {
    let sign = v < 0 ? "-" : ""
    if abs(v) >= 1e6 { return sign + "$" + fixed(abs(v) / 1e6, 2) + "M" }
    return sign + "$" + fixed(abs(v) / 1e3, 1) + "k"
  }

  /// The right answer, three ways or more: rounded as typed, with a unit or
  /// as a fraction, and as a division of the share's own counts.
  static func right(_ expected: ExpectedAnswer, fraction: (Double, Double)?) -> [String] {
    guard let v = expected.answer.number else {
      let name = expected.answer.value.rawText
      return [name, name.uppercased(), "\"\(name)\""]
    }
    switch expected.kind {
    case .percentage:
      var forms = [fixed(v * 100, 1) + "%", significant(v, 4)]
      if abs(v) <= 1 { forms.append(fixed(v * 100, 1)) }
      if let (top, bottom) = fraction { forms.append("\(grouped(top))/\(grouped(bottom))") }
      return forms
    case .points: return [fixed(v * 100, 1), fixed(v * 100, 1) + " pp", significant(v, 4)]
    case .count: return [grouped(v), grouped(v) + " leads", String(v)]
    case .money: return [grouped(v), short(v), String(v)]
    case .days: return [grouped(v), grouped(v) + " days", String(v)]
    case .number: return [significant(v, 3), significant(v, 2), fixed(v * 100, 1) + "%"]
    }
  }

  /// The answer times `factor`, typed as the first right form is.
  static func off(_ expected: ExpectedAnswer, by factor: Double) -> String {
    let v = (expected.answer.number ?? 0) * factor
    switch expected.kind {
    case .percentage: return fixed(v * 100, 1) + "%"
    case .points: return fixed(v * 100, 1) + " pp"
    case .count, .money, .days: return grouped(v)
    case .number: return significant(v, 3)
    }
  }

  /// A number of another kind than the answer, with the words its message
  /// must use: a count for a share, a percentage for a count, an amount or days.
  static func ofAnotherKind(_ expected: ExpectedAnswer, fraction: (Double, Double)?) -> (String, String)? {
    switch expected.kind {
    case .percentage:
      guard let (top, bottom) = fraction else { return nil }
      return (grouped(top > 100 ? top : bottom), "reads as a count")
    case .count, .money, .days:
      // A rate on the answer's own row where there is one (the funnel's conversion).
      let rate = expected.solved.columns.first { $0.hint == .rate }?.value(at: expected.row).doubleValue
      return (fixed((rate ?? 0.125) * 100, 1) + "%", "not a percentage")
    case .points, .number:
      return nil
    }
  }

  /// Whether "about N …" in `message` is within a factor of 1.6 of the real
  /// gap: in points for a share, in days for days, in percent otherwise.
  static func gapIsRoughlyRight(_ message: String, got: Double, expected: Double, kind: AnswerKind) -> Bool {
    guard let about = message.range(of: "about ") else { return false }
    let rest = message[about.upperBound...]
    guard let said = Double(rest.prefix { $0.isNumber || $0 == "." }) else { return false }
    let real: Double
    switch kind {
    case .percentage, .points: real = abs(got - expected) * 100
    case .days: real = abs(got - expected)
    case .count, .money, .number: real = abs(got - expected) / abs(expected) * 100
    }
    return said >= real / 1.6 && said <= real * 1.6
  }
}
