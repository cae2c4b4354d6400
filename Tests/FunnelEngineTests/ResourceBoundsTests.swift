import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Statements as large as generated ones get: `in` lists of 25,000 and
/// 100,000 values, pipelines of thousands of stages, `case` of 100,000
/// branches. Each runs within its stack and memory, or is refused with a
/// positioned error. The statements are built here rather than kept as files.
@Suite struct ResourceBoundsTests {
  /// `t`: `id` 0..<rows and `name` "n<id>".
  static func catalog(rows: Int) -> Catalog {
    let c = Catalog()
    c.setDataset(
      "t",
      Table(
        names: ["id", "name"],
        columns: [
          Column.make(.int, (0..<rows).map { .int(Int64($0)) }),
          Column.make(.string, (0..<rows).map { .string("n\($0)") }),
        ]))
    return c
  }

  static func count(_ text: String, in catalog: Catalog) throws -> Value {
    let t = try EngineFixture.table(text, in: catalog)
    return t.columns.last.map { $0.value(at: 0) } ?? .null
  }

  @Test func inListOf25000IntegersBindsToOneSetTest() throws {
    let catalog = Self.catalog(rows: 60_000)
    let list = stride(from: 0, to: 50_000, by: 2).map(String.init).joined(separator: ", ")
    #expect(try Self.count("t | where id in [\(list)] | count", in: catalog) == .int(25_000))
    #expect(try Self.count("t | where id not in [\(list)] | count", in: catalog) == .int(35_000))
    // One node, not 25,000 nested `or`s.
    let prepared = try Engine.prepare(try EngineFixture.statement("t | where id in [\(list)]"), in: catalog)
    guard case .pipeline(.filter(_, let predicate, _), _) = prepared.plan.root else {
      Issue.record("not a filter")
      return
    }
    guard case .member(_, let set) = predicate, case .integers(let values) = set.values else {
      Issue.record("in [...] did not bind to a set test")
      return
    }
    #expect(values.count == 25_000)
  }

  @Test func inListOf100000TextsAndNumbers() throws {
    let catalog = Self.catalog(rows: 120_000)
    let texts = (0..<100_000).map { "\"n\($0 * 3)\"" }.joined(separator: ", ")
    #expect(try Self.count("t | where name in [\(texts)] | count", in: catalog) == .int(40_000))
    let numbers = (0..<100_000).map { "\($0).0" }.joined(separator: ", ")
    #expect(try Self.count("t | agg n = count_if(id in [\(numbers)])", in: catalog) == .int(100_000))
  }

  @Test func pipelinesUpToTheStageLimitRunAndExplain() throws {
    let catalog = Self.catalog(rows: 10)
    let text = "t" + String(repeating: " | take 5", count: Parser.maxStages)
    let t = try EngineFixture.table(text, in: catalog)
    #expect(t.rowCount == 5)
    let prepared = try Engine.prepare(try EngineFixture.statement(text), in: catalog)
    #expect(prepared.plan.explain().contains("take 5"))
  }

  @Test(arguments: [Parser.maxStages + 1, 5_000])
  func longerPipelinesAreRefusedAtTheFirstStageTooMany(stages: Int) throws {
    let text = "t" + String(repeating: " | take 1", count: stages)
    let (statements, diagnostics) = Parser.parse(SourceText(text: text))
    #expect(statements.isEmpty)
    let d = try #require(diagnostics.first)
    #expect(d.message == "pipeline too long (more than 256 stages)")
    // The bar that opens stage 257.
    let bar = "t".count + Parser.maxStages * " | take 1".count + 2
    #expect(d.span?.line == 1)
    #expect(d.span?.column == bar)
    #expect(d.hints.first?.hasPrefix("split it with let") == true)
  }

  @Test func caseOf100000BranchesEvaluatesOnlyUndecidedRows() throws {
    let catalog = Self.catalog(rows: 20)
    let branches = (0..<100_000).map { "when id == \($0 * 7) then \($0)" }.joined(separator: " ")
    let t = try EngineFixture.table("t | derive c = case \(branches) else -1 end | select c", in: catalog)
    let expected: [String] = (0..<20).map { $0 % 7 == 0 ? String($0 / 7) : "-1" }
    #expect(EngineFixture.texts(t, "c") == expected)
    // No branch matches: every branch is tried on the rows, one mask at a time.
    let none = (0..<100_000).map { "when name == \"m\($0)\" then \"x\($0)\"" }.joined(separator: " ")
    let u = try EngineFixture.table("t | derive c = case \(none) end | agg n = count(c), rows = count()", in: catalog)
    #expect(EngineFixture.rows(u) == ["0|20"])
  }

  @Test func caseBranchesMixTypesAndDictionaries() throws {
    let catalog = Self.catalog(rows: 6)
    let t = try EngineFixture.table(
      "t | derive a = case when id < 2 then name when id < 4 then upper(name) end, b = case when id == 1 then 1 when id > 3 then 2.5 end",
      in: catalog)
    #expect(EngineFixture.texts(t, "a") == ["n0", "n1", "N2", "N3", "", ""])
    #expect(EngineFixture.texts(t, "b") == ["", "1.0", "", "", "2.5", "2.5"])
  }
}
