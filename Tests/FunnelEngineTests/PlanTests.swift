import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

@Suite struct PlanTests {
  typealias F = EngineFixture

  func explain(_ text: String) throws -> String {
    try Engine.prepare(try F.statement(text), in: F.catalog()).plan.explain()
  }

  @Test func explainsAPipelineInWords() throws {
    let text = try explain(
      #"deals | where stage == "closed_won" | agg revenue = sum(amount), n = count() by owner | sort revenue desc | take 5"#
    )
    #expect(
      text == """
        1. scan deals (6 rows, 8 columns)
        2. keep rows where stage == "closed_won"
        3. group by owner; compute revenue = sum(amount), n = count()
        4. sort by revenue descending
        5. take 5
        """)
  }

  @Test func explainsRowStages() throws {
    let text = try explain(
      "deals | derive big = amount > 500 | select owner, big | join owners on owner | top 2 by big")
    #expect(
      text == """
        1. scan deals (6 rows, 8 columns)
        2. compute big = amount > 500
        3. keep columns owner, big
        4. join owners on matching keys
        5. sort by big descending
        6. take 2
        """)
  }

  @Test func explainsScalarsAndLets() throws {
    #expect(try explain("1 + 2 * 3") == "1. evaluate 1 + 2 * 3")
    #expect(try explain("let x = (1 + 2) * 3") == "1. evaluate (1 + 2) * 3 and bind it as x")
    #expect(try explain("deals | distinct owner") == "1. scan deals (6 rows, 8 columns)\n2. keep unique rows of owner")
  }
}
