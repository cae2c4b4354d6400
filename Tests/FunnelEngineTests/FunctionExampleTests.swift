import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Every function's example (what `.help NAME` shows) binds and runs over the demo data.
@Suite struct FunctionExampleTests {
  @Test(arguments: FunctionRegistry.all.map(\.name))
  func exampleRuns(_ name: String) throws {
    let function = try #require(FunctionRegistry.named(name))
    let catalog = DemoPipelineTests.catalog()
    let prepared = try Engine.prepare(try EngineFixture.statement(function.example), in: catalog)
    guard case .table(let table, _) = try Engine.run(prepared, in: catalog, cancellation: Cancellation()) else {
      Issue.record("the example of \(name) gives no table")
      return
    }
    #expect(table.rowCount > 0, "the example of \(name) gives no rows: \(function.example)")
  }
}
