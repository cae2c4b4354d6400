import Foundation
import FunnelData
import FunnelEngine
import FunnelSQL
import Testing

/// With FUNNEL_SQL_DUMP=DIR, compiles the statements of DIR/cases.json
/// (`{"data": folder of CSV files, "cases": [[name, statements], ...]}`, as
/// Tests/Differential/test_sql_duckdb.py writes it) for each dialect and
/// writes DIR/<n>.<dialect>.sql (or .error): how the SQL is checked against
/// real databases before `funnel --sql` exists. Without it, does nothing.
@Suite struct SQLDumpTests {
  @Test func dumpCases() throws {
    guard let dir = ProcessInfo.processInfo.environment["FUNNEL_SQL_DUMP"] else { return }
    let input = try Data(contentsOf: URL(fileURLWithPath: dir + "/cases.json"))
    guard let root = try JSONSerialization.jsonObject(with: input) as? [String: Any],
      let data = root["data"] as? String, let cases = root["cases"] as? [[String]]
    else {
      Issue.record("cases.json has no data and cases")
      return
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasSuffix(".csv") }
    var tables = [String: Table]()
    for f in files { tables[String(f.dropLast(4))] = try TableReader.read(path: data + "/" + f) }
    let parameters = root["parameters"] as? [String: String] ?? [:]
    for dialect in SQLDialect.allCases {
      for (n, c) in cases.enumerated() {
        let catalog = Catalog()
        for (name, t) in tables { catalog.setDataset(name, t) }
        catalog.today = Periods.parse("2026-07-01", unit: .day) ?? 0
        let path = dir + "/\(n).\(dialect.rawValue)"
        do {
          let statements = try SQLFixture.compile(c[1], dialect, in: catalog, parameters: parameters)
          try SQLFixture.script(statements).write(toFile: path + ".sql", atomically: true, encoding: .utf8)
        } catch let e as SQLCompileError {
          try e.message.write(toFile: path + ".error", atomically: true, encoding: .utf8)
        } catch {
          try "\(error)".write(toFile: path + ".error", atomically: true, encoding: .utf8)
        }
      }
    }
  }
}
