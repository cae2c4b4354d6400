import Foundation
import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

@Suite struct StageTests {
  typealias F = EngineFixture

  @Test func whereKeepsOnlyTrueRows() throws {
    let t = try F.table(#"deals | where stage == "closed_won""#)
    #expect(F.texts(t, "deal_id") == ["1", "2", "5"])
    // amount is null on row 6: the comparison is null, so the row is dropped.
    let u = try F.table("deals | where amount < 300")
    #expect(F.texts(u, "deal_id") == ["2", "5"])
  }

  @Test func filterIsAnAliasOfWhere() throws {
    let t = try F.table(#"deals | filter owner == "ann""#)
    #expect(F.texts(t, "deal_id") == ["1", "3"])
  }

  @Test func selectKeepsExactlyTheseColumnsInOrder() throws {
    let t = try F.table("deals | select owner, big = amount > 500, deal_id")
    #expect(t.names == ["owner", "big", "deal_id"])
    #expect(F.texts(t, "big") == ["true", "false", "false", "true", "false", ""])
  }

  @Test func deriveAddsOrReplacesAndLaterItemsSeeEarlierOnes() throws {
    let t = try F.table("deals | derive double = amount * 2, amount = amount + 1, quad = double * 2 | take 2")
    #expect(
      t.names == [
        "deal_id", "owner", "stage", "amount", "created_at", "closed_at", "product", "campaign_id", "double", "quad",
      ])
    #expect(F.texts(t, "amount") == ["1001.00", "251.50"])
    #expect(F.texts(t, "double") == ["2000.00", "501.00"])
    #expect(F.texts(t, "quad") == ["4000.00", "1002.00"])
  }

  @Test func dropAndRename() throws {
    let t = try F.table("deals | drop created_at, closed_at, product, campaign_id | rename who = owner, id = deal_id")
    #expect(t.names == ["id", "who", "stage", "amount"])
  }

  @Test func sortIsStableWithNullsLastInBothDirections() throws {
    let asc = try F.table("deals | sort owner")
    #expect(F.texts(asc, "deal_id") == ["1", "3", "2", "5", "4", "6"])
    let desc = try F.table("deals | sort owner desc")
    #expect(F.texts(desc, "deal_id") == ["4", "2", "5", "1", "3", "6"])
    let amount = try F.table("deals | sort amount desc")
    #expect(F.texts(amount, "deal_id") == ["1", "4", "3", "2", "5", "6"])
    let two = try F.table("deals | sort product, amount")
    #expect(F.texts(two, "deal_id") == ["2", "6", "5", "3", "4", "1"])
  }

  @Test func takeAndTop() throws {
    #expect(try F.table("deals | take 2").rowCount == 2)
    #expect(try F.table("deals | take 0").rowCount == 0)
    #expect(try F.table("deals | take 100").rowCount == 6)
    let top = try F.table("deals | top 2 by amount")
    #expect(F.texts(top, "deal_id") == ["1", "4"])
  }

  @Test func takeAcceptsParametersAndLetScalars() throws {
    let c = F.catalog()
    c.parameters["n"] = "3"
    #expect(try F.table("deals | take $n", in: c).rowCount == 3)
    _ = try F.run("let k = 1", in: c)
    #expect(try F.table("deals | take k", in: c).rowCount == 1)
  }

  @Test func distinctKeepsFirstOccurrenceOrder() throws {
    let t = try F.table("deals | distinct product, owner")
    #expect(t.names == ["product", "owner"])
    #expect(F.rows(t) == ["core|ann", "addon|bob", "core|cy", "core|bob", "addon|"])
    let all = try F.table("deals | select product | distinct")
    #expect(F.texts(all, "product") == ["core", "addon"])
  }

  @Test func aggOrdersGroupsByKeysWithNullsLast() throws {
    let t = try F.table("deals | agg n = count(), total = sum(amount) by owner")
    #expect(t.names == ["owner", "n", "total"])
    #expect(F.rows(t) == ["ann|2|1500.00", "bob|2|350.50", "cy|1|800.00", "|1|"])
    #expect(t.column("total")?.hint == .money)
  }

  @Test func aggWithoutKeysGivesOneRowEvenOverNoRows() throws {
    let t = try F.table(
      #"deals | where owner == "nobody" | agg n = count(), s = sum(amount), c = count_distinct(owner)"#)
    #expect(F.rows(t) == ["0||0"])
  }

  @Test func countStage() throws {
    let t = try F.table("deals | count by product")
    #expect(F.rows(t) == ["addon|2", "core|4"])
    #expect(F.rows(try F.table("deals | count")) == ["6"])
  }

  @Test func aggByComputedKeys() throws {
    let t = try F.table("deals | agg sum(amount) by month(created_at), product")
    #expect(t.names == ["month", "product", "sum_amount"])
    #expect(F.rows(t).first == "2026-01|addon|250.50")
    #expect(t.rowCount == 6)
  }

  @Test func namingRules() throws {
    let t = try F.table(
      #"deals | agg sum(amount), avg(amount), count(), count(owner), count_if(stage == "closed_won"), count_distinct(campaign_id), sum(amount), max(amount) by owner"#
    )
    #expect(
      t.names == [
        "owner", "sum_amount", "avg_amount", "count", "count_owner", "count_if", "count_distinct_campaign_id",
        "sum_amount_2", "max_amount",
      ])
    let s = try F.table("deals | select owner, lower(owner), amount * 2")
    #expect(s.names == ["owner", "lower", "expr"])
  }

  @Test func chartPassesTheTableOnWithTheRequest() throws {
    guard case .table(let t, let chart) = try F.run("deals | count by owner | chart bar owner, count") else {
      Issue.record("not a table")
      return
    }
    #expect(t.rowCount == 4)
    #expect(chart == ChartRequest(kind: .bar, label: "owner", value: "count"))
  }

  @Test func saveWritesAndPassesTheTableOn() throws {
    let path = NSTemporaryDirectory() + "funnel-engine-save-\(UInt32.random(in: 0...UInt32.max)).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let t = try F.table("deals | select deal_id, owner | take 2 | save \"\(path)\"")
    #expect(t.rowCount == 2)
    let written = try TableReader.read(path: path)
    #expect(written.rowCount == 2)
    #expect(written.names == ["deal_id", "owner"])
  }

  @Test func saveFailureIsARuntimeDiagnosticAtThePath() throws {
    let c = F.catalog()
    let prepared = try Engine.prepare(try F.statement(#"deals | save "/no/such/dir/x.csv""#), in: c)
    #expect(throws: Diagnostic.self) { try Engine.run(prepared, in: c, cancellation: Cancellation()) }
  }

  @Test func cancellationStopsARun() throws {
    let c = F.catalog()
    let prepared = try Engine.prepare(try F.statement("deals | where amount > 0"), in: c)
    let flag = Cancellation()
    flag.cancel()
    #expect(throws: Cancelled.self) { try Engine.run(prepared, in: c, cancellation: flag) }
  }
}
