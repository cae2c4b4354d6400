import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// The rewrite rules: each fires where it applies, and the physical plan
/// gives what the logical plan gives.
@Suite struct PlanRuleTests {
  typealias F = EngineFixture

  func plan(_ text: String) throws -> Plan { try Engine.prepare(try F.statement(text), in: F.catalog()).plan }

  @Test func topNFusesSortAndTake() throws {
    let p = try plan("deals | sort amount desc | take 2")
    #expect(p.rulesFired == ["top-n"])
    #expect(p.explainPhysical().contains("keep the first 2 by amount descending"))
    #expect(try plan("deals | top 2 by amount").rulesFired == ["top-n"])
    #expect(try plan("deals | sort amount").rulesFired.isEmpty)
  }

  @Test func columnsNoStepReadsAreNotComputed() throws {
    let p = try plan("deals | derive big = amount > 500, x = amount * 2 | agg n = count_if(big) by owner")
    #expect(p.rulesFired == ["column-pruning"])
    #expect(p.explainPhysical().contains("[pruned: computes only owner, big of 10 columns]"))
  }

  @Test func aWindowStepIsNotPrunedButWhatItReadsIsComputed() throws {
    let p = try plan(
      "deals | derive y = amount * 2, x = amount * 3, p = lag(y) over (sort deal_id), c = change(p) over (sort deal_id) "
        + "| agg s = sum(c) by owner")
    #expect(p.rulesFired == ["column-pruning"])
    // lag reads amount * 2 from the input; the first derive computes what the second step reads
    // (deal_id to sort by, owner, p), not y or x.
    #expect(
      p.explainPhysical().contains(
        "p = lag(y) over (sort deal_id) [pruned: computes only deal_id, owner, p of 11 columns]"))
  }

  @Test func filtersMoveBelowStepsThatOnlyPickColumns() throws {
    let p = try plan("deals | select owner, amount | where amount > 300")
    #expect(p.rulesFired.contains("filter-push-down"))
    #expect(p.explainPhysical().hasPrefix("1. scan deals (6 rows, 8 columns)\n2. keep rows where amount > 300\n"))
    // Not below a step that computes: a row the filter drops could make it fail.
    #expect(try !plan("deals | derive y = amount * 2 | where amount > 300").rulesFired.contains("filter-push-down"))
  }

  @Test func constantsFoldAndAlwaysTrueFiltersGo() throws {
    let p = try plan("deals | where 1 + 1 == 2 | take 3")
    #expect(p.rulesFired == ["constant-folding"])
    #expect(p.explainPhysical() == "1. scan deals (6 rows, 8 columns)\n2. take 3")
    #expect(try plan("deals | where amount > 2 * 100").rulesFired == ["constant-folding"])
    #expect(try plan("deals | where amount > 200").rulesFired.isEmpty)
  }

  @Test(arguments: [
    "deals | select owner, amount, stage | where stage == \"closed_won\" | sort amount desc | take 2",
    "deals | where 2 > 1 and amount > 2 * 100 | derive a = amount * 2, b = owner | agg s = sum(a) by b | sort b",
    "deals | join owners on owner | select owner, amount | top 3 by amount",
    "deals | rename who = owner | where who != null | distinct who",
    // Windows: a filter above moves no lower than the window step; pruning reaches below it.
    "deals | derive n = row_number() over (by owner sort amount desc), p = lag(amount) over () | select owner, n | where n <= 2",
    "deals | derive y = amount * 2, p = lag(y) over (sort deal_id), c = change(p) over (sort deal_id) | agg s = sum(c) by owner",
    "deals | derive r = rank() over (sort owner), s = running_sum(amount) over (by owner) | where s > 500 | take 2",
  ])
  func thePhysicalPlanGivesWhatTheLogicalPlanGives(_ text: String) throws {
    let catalog = F.catalog()
    let p = try Engine.prepare(try F.statement(text), in: catalog).plan
    #expect(!p.rulesFired.isEmpty)
    guard let logical = p.root.node, let physical = p.physical.node else {
      Issue.record("not a pipeline")
      return
    }
    let executor = Executor(context: ExecutionContext(catalog: catalog, cancellation: Cancellation()))
    let a = try executor.run(logical), b = try executor.run(physical)
    #expect(a.names == b.names)
    #expect((0..<a.rowCount).map(a.row) == (0..<b.rowCount).map(b.row))
  }
}
