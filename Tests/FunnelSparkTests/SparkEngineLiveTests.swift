import Foundation
import FunnelData
import FunnelSQL
import Synchronization
import Testing

@testable import FunnelSpark

private let sparkURL = ProcessInfo.processInfo.environment["FUNNEL_SPARK_URL"]

/// Against a running Spark Connect server, only when FUNNEL_SPARK_URL names
/// one (`FUNNEL_SPARK_URL=sc://127.0.0.1:15099 swift test --filter FunnelSparkTests`).
@Suite(.serialized, .enabled(if: sparkURL != nil, "set FUNNEL_SPARK_URL=sc://HOST:PORT"))
struct SparkEngineLiveTests {
  func connect() throws -> SparkEngine { try SparkEngine(url: sparkURL ?? "") }

  /// Every row of a query, in one table.
  func all(_ spark: SparkEngine, _ query: SQLQuery) throws -> (names: [String], types: [DataType], rows: [[Value]]) {
    var names: [String] = []
    var types: [DataType] = []
    var rows: [[Value]] = []
    try spark.run(query) { table in
      names = table.names
      types = table.columns.map(\.type)
      for i in 0..<table.rowCount { rows.append(table.row(i)) }
      return true
    }
    return (names, types, rows)
  }

  @Test func everyTypeWithNulls() throws {
    let spark = try connect()
    defer { spark.close() }
    let result = try all(
      spark,
      SQLQuery(
        text: """
          SELECT * FROM VALUES
            (CAST(9000000000 AS BIGINT), 7, CAST(3 AS SMALLINT), 1.5D, CAST(2.5 AS FLOAT), CAST(-12.34 AS DECIMAL(12,2)),
             'ada', DATE '2026-03-01', TIMESTAMP '2026-03-01 10:20:30.5', TIMESTAMP_NTZ '1969-12-31 23:59:59', true, NULL),
            (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            AS t(b, i, s, d, f, m, t, dt, ts, tn, ok, n)
          """))
    #expect(result.names == ["b", "i", "s", "d", "f", "m", "t", "dt", "ts", "tn", "ok", "n"])
    #expect(
      result.types == [
        .int, .int, .int, .double, .double, .decimal(scale: 2), .string, .date, .timestamp, .timestamp, .bool, .string,
      ])
    let day = CivilDate(year: 2026, month: 3, day: 1).daysSinceEpoch
    #expect(
      result.rows.first == [
        .int(9_000_000_000), .int(7), .int(3), .double(1.5), .double(2.5), .decimal(-1234, scale: 2), .string("ada"),
        .date(day), .timestamp(Timestamps.make(day: day, hour: 10, minute: 20, second: 30, micros: 500_000)),
        .timestamp(-1_000_000), .bool(true), .null,
      ])
    #expect(result.rows.last == [Value](repeating: .null, count: 12))
  }

  @Test func parametersAreBoundByName() throws {
    let spark = try connect()
    defer { spark.close() }
    let query = SQLQuery(
      text: "SELECT :n + 1 AS n, :s AS s, :m * 2 AS m, :d AS d, :t AS t, :b AS b, :x IS NULL AS x_null",
      parameters: [
        SQLParameter(name: "n", value: .int(41), type: .int),
        SQLParameter(name: "s", value: .string("it's"), type: .string),
        SQLParameter(name: "m", value: .decimal(1050, scale: 2), type: .decimal(scale: 2)),
        SQLParameter(name: "d", value: .date(20_000), type: .date),
        SQLParameter(name: "t", value: .timestamp(1_500_000), type: .timestamp),
        SQLParameter(name: "b", value: .bool(false), type: .bool),
        SQLParameter(name: "x", value: .null, type: .decimal(scale: 2)),
      ])
    let result = try all(spark, query)
    #expect(
      result.rows == [
        [
          .int(42), .string("it's"), .decimal(2100, scale: 2), .date(20_000), .timestamp(1_500_000), .bool(false),
          .bool(true),
        ]
      ])
  }

  @Test func anEmptyResultKeepsItsColumns() throws {
    let spark = try connect()
    defer { spark.close() }
    let result = try all(spark, SQLQuery(text: "SELECT id, CAST(id AS STRING) AS s FROM range(10) WHERE id < 0"))
    #expect(result.names == ["id", "s"])
    #expect(result.types == [.int, .string])
    #expect(result.rows.isEmpty)
  }

  @Test func tablesListsViewsWithTheirTypes() throws {
    let spark = try connect()
    defer { spark.close() }
    try spark.execute(
      SQLQuery(
        text: """
          CREATE OR REPLACE TEMPORARY VIEW deals AS
          SELECT id, CAST(id * 10 AS DECIMAL(12,2)) AS amount, 'won' AS stage, DATE '2026-01-01' AS closed,
                 TIMESTAMP '2026-01-01 00:00:00' AS at, id > 1 AS big, array(1) AS tags
          FROM range(3)
          """))
    let deals = try #require(try spark.tables().first { $0.name == "deals" })
    // `tags`, an array, has no Funnel type and is left out.
    #expect(deals.columns == ["id", "amount", "stage", "closed", "at", "big"])
    #expect(deals.types == [.int, .decimal(scale: 2), .string, .date, .timestamp, .bool])
  }

  @Test func aLoadedCSVHasFunnelsTypes() throws {
    let spark = try connect()
    defer { spark.close() }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-spark-\(UUID().uuidString).csv")
      .path
    try """
    id,amount,day,at,won,owner
    1,12.50,2026-03-01,2026-03-01 10:00:00,true,ana
    2,7.25,2026-03-02,2026-03-02 11:30:00,false,
    """.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try spark.load(path: path, format: .csv, as: "leads_csv")
    let result = try all(spark, SQLQuery(text: "SELECT * FROM leads_csv ORDER BY id"))
    #expect(result.names == ["id", "amount", "day", "at", "won", "owner"])
    // Spark infers a double where Funnel infers decimal(2); `load(_:path:as:)`
    // hands Spark Funnel's own types instead.
    #expect(result.types == [.int, .double, .date, .timestamp, .bool, .string])
    let day = CivilDate(year: 2026, month: 3, day: 1).daysSinceEpoch
    #expect(
      result.rows.first == [
        .int(1), .double(12.5), .date(day),
        .timestamp(Timestamps.make(day: day, hour: 10, minute: 0, second: 0)),
        .bool(true), .string("ana"),
      ])
    #expect(result.rows.last?.last == .null)
  }

  @Test func aTableFunnelReadKeepsItsTypes() throws {
    let spark = try connect()
    defer { spark.close() }
    let day = CivilDate(year: 2026, month: 3, day: 1).daysSinceEpoch
    let at = Timestamps.make(day: day, hour: 10, minute: 20, second: 30, micros: 500_000)
    let table = Table(
      names: ["id", "amount", "day", "at", "won", "note"],
      columns: [
        Column.make(.int, [.int(1), .null]), Column.make(.decimal(scale: 2), [.decimal(1250, scale: 2), .null]),
        Column.make(.date, [.date(day), .null]), Column.make(.timestamp, [.timestamp(at), .null]),
        Column.make(.bool, [.bool(true), .null]), Column.make(.string, [.string("say \"hi\",\nthen go"), .string("")]),
      ])
    try spark.load(table, path: "leads.csv", as: "leads_copy")
    let result = try all(spark, SQLQuery(text: "SELECT * FROM leads_copy ORDER BY id NULLS LAST"))
    #expect(result.types == [.int, .decimal(scale: 2), .date, .timestamp, .bool, .string])
    #expect(result.rows == [table.row(0), table.row(1)])
  }

  @Test func aTableLoadedAgainUnderItsNameReadsItsNewRows() throws {
    let spark = try connect()
    defer { spark.close() }
    let name = "cached_\(UInt32.random(in: 0...UInt32.max))"
    func ids(_ values: [Int64]) -> Table {
      Table(names: ["id"], columns: [Column.make(.int, values.map { .int($0) })])
    }
    try spark.load(ids([1, 2]), path: "a.csv", as: name)
    #expect(try all(spark, SQLQuery(text: "SELECT sum(id) AS s FROM \(name)")).rows == [[.int(3)]])
    // Loaded again under the same name: the new rows, not the cached ones.
    try spark.load(ids([10, 20, 30]), path: "b.csv", as: name)
    #expect(try all(spark, SQLQuery(text: "SELECT sum(id) AS s FROM \(name)")).rows == [[.int(60)]])
  }

  @Test func serverErrorsReadAsSparkWroteThem() throws {
    let spark = try connect()
    defer { spark.close() }
    let error = #expect(throws: RemoteError.self) {
      try spark.run(SQLQuery(text: "SELECT * FROM no_such_table")) { _ in true }
    }
    #expect(error?.kind == .server)
    #expect(error?.message.hasPrefix("[TABLE_OR_VIEW_NOT_FOUND]") == true)
    #expect(error?.message.contains("UnresolvedRelation") == false)
    // The session goes on after an error.
    #expect(try all(spark, SQLQuery(text: "SELECT 1 AS one")).rows == [[.int(1)]])
  }

  @Test func aLongQueryStopsWithinSecondsOfCancel() throws {
    let spark = try connect()
    defer { spark.close() }
    let outcome = Mutex<RemoteError?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      do {
        try spark.run(SQLQuery(text: "SELECT count(*) FROM range(100000000000)")) { _ in true }
      } catch {
        outcome.withLock { $0 = error as? RemoteError }
      }
      done.signal()
    }
    Thread.sleep(forTimeInterval: 2)
    let asked = Date()
    spark.cancel()
    // Counting 10^11 rows takes hours: ending at all means the cancel worked
    // (how soon is printed, not judged).
    #expect(done.wait(timeout: .now() + 60) == .success)
    print("spark: cancelled after \(String(format: "%.2f", Date().timeIntervalSince(asked))) s")
    #expect(outcome.withLock { $0?.kind } == .cancelled)
    #expect(try all(spark, SQLQuery(text: "SELECT 2 AS two")).rows == [[.int(2)]])
  }

  @Test func stoppingEarlyEndsTheStatement() throws {
    let spark = try connect()
    defer { spark.close() }
    var batches = 0
    let start = Date()
    try spark.run(SQLQuery(text: "SELECT id FROM range(10000000)")) { _ in
      batches += 1
      return false
    }
    #expect(batches == 1)
    #expect(Date().timeIntervalSince(start) < 30)
  }

  @Test func unreachableServersAreConnectionErrors() {
    let error = #expect(throws: RemoteError.self) { try SparkEngine(url: "sc://127.0.0.1:1") }
    #expect(error?.kind == .connection)
  }

  /// A million rows of four types, timed (the time is printed, not checked).
  @Test func aMillionRows() throws {
    let spark = try connect()
    defer { spark.close() }
    let start = Date()
    var rows = 0
    try spark.run(
      SQLQuery(
        text:
          "SELECT id, id % 100 AS k, CAST(id % 1000 AS STRING) AS s, CAST(id AS DECIMAL(18,2)) AS m FROM range(1000000)"
      )
    ) { table in
      rows += table.rowCount
      return true
    }
    #expect(rows == 1_000_000)
    print("FunnelSpark: 1,000,000 rows in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
  }
}
