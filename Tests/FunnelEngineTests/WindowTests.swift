import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Window functions through the engine, every value worked out by hand over
/// eight rows: partitions (a null key is a partition of its own), ties (kept
/// in input order), null sort keys (last either way), `desc`, no rows, one
/// row, a count past the partition's end, and overflow.
///
///     id  g     m     x     a      d
///     1   a     3     10    1.50   1.0
///     2   b     1     5     null   2.0
///     3   a     1     null  2.25   null
///     4   a     2     20    3.00   4.0
///     5   b     1     7     0.25   0.0
///     6   null  5     1     1.00   8.0
///     7   a     null  30    4.00   2.5
///     8   b     4     0     1.00   3.0
///
/// By g, sorted by m: a = rows 3, 4, 1, 7; b = rows 2, 5, 8 (2 and 5 tie); null = row 6.
@Suite struct WindowTests {
  typealias F = EngineFixture

  static var t: Table {
    F.table(
      [
        ("id", .int, (1...8).map { .int($0) }),
        ("g", .string, ["a", "b", "a", "a", "b", nil, "a", "b"].map(F.text)),
        ("m", .int, ints([3, 1, 1, 2, 1, 5, nil, 4])),
        ("x", .int, ints([10, 5, nil, 20, 7, 1, 30, 0])),
        ("a", .decimal(scale: 2), ["1.50", nil, "2.25", "3.00", "0.25", "1.00", "4.00", "1.00"].map(F.money)),
        ("d", .double, ([1.0, 2.0, nil, 4.0, 0.0, 8.0, 2.5, 3.0] as [Double?]).map { $0.map(Value.double) ?? .null }),
      ], hints: ["a": .money])
  }

  static func ints(_ values: [Int64?]) -> [Value] { values.map { $0.map(Value.int) ?? .null } }

  static func catalog() -> Catalog {
    let c = F.catalog()
    c.setDataset("t", t)
    return c
  }

  /// The column `y` of `t | derive y = <expression>`, as machine text ("" for null).
  static func derived(_ expression: String, before: String = "") throws -> [String] {
    let t = try F.table("t \(before)| derive y = \(expression)", in: catalog())
    return F.texts(t, "y")
  }

  @Test func outputKeepsTheInputRowsAndOrder() throws {
    let t = try F.table("t | derive r = row_number() over (by g sort m desc)", in: Self.catalog())
    #expect(F.texts(t, "id") == (1...8).map(String.init))
    #expect(t.names == ["id", "g", "m", "x", "a", "d", "r"])
  }

  @Test func lagAndLead() throws {
    #expect(try Self.derived("lag(x) over (by g sort m)") == ["20", "", "", "", "5", "", "10", "7"])
    #expect(try Self.derived("lag(x, 1) over (by g sort m)") == ["20", "", "", "", "5", "", "10", "7"])
    #expect(try Self.derived("lead(x, 2) over (by g sort m)") == ["", "0", "10", "30", "", "", "", ""])
    // Past the partition's end: null everywhere.
    #expect(try Self.derived("lag(x, 4) over (by g sort m)") == Array(repeating: "", count: 8))
    // `over ()`: the input's order, one partition.
    #expect(try Self.derived("lag(g) over ()") == ["", "a", "b", "a", "a", "b", "", "a"])
    #expect(try Self.derived("lead(a) over ()") == ["", "2.25", "3.00", "0.25", "1.00", "4.00", "1.00", ""])
    // The value keeps its type and hint.
    let t = try F.table("t | derive y = lag(a) over ()", in: Self.catalog())
    #expect(t.column("y")?.type == .decimal(scale: 2) && t.column("y")?.hint == .money)
  }

  @Test func rowNumberAndRank() throws {
    #expect(try Self.derived("row_number() over (by g sort m)") == ["3", "1", "1", "2", "2", "1", "4", "3"])
    #expect(try Self.derived("row_number() over ()") == (1...8).map(String.init))
    #expect(try Self.derived("rank() over (by g sort m)") == ["3", "1", "1", "2", "1", "1", "4", "3"])
    // Ties share a rank and leave a gap; the null sorts last.
    #expect(try Self.derived("rank() over (sort m)") == ["5", "1", "1", "4", "1", "7", "8", "6"])
    // Descending: nulls still last.
    #expect(try Self.derived("rank() over (sort m desc)") == ["3", "5", "5", "4", "5", "1", "8", "2"])
    // Two null keys tie with each other.
    #expect(
      try Self.derived("rank() over (sort m)", before: "| derive m = if(m >= 4, null, m) ")
        == ["5", "1", "1", "4", "1", "6", "6", "6"])
    // Several keys: ties only where all tie.
    #expect(try Self.derived("rank() over (sort g, m desc)") == ["1", "6", "3", "2", "6", "8", "4", "5"])
  }

  @Test func runningSumStaysExact() throws {
    #expect(try Self.derived("running_sum(x) over (by g sort m)") == ["30", "5", "", "20", "12", "1", "60", "12"])
    #expect(
      try Self.derived("running_sum(a) over (by g sort m)")
        == ["6.75", "", "2.25", "5.25", "0.25", "1.00", "10.75", "1.25"])
    let t = try F.table("t | derive y = running_sum(a) over (sort id)", in: Self.catalog())
    #expect(t.column("y")?.type == .decimal(scale: 2) && t.column("y")?.hint == .money)
    #expect(try Self.derived("running_sum(d) over ()") == ["1", "3", "3", "7", "7", "15", "17.5", "20.5"])
  }

  @Test func runningCount() throws {
    #expect(try Self.derived("running_count() over (sort m)") == ["5", "1", "2", "4", "3", "7", "8", "6"])
    #expect(try Self.derived("running_count(x) over (by g sort m)") == ["2", "1", "0", "1", "2", "1", "3", "3"])
  }

  @Test func movingAverageSkipsNulls() throws {
    #expect(try Self.derived("moving_avg(x, 2) over (by g sort m)") == ["15", "5", "", "20", "6", "1", "20", "3.5"])
    #expect(try Self.derived("moving_avg(d, 3) over ()") == ["1", "1.5", "1.5", "3", "2", "4", "3.5", "4.5"])
    // A window wider than the partition is the mean so far.
    #expect(try Self.derived("moving_avg(x, 100) over (by g sort m)") == ["15", "5", "", "20", "6", "1", "20", "4"])
    #expect(try Self.derived("moving_avg(a, 1) over ()") == ["1.5", "", "2.25", "3", "0.25", "1", "4", "1"])
    let t = try F.table("t | derive y = moving_avg(a, 3) over ()", in: Self.catalog())
    #expect(t.column("y")?.type == .double && t.column("y")?.hint == .money)
  }

  @Test func shareOfTotal() throws {
    let y = try Self.derived("pct_of_total(x) over (by g)")
    #expect(y == [String(10.0 / 60), String(5.0 / 12), "", String(20.0 / 60), String(7.0 / 12), "1", "0.5", "0"])
    // A total of 0 has no shares.
    #expect(try Self.derived("pct_of_total(x - x) over (by g)") == Array(repeating: "", count: 8))
    #expect(try Self.derived("pct_of_total(a) over ()").first == String(1.5 / 13))
    let t = try F.table("t | derive y = pct_of_total(a) over ()", in: Self.catalog())
    #expect(t.column("y")?.type == .double && t.column("y")?.hint == .rate)
  }

  @Test func changeAndPercentChange() throws {
    #expect(try Self.derived("change(x) over (by g sort m)") == ["-10", "", "", "", "2", "", "20", "-7"])
    #expect(try Self.derived("change(a) over ()") == ["", "", "", "0.75", "-2.75", "0.75", "3.00", "-3.00"])
    #expect(try Self.derived("pct_change(x) over (by g sort m)") == ["-0.5", "", "", "", "0.4", "", "2", "-1"])
    // After a 0: null, never inf.
    #expect(try Self.derived("pct_change(x) over (by g sort m desc)") == ["", "", "", "1", "0.4", "", "", ""])
    #expect(try Self.derived("pct_change(d) over ()") == ["", "1", "", "", "-1", "", String((2.5 - 8) / 8), "0.2"])
    // A change of a rate is in percentage points; a percent change is a rate.
    let t = try F.table(
      "t | agg r = share(x > 5), n = count() by g | derive c = change(r) over (), p = pct_change(n) over ()",
      in: Self.catalog())
    #expect(t.column("c")?.hint == .points && t.column("p")?.hint == .rate)
  }

  @Test func noRowsAndOneRow() throws {
    let all =
      "r = row_number() over (), k = rank() over (sort m), l = lag(x) over (by g sort m), "
      + "s = running_sum(a) over (sort m), v = moving_avg(x, 3) over (), p = pct_of_total(x) over (), "
      + "c = change(x) over (), q = pct_change(x) over (), n = running_count() over ()"
    let none = try F.table("t | where id > 100 | derive \(all)", in: Self.catalog())
    #expect(none.rowCount == 0 && none.names.count == 15)
    #expect(none.column("s")?.type == .decimal(scale: 2))
    let one = try F.table("t | where id == 6 | derive \(all)", in: Self.catalog())
    #expect(F.rows(one) == ["6||5|1|1.00|8|1|1||1.00|1|1|||1"])
  }

  @Test func laterItemsReadEarlierWindows() throws {
    // `c` reads `p`, a window's result: computed in a step of its own after `p`'s.
    let t = try F.table("t | derive p = lag(x) over (sort id), c = change(p) over (sort id)", in: Self.catalog())
    #expect(F.texts(t, "p") == ["", "10", "5", "", "20", "7", "1", "30"])
    #expect(F.texts(t, "c") == ["", "", "-5", "", "", "-13", "-6", "29"])
    // A window over a column derived just before it, and arithmetic around a window.
    #expect(
      try Self.derived("running_sum(y) over (sort id)", before: "| derive y = x * 2 ")
        == ["20", "30", "30", "70", "84", "86", "146", "146"])
    #expect(try Self.derived("x - lag(x) over (by g sort m)") == ["-10", "", "", "", "2", "", "20", "-7"])
    // Replacing a column in place.
    let u = try F.table("t | derive x = running_sum(x) over (sort id)", in: Self.catalog())
    #expect(F.texts(u, "x") == ["10", "15", "15", "35", "42", "43", "73", "73"])
    #expect(u.names == ["id", "g", "m", "x", "a", "d"])
  }

  @Test func thePlanShowsTheWindowSteps() throws {
    let prepared = try Engine.prepare(
      try F.statement("t | derive p = lag(x) over (sort id), c = change(p) over (sort id) | where c > 0"),
      in: Self.catalog())
    let text = prepared.plan.explain()
    #expect(text.contains("compute window functions lag(x) over (sort id) (the rows keep their order)"))
    #expect(text.contains("compute window functions change(p) over (sort id) (the rows keep their order)"))
    #expect(text.contains("compute p = lag(x) over (sort id)\n"))
  }

  @Test(arguments: [
    (
      "t | derive y = 1️⃣running_sum(x) over (sort id)",
      "overflow in `running_sum(x) over (sort id)`: the result leaves the range of int"
    ),
    (
      "t | derive y = 1️⃣change(x) over (sort id)",
      "overflow in `change(x) over (sort id)`: the result leaves the range of int"
    ),
  ])
  func overflowIsPositioned(source: String, message: String) throws {
    let marked = source.components(separatedBy: "1️⃣")
    let column = marked[0].unicodeScalars.count + 1
    // The sum passes the bottom of int at row 2; the change from row 2 to row 3 does not fit.
    let low: Int64 = -9_223_372_036_854_775_807
    let values: [Int64] = source.contains("running_sum") ? [low, -2, 9] : [low, low, -low]
    let c = F.catalog()
    c.setDataset("t", F.table([("id", .int, (1...3).map { .int($0) }), ("x", .int, values.map { .int($0) })]))
    do {
      _ = try F.run(marked.joined(), in: c)
      Issue.record("no overflow: \(source)")
    } catch let d as Diagnostic {
      #expect(d.message == message)
      #expect(d.span?.column == column)
      #expect(d.hints == ["int holds -9223372036854775808 to 9223372036854775807"])
    }
  }

  @Test func runningSumAtTheEdgeOfIntIsExact() throws {
    let c = F.catalog()
    c.setDataset("t", F.table([("x", .int, [.int(9_223_372_036_854_775_807), .int(-5), .int(5)])]))
    // The totals stay in range (the last one is int's largest again).
    #expect(
      F.texts(try F.table("t | derive y = running_sum(x) over ()", in: c), "y")
        == ["9223372036854775807", "9223372036854775802", "9223372036854775807"])
  }
}
