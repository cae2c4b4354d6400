import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

/// Selection vectors and column pruning must not change results.
@Suite struct ExecutionTests {
  typealias F = EngineFixture

  @Test func rowStepsComposeSelections() throws {
    #expect(
      F.texts(try F.table("deals | where amount > 0 | sort amount desc | take 2 | select owner"), "owner") == [
        "ann", "cy",
      ])
    #expect(F.texts(try F.table(#"deals | sort amount | where owner == "bob" | take 1"#), "deal_id") == ["5"])
    #expect(F.texts(try F.table("deals | take 4 | sort owner desc | take 2"), "deal_id") == ["4", "2"])
  }

  @Test func unreadColumnsOfAJoinAreNotNeededDownstream() throws {
    let t = try F.table(
      #"deals | join campaigns on campaign_id | where channel == "email" | agg n = count(), s = sum(amount) by name"#)
    #expect(F.rows(t) == ["Spring|2|1500.00"])
    let u = try F.table(
      "deals | derive x = amount * 2 | select owner, x | join owners on owner | agg total = sum(x) by name")
    #expect(F.rows(u) == ["Ann Lee|3000.00", "Bob Ray|701.00"])
  }

  @Test func bigInputsRunInSeveralBatches() throws {
    let n = 200_000
    let c = F.catalog()
    c.setDataset(
      "big",
      Table(
        names: ["i", "g"],
        columns: [
          Column(.int((0..<Int64(n)).map { $0 })), Column(.int((0..<Int64(n)).map { $0 % 7 })),
        ]))
    let t = try F.table("big | where i % 2 == 0 | agg n = count(), s = sum(i) by g | sort g | take 2", in: c)
    let evens = (0..<Int64(n)).filter { $0 % 2 == 0 }
    let g0 = evens.filter { $0 % 7 == 0 }, g1 = evens.filter { $0 % 7 == 1 }
    #expect(F.rows(t) == ["0|\(g0.count)|\(g0.reduce(0, +))", "1|\(g1.count)|\(g1.reduce(0, +))"])
    let top = try F.table("big | top 3 by i", in: c)
    #expect(F.texts(top, "i") == ["199999", "199998", "199997"])
    #expect(try F.table("big | distinct g", in: c).rowCount == 7)
  }
}
