import Foundation
import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Binding makes a logical plan from the catalog's schemas alone: it never
/// reads a row, and every verb's declared columns are those its run gives.
@Suite struct PlannerTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The statements of every example script, in order.
  static func exampleStatements() throws -> [Statement] {
    let folder = root.appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".funnel") }.sorted()
    #expect(names.count >= 8)
    var out = [Statement]()
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let parsed = Parser.parse(SourceText(name: name, text: text))
      #expect(parsed.diagnostics.isEmpty, "\(name) parses")
      out += parsed.statements
    }
    return out
  }

  /// The same datasets, but every text column's rows point past its
  /// dictionary: reading any of their values traps.
  static func trapping(_ catalog: Catalog) -> Catalog {
    let c = Catalog()
    c.today = catalog.today
    c.parameters = catalog.parameters
    c.scalars = catalog.scalars
    c.userMetrics = catalog.userMetrics
    for name in catalog.datasetNames {
      guard let t = catalog.dataset(name) else { continue }
      let columns = t.columns.map { col -> Column in
        guard case .string(let codes, _) = col.data, t.rowCount != 1 else { return col }
        let bad = [Int32](repeating: Int32.max, count: codes.count)
        return Column(.string(codes: bad, dictionary: StringDictionary(["x"])), validity: col.validity, hint: col.hint)
      }
      c.setDataset(name, Table(names: t.names, columns: columns))
    }
    return c
  }

  @Test func bindingEveryExampleReadsNoRow() throws {
    let catalog = DemoPipelineTests.catalog()
    var bound = 0
    for statement in try Self.exampleStatements() {
      if case .command(let name, let arguments, _) = statement.kind {
        // `.param default NAME VALUE` is the only command the examples need here.
        let words = arguments.split(separator: " ").map(String.init)
        if name.text == "param", words.count == 3, words[0] == "default", catalog.parameters[words[1]] == nil {
          catalog.parameters[words[1]] = words[2]
        }
        continue
      }
      // Bound against tables that trap when read; it would crash here if binding read data.
      let plan = try Planner.bind(statement, in: Self.trapping(catalog))
      bound += 1
      let prepared = try Engine.prepare(statement, in: catalog)
      let outcome = try Engine.run(prepared, in: catalog, cancellation: Cancellation())
      if case .table(let table, _) = outcome, let schema = plan.schema {
        // What the plan declared is what the run gave: names, types and display hints.
        #expect(table.names == schema.names)
        #expect(table.columns.map(\.type) == schema.types)
        #expect(table.columns.map(\.hint) == schema.hints, "\(table.names)")
      }
    }
    #expect(bound >= 20)
  }

  @Test func theBinderSeesSchemasOnly() {
    let catalog = DemoPipelineTests.catalog()
    catalog.setDataset("total", Table(names: ["n"], columns: [Column(.int([7]))]))
    let view = catalog.schemaView()
    for name in catalog.datasetNames {
      let t = view.dataset(name)
      #expect(t?.names == catalog.dataset(name)?.names)
      #expect(view.rowCount(of: name) == catalog.dataset(name)?.rowCount)
      // A one-cell dataset reads as a value (`count() / total`), so it keeps its row.
      #expect(t?.rowCount == (name == "total" ? 1 : 0))
    }
  }

  /// Each verb's declared columns against a run, over the forms the examples do not use.
  @Test(arguments: [
    "leads | funnel", "leads | funnel steps mql, won by region within 90d", "deals | funnel",
    "deals | funnel steps proposal, closed_won by owner", "leads | cohort month(created_at) by region",
    "leads | cohort quarter(created_at) by months", "deals | attribute linear", "deals | attribute compare",
    "deals | attribute time_decay(14d) by name, kind", "scorecard", "scorecard by name, channel",
    "deals | stage_durations", "deals | stage_durations by product, q = quarter(created_at)",
    "leads | stage_durations", "leads | stage_durations by channel, q = quarter(created_at)",
    "deals | forecast quarter(expected_close)", "deals | forecast month(expected_close) by owner, product",
    "deals | drop probability | forecast year(expected_close) by owner",
    "campaigns | pacing", "campaigns | pacing by channel, q = quarter(start_date)",
  ])
  func declaredColumnsAreTheRunsColumns(_ text: String) throws {
    let catalog = DemoPipelineTests.catalog()
    let prepared = try Engine.prepare(try EngineFixture.statement(text), in: catalog)
    guard case .table(let table, _) = try Engine.run(prepared, in: catalog, cancellation: Cancellation()) else {
      Issue.record("not a table")
      return
    }
    let schema = try #require(prepared.plan.schema)
    #expect(table.names == schema.names)
    #expect(table.columns.map(\.type) == schema.types)
    #expect(table.columns.map(\.hint) == schema.hints)
  }

  /// A verb's problems with the input's columns are found while binding, with the verb's span.
  @Test(arguments: [
    ("leads | drop stage, mql_at | funnel", "funnel needs stage or mql_at"),
    ("leads | derive stage = 1 | funnel", "the leads' stage must be text, not int"),
    ("leads | drop won_at | cohort month(created_at) by months", "cohort by months needs won_at"),
    ("deals | funnel within 30d", "funnel within needs the day each stage was reached"),
    ("deals | derive amount = \"x\" | attribute linear", "deals.amount must be a number, not text"),
    ("campaigns | stage_durations", "stage_durations needs deal_id"),
    ("leads | drop lost_at | stage_durations", "stage_durations needs lost_at"),
    ("leads | derive mql_at = 1 | stage_durations", "mql_at must be a date or a timestamp, not int"),
    ("leads | forecast quarter(created_at)", "forecast needs amount"),
    ("deals | forecast expected_close", "forecast needs a period such as quarter(expected_close), not date"),
    ("deals | derive probability = \"x\" | forecast quarter(expected_close)", "forecast needs probability to be"),
  ])
  func verbProblemsAreFoundWhileBinding(_ text: String, _ message: String) throws {
    do {
      _ = try Planner.bind(try EngineFixture.statement(text), in: DemoPipelineTests.catalog())
      Issue.record("\(text) bound")
    } catch let d as Diagnostic {
      #expect(d.message.hasPrefix(message), "\(d.message)")
      #expect(d.span != nil)
    }
  }
}

extension PlannerTests {
  /// Messages still tell a dataset's real size, though the binder sees no rows.
  @Test func aDatasetNamedAsAValueIsToldWithItsRows() throws {
    let catalog = DemoPipelineTests.catalog()
    let rows = try #require(catalog.dataset("leads")?.rowCount)
    do {
      _ = try Planner.bind(try EngineFixture.statement("deals | where amount > leads"), in: catalog)
      Issue.record("bound")
    } catch let d as Diagnostic {
      #expect(d.hints.contains { $0.contains("is a dataset of \(rows) rows") }, "\(d.hints)")
    }
  }
}
