import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

@Suite struct DiagnosticTests {
  typealias F = EngineFixture

  @Test(
    arguments: [
      ("deals | agg sum(1️⃣ammount) by owner", "unknown column 'ammount' in deals", "did you mean 'amount'?"),
      ("1️⃣dels | take 5", "unknown dataset 'dels'", "did you mean 'deals'?"),
      ("deals | agg 1️⃣sumx(amount)", "unknown function 'sumx'", "did you mean 'sum'?"),
      ("deals | select 1️⃣round(amount, 1, 2)", "'round' takes 1 or 2 arguments", nil),
      ("deals | agg sum(1️⃣owner)", "'sum' needs a number, got text", nil),
      (
        "deals | where 1️⃣sum(amount) > 10", "aggregate 'sum' is not allowed in where",
        "aggregates belong in agg: agg total = sum(...) by <keys>"
      ),
      ("deals | where amount > 1️⃣$min", "unknown parameter '$min'", "set it with --param min=VALUE or .param min VALUE"),
      ("deals | where 1️⃣owner == 3", "cannot apply '==' to text and int", nil),
      ("deals | where closed_at >= 1️⃣\"2026-13-01\"", "'2026-13-01' is not a date", "write it as \"2026-01-31\""),
      ("deals | where quarter(closed_at) == 1️⃣\"2026-Q5\"", "'2026-Q5' is not a quarter", "write it as \"2026-Q1\""),
      ("deals | agg n = count(), 1️⃣owner", "column 'owner' is neither a key nor inside an aggregate", nil),
      ("deals | derive x = 1️⃣count()", "aggregate 'count' is not allowed in derive", nil),
      ("deals | select owner | where 1️⃣amount > 0", "unknown column 'amount' in deals", nil),
      ("deals | count by owner | where 1️⃣owners > 0", "unknown column 'owners' in the result", "did you mean 'owner'?"),
      ("deals | where 1️⃣amount", "where needs a true/false condition, got decimal(2)", nil),
      ("deals | take 1️⃣-1", "take needs a number of rows of 0 or more, got -1", nil),
      ("deals | join 1️⃣campains on campaign_id", "unknown dataset 'campains'", "did you mean 'campaigns'?"),
      ("deals | join owners on deal_id == 1️⃣owner", "cannot join int 'deal_id' with text 'owner'", nil),
      ("deals | select x = 1️⃣owner + 1", "'+' needs numbers, got text", nil),
      ("deals | where reached(1️⃣\"sqll\")", "unknown stage 'sqll'", nil),
      ("deals | agg percentile(amount, 1️⃣2)", "'percentile' needs p between 0 and 1", nil),
      ("deals | chart bar 1️⃣who, amount", "unknown column 'who' in deals", nil),
      ("deals | save 1️⃣\"out.xls\"", "cannot tell the format of 'out.xls'", nil),
      ("deals | select if(true, owner, 1️⃣1)", "if mixes text and int", nil),
      ("1️⃣$nope + 1", "unknown parameter '$nope'", nil),
    ] as [(String, String, String?)])
  func binderDiagnostics(source: String, message: String, hint: String?) throws {
    let (d, line, column) = F.diagnostic(source)
    let diagnostic = try #require(d)
    #expect(diagnostic.message == message)
    #expect(diagnostic.span?.line == line)
    #expect(diagnostic.span?.column == column)
    if let hint { #expect(diagnostic.hints.contains(hint)) }
  }

  @Test func commandsAreTheShells() throws {
    let (d, _, _) = F.diagnostic(".schema deals")
    #expect(d?.message == "commands (.schema) are handled by the shell")
  }

  @Test func columnsOfAPipelineWithoutRunningIt() throws {
    let c = F.catalog()
    guard case .run(let p) = try F.statement("deals | agg n = count(), s = sum(amount) by month(created_at)").kind
    else {
      Issue.record("not a pipeline")
      return
    }
    let columns = try #require(Engine.columns(of: p, in: c))
    #expect(columns.map(\.name) == ["month", "n", "s"])
    #expect(columns.map(\.type) == [.period(.month), .int, .decimal(scale: 2)])
    guard case .run(let bad) = try F.statement("deals | where nope > 1").kind else { return }
    #expect(Engine.columns(of: bad, in: c) == nil)
  }

  @Test func functionRegistryNames() {
    #expect(FunctionRegistry.scalarNames.contains("days_between"))
    #expect(FunctionRegistry.aggregateNames.contains("count_distinct"))
  }
}
