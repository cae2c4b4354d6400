import Foundation
import FunnelData
import FunnelSQL
import Testing

@testable import FunnelPostgres

/// Against a real server (`FUNNEL_PG_URL`); one at a time, since the cancel
/// and early stop tests time what the server does.
@Suite(.serialized, .enabled(if: LiveServer.isSet, "set FUNNEL_PG_URL to run against a server"))
struct PostgresEngineLiveTests {
  @Test func everyTypeWithNulls() throws {
    try LiveServer.withEngine { engine in
      let table = try engine.all(
        """
        SELECT 1::smallint AS s, 2::integer AS i, 3::bigint AS b, 1.5::real AS r, 2.25::float8 AS d,
          1234.50::numeric(12, 2) AS n, 'a''b'::text AS t, 'x'::varchar(3) AS v, 'y'::char(2) AS c,
          DATE '2026-03-09' AS dt, TIMESTAMP '2026-03-09 12:34:56.5' AS ts,
          TIMESTAMPTZ '2026-03-09 12:00:00+00' AS tz, true AS bo, sum(x) AS total, avg(x) AS mean,
          '{"k": 1}'::jsonb AS j, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u
        FROM (VALUES (1.25::numeric(6, 2)), (2.50)) v(x)
        UNION ALL
        SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        """)
      #expect(
        table.columns.map(\.type) == [
          .int, .int, .int, .double, .double, .decimal(scale: 2), .string, .string, .string, .date, .timestamp,
          .timestamp, .bool, .decimal(scale: 2), .double, .string, .string,
        ])
      let day = CivilDate(year: 2026, month: 3, day: 9).daysSinceEpoch
      #expect(
        table.row(0) == [
          .int(1), .int(2), .int(3), .double(1.5), .double(2.25), .decimal(123_450, scale: 2), .string("a'b"),
          .string("x"), .string("y "), .date(day),
          .timestamp(Timestamps.make(day: day, hour: 12, minute: 34, second: 56, micros: 500_000)),
          .timestamp(Timestamps.make(day: day, hour: 12, minute: 0, second: 0)), .bool(true), .decimal(375, scale: 2),
          .double(1.875), .string(#"{"k": 1}"#), .string("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
        ])
      #expect(table.row(1).allSatisfy { $0.isNull })
    }
  }

  @Test func parametersRoundTrip() throws {
    try LiveServer.withEngine { engine in
      let day = CivilDate(year: 2026, month: 3, day: 9).daysSinceEpoch
      let values: [(Value, DataType)] = [
        (.int(-42), .int), (.double(0.1), .double), (.decimal(-123_456, scale: 3), .decimal(scale: 3)),
        (.date(day), .date),
        (.timestamp(Timestamps.make(day: day, hour: 1, minute: 2, second: 3, micros: 4)), .timestamp),
        (.bool(false), .bool), (.string("O'Brien said \"hi\"; DROP TABLE x; --"), .string),
        (.null, .int), (.null, .string), (.null, .date),
      ]
      let parameters = values.enumerated().map {
        SQLParameter(name: "p\($0.offset)", value: $0.element.0, type: $0.element.1)
      }
      let casts = [
        "bigint", "float8", "numeric(10, 3)", "date", "timestamp", "boolean", "text", "bigint", "text", "date",
      ]
      let select = casts.enumerated().map { "$\($0.offset + 1)::\($0.element) AS c\($0.offset)" }
      let table = try engine.all("SELECT " + select.joined(separator: ", "), parameters)
      #expect(table.row(0) == values.map(\.0))
      // Untyped placeholders take the parameter's type.
      let untyped = try engine.all("SELECT $1 AS a, $2 AS b", Array(parameters[6...7]))
      #expect(untyped.row(0) == [values[6].0, .null])
      #expect(untyped.columns.map(\.type) == [.string, .int])
    }
  }

  @Test func zeroRowsKeepTheirTypes() throws {
    try LiveServer.withEngine { engine in
      var batches: [Table] = []
      try engine.run(SQLQuery(text: "SELECT 1::int AS a, 'x'::text AS b, 1.5::numeric(4, 1) AS c WHERE false")) {
        batches.append($0)
        return true
      }
      #expect(batches.count == 1)
      #expect(batches.first?.names == ["a", "b", "c"])
      #expect(batches.first?.columns.map(\.type) == [.int, .string, .decimal(scale: 1)])
      #expect(batches.first?.rowCount == 0)
    }
  }

  @Test func bigResultStreamsInBatches() throws {
    try LiveServer.withEngine { engine in
      let rows = 200_000
      var batches = 0
      var seen = 0
      var idSum: Int64 = 0
      var amountUnits: Int64 = 0
      let start = Date()
      try engine.run(
        SQLQuery(
          text: """
            SELECT g AS id, (g * 0.01)::numeric(12, 2) AS amount, 'region ' || (g % 100) AS region,
              DATE '2026-01-01' + (g % 365) AS day
            FROM generate_series(1, \(rows)) g
            """)
      ) { batch in
        batches += 1
        seen += batch.rowCount
        #expect(batch.rowCount <= ResultReader.batchRows)
        if case .int(let ids) = batch.columns[0].data { idSum += ids.reduce(0, +) }
        if case .decimal(let units, _) = batch.columns[1].data { amountUnits += units.reduce(0, +) }
        return true
      }
      let seconds = Date().timeIntervalSince(start)
      #expect(seen == rows)
      #expect(batches == (rows + ResultReader.batchRows - 1) / ResultReader.batchRows)
      #expect(idSum == Int64(rows) * Int64(rows + 1) / 2)
      #expect(amountUnits == idSum)
      print("streamed \(rows) rows × 4 columns in \(batches) batches: \(String(format: "%.2f", seconds)) s")
    }
  }

  @Test func earlyStopCancelsTheRest() throws {
    try LiveServer.withEngine { engine in
      var batches = 0
      let start = Date()
      // Every row the server makes draws from a sequence, which no rollback
      // or cancel resets: its last value says how far the server got.
      try engine.execute(SQLQuery(text: "CREATE TEMPORARY SEQUENCE early_stop_rows"))
      // A join of two small series streams its 50M rows (one big series
      // would be materialized whole before the first row is sent).
      let query = SQLQuery(
        text:
          "SELECT nextval('early_stop_rows') AS n, md5(b.g::text) AS h FROM generate_series(1, 5000) a(g), generate_series(1, 10000) b(g)"
      )
      var firstBatch = start
      try engine.run(query) { _ in
        batches += 1
        firstBatch = Date()
        return false
      }
      let stopped = Date()
      #expect(batches == 1)
      // The connection is free again: the server stopped sending.
      let next = try engine.all("SELECT 42 AS answer")
      let seconds = Date().timeIntervalSince(start)
      #expect(next.row(0) == [.int(42)])
      // The server was cancelled, not drained: it made a small part of the
      // 50M rows (the rows in flight when the stop reached it).
      let made = try engine.all("SELECT last_value FROM early_stop_rows").row(0)
      guard case .int(let rowsMade) = made.first else {
        Issue.record("last_value read as \(made)")
        return
      }
      #expect(rowsMade >= Int64(ResultReader.batchRows))
      #expect(rowsMade < 25_000_000)
      let times = [firstBatch.timeIntervalSince(start), stopped.timeIntervalSince(firstBatch), seconds]
      print(
        "first batch of 50M rows after \(String(format: "%.2f", times[0])) s; stopped in \(String(format: "%.2f", times[1])) s;"
          + " next query answered after \(String(format: "%.2f", times[2])) s; the server made \(rowsMade) rows")
    }
  }

  @Test func cancelFromAnotherThread() throws {
    try LiveServer.withEngine { engine in
      engine.cancel()  // Nothing runs: nothing happens.
      let start = Date()
      DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { engine.cancel() }
      do throws(RemoteError) {
        try engine.execute(SQLQuery(text: "SELECT pg_sleep(10)"))
        Issue.record("pg_sleep(10) was not cancelled")
      } catch {
        #expect(error.kind == .cancelled)
        #expect(error.message == "cancelled")
      }
      let seconds = Date().timeIntervalSince(start)
      // Cancelled, not slept out (the time is printed, not judged: a loaded
      // machine or a sanitizer makes it slower).
      #expect(seconds < 9)
      print("pg_sleep(10) cancelled after \(String(format: "%.2f", seconds)) s (cancel sent at 0.3 s)")
      // The same during a run, and the connection still works after.
      DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { engine.cancel() }
      #expect(throws: RemoteError.self) {
        try engine.run(SQLQuery(text: "SELECT pg_sleep(10)")) { _ in true }
      }
      let after = try engine.all("SELECT 1 AS one")
      #expect(after.row(0) == [.int(1)])
    }
  }

  @Test func serverErrorsKeepTheServersWords() throws {
    try LiveServer.withEngine { engine in
      do throws(RemoteError) {
        try engine.execute(SQLQuery(text: "SELECT * FROM no_such_table"))
        Issue.record("no error")
      } catch {
        #expect(error.kind == .server)
        #expect(error.message == #"relation "no_such_table" does not exist"#)
      }
      do throws(RemoteError) {
        try engine.execute(SQLQuery(text: "SELECT no_such_function(1)"))
        Issue.record("no error")
      } catch {
        #expect(error.message == "function no_such_function(integer) does not exist")
        #expect(error.hint?.hasPrefix("No function matches the given name and argument types.") == true)
      }
      // A statement timeout has the cancel's code but was not asked for.
      try engine.execute(SQLQuery(text: "SET statement_timeout = 100"))
      do throws(RemoteError) {
        try engine.execute(SQLQuery(text: "SELECT pg_sleep(2)"))
      } catch {
        #expect(error.kind == .server)
        #expect(error.message == "canceling statement due to statement timeout")
      }
    }
  }

  @Test func catalogAndLoad() throws {
    try LiveServer.withEngine { engine in
      try engine.execute(SQLQuery(text: "CREATE SCHEMA IF NOT EXISTS funnel_test"))
      try engine.execute(SQLQuery(text: "DROP TABLE IF EXISTS funnel_test.deals CASCADE"))
      try engine.execute(
        SQLQuery(
          text: """
            CREATE TABLE funnel_test.deals (id integer, amount numeric(12, 2), stage varchar(20), closed date,
              won boolean, at timestamptz, ratio real, total numeric, span interval)
            """))
      try engine.execute(SQLQuery(text: "CREATE VIEW funnel_test.won AS SELECT id FROM funnel_test.deals WHERE won"))
    }
    try LiveServer.withEngine(query: "?schema=funnel_test") { engine in
      let tables = try engine.tables()
      #expect(tables.map(\.name) == ["deals", "won"])
      #expect(tables.first?.columns == ["id", "amount", "stage", "closed", "won", "at", "ratio", "total"])
      #expect(
        tables.first?.types == [.int, .decimal(scale: 2), .string, .date, .bool, .timestamp, .double, .double])

      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgload-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: directory) }
      let path = directory.appendingPathComponent("people.csv").path
      let csv = [
        "name,amount,closed,won",
        #""Acme, Inc",1200.50,2026-03-09,true"#,
        #""back\slash ""quoted""",-0.05,,false"#,
        ",3.00,2026-01-01,",
      ]
      try (csv.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
      try engine.load(TableReader.read(path: path), path: path, as: "people")
      let people = try engine.all("SELECT * FROM people")
      #expect(people.columns.map(\.type) == [.string, .decimal(scale: 2), .date, .bool])
      let day = CivilDate(year: 2026, month: 3, day: 9).daysSinceEpoch
      #expect(people.row(0) == [.string("Acme, Inc"), .decimal(120_050, scale: 2), .date(day), .bool(true)])
      #expect(people.row(1) == [.string("back\\slash \"quoted\""), .decimal(-5, scale: 2), .null, .bool(false)])
      #expect(people.row(2)[0] == .null)
      // The temporary table is listed first; loading again replaces it.
      #expect(try engine.tables().first?.name == "people")
      try engine.load(TableReader.read(path: path), path: path, as: "people")
      #expect(try engine.all("SELECT count(*) AS n FROM people").row(0) == [.int(3)])
    }
  }

  @Test func loadManyRowsThroughCopy() throws {
    try LiveServer.withEngine { engine in
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgcopy-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: directory) }
      let path = directory.appendingPathComponent("leads.tsv").path
      let rows = 50_000
      var text = "id\tsource\tscore\n"
      for i in 0..<rows { text += "\(i)\tsource \(i % 50)\t\(Double(i) / 8)\n" }
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let start = Date()
      try engine.load(TableReader.read(path: path), path: path, as: "leads")
      let seconds = Date().timeIntervalSince(start)
      let check = try engine.all("SELECT count(*) AS n, sum(id) AS ids, sum(score) AS scores FROM leads")
      #expect(check.row(0)[0] == .int(Int64(rows)))
      #expect(check.row(0)[1] == .decimal(Int64(rows) * Int64(rows - 1) / 2, scale: 0))
      print("loaded \(rows) rows × 3 columns with COPY in \(String(format: "%.2f", seconds)) s")
    }
  }
}
