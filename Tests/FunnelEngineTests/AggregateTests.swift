import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

@Suite struct AggregateTests {
  typealias F = EngineFixture

  /// One int column `x` (nil = null) and a text column `g`.
  static func catalog(_ xs: [Int64?], groups: [String]? = nil) -> Catalog {
    let c = F.catalog()
    var columns: [(String, DataType, [Value])] = [("x", .int, xs.map { $0.map(Value.int) ?? .null })]
    if let groups { columns.append(("g", .string, groups.map(F.text))) }
    c.setDataset("t", F.table(columns))
    return c
  }

  func one(_ agg: String, _ xs: [Int64?]) throws -> String {
    let t = try F.table("t | agg v = \(agg)", in: Self.catalog(xs))
    return F.texts(t, "v")[0]
  }

  @Test func medianOfOddAndEvenCounts() throws {
    #expect(try one("median(x)", [5, 1, 3]) == "3")
    #expect(try one("median(x)", [4, 1, 3, 10]) == "3.5")
    #expect(try one("median(x)", [nil, 2]) == "2")
    #expect(try one("median(x)", []) == "")
  }

  @Test func percentileInterpolatesLinearly() throws {
    #expect(try one("percentile(x, 0.5)", [1, 2, 3, 4]) == "2.5")
    #expect(try one("percentile(x, 0.9)", [10, 20, 30, 40, 50]) == "46")
    #expect(try one("percentile(x, 0)", [7, 3]) == "3")
    #expect(try one("percentile(x, 1)", [7, 3]) == "7")
  }

  @Test func stddevIsTheSampleStandardDeviation() throws {
    #expect(try one("stddev(x)", [2, 4, 4, 4, 5, 5, 7, 9]) == String(Double(32.0 / 7.0).squareRoot()))
    #expect(try one("stddev(x)", [3]) == "")
  }

  @Test func countsAndShares() throws {
    let xs: [Int64?] = [1, nil, 1, 2, nil]
    #expect(try one("count()", xs) == "5")
    #expect(try one("count(x)", xs) == "3")
    #expect(try one("count_distinct(x)", xs) == "2")
    #expect(try one("count_if(x == 1)", xs) == "2")
    #expect(try one("share(x == 1)", xs) == "0.4")
    #expect(try one("count()", []) == "0")
    #expect(try one("share(x > 0)", []) == "")
  }

  @Test func sumsAvgMinMaxSkipNulls() throws {
    let xs: [Int64?] = [4, nil, 1, 7]
    #expect(try one("sum(x)", xs) == "12")
    #expect(try one("avg(x)", xs) == "4")
    #expect(try one("min(x)", xs) == "1")
    #expect(try one("max(x)", xs) == "7")
    #expect(try one("sum(x)", [nil]) == "")
    // Exact past Int64 on the way; a total that does not fit is an error, not a null.
    #expect(try one("sum(x)", [Int64.max, 1, -1]) == String(Int64.max))
    #expect(throws: Diagnostic.self) { try one("sum(x)", [Int64.max, 1]) }
  }

  @Test func aggregatesCombineWithArithmetic() throws {
    #expect(try one("sum(x) / count()", [1, 2, 3, nil]) == "1.5")
    #expect(try one("count_if(x > 1) / count()", [1, 2, 3, 4]) == "0.75")
    #expect(try one("sum(if(x > 1, x, null))", [1, 2, 3]) == "5")
    #expect(try one("max(x) - min(x)", [5, 9, 2]) == "7")
  }

  @Test func moneyAggregatesStayExact() throws {
    let t = try F.table(
      "deals | agg s = sum(amount), a = avg(amount), lo = min(amount), first = min(created_at), last = max(owner)")
    #expect(F.rows(t) == ["2650.50|530.1|100.00|2026-01-05|cy"])
    #expect(t.column("s")?.type == .decimal(scale: 2))
    #expect(t.column("s")?.hint == .money)
  }

  /// An even count: the mean of the two middle dates (2026-02-01 and
  /// 2026-03-01), rounded down to a day, as DuckDB.
  @Test func medianOfDatesIsTheMeanOfTheMiddleTwo() throws {
    let t = try F.table("deals | agg m = median(created_at)")
    #expect(F.texts(t, "m") == ["2026-02-15"])
    let odd = try F.table("deals | where deal_id < 6 | agg m = median(created_at)")
    #expect(F.texts(odd, "m") == ["2026-02-01"])
  }

  @Test func groupedAggregatesPerKey() throws {
    let c = Self.catalog([1, 2, 3, 4, nil, 6], groups: ["b", "a", "b", "a", "b", "c"])
    let t = try F.table("t | agg n = count(), med = median(x), d = count_distinct(x), sd = stddev(x) by g", in: c)
    #expect(F.rows(t) == ["a|2|3|2|1.4142135623730951", "b|3|2|2|1.4142135623730951", "c|1|6|1|"])
  }

  @Test func userMetricsExpandWhereTheyAreUsed() throws {
    let c = F.catalog()
    guard case .definedMetric(let name) = try F.run(#"metric won = count_if(stage == "closed_won") / count()"#, in: c)
    else {
      Issue.record("not a metric")
      return
    }
    #expect(name == "won")
    let t = try F.table("deals | agg won() by product", in: c)
    #expect(t.names == ["product", "won"])
    #expect(F.rows(t) == ["addon|0.5", "core|0.5"])
  }

  @Test func letBindsDatasetsEagerly() throws {
    let c = F.catalog()
    guard
      case .boundDataset(let name, let rows, let columns) = try F.run(
        #"let won = deals | where stage == "closed_won""#, in: c)
    else {
      Issue.record("not a dataset")
      return
    }
    #expect(name == "won" && rows == 3 && columns == 8)
    #expect(try F.table("won | count", in: c).row(0) == [.int(3)])
    guard case .boundDataset = try F.run("let copy = deals", in: c) else {
      Issue.record("a dataset name binds a dataset")
      return
    }
  }
}
