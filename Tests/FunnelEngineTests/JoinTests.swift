import FunnelData
import FunnelLanguage
import Testing

@testable import FunnelEngine

@Suite struct JoinTests {
  typealias F = EngineFixture

  @Test func innerJoinKeepsLeftOrderAndDropsTheRightKey() throws {
    let t = try F.table("deals | select deal_id, campaign_id | join campaigns on campaign_id")
    #expect(t.names == ["deal_id", "campaign_id", "name", "channel"])
    #expect(
      F.rows(t) == ["1|1|Spring|email", "2|2|Webinar|events", "3|1|Spring|email", "4|2|Webinar|events", "6|3|Ads|paid"])
  }

  @Test func leftJoinKeepsUnmatchedRowsWithNulls() throws {
    let t = try F.table("deals | select deal_id, owner | join left owners on owner")
    #expect(F.rows(t) == ["1|ann|Ann Lee", "2|bob|Bob Ray", "3|ann|Ann Lee", "4|cy|", "5|bob|Bob Ray", "6||"])
  }

  @Test func textKeysAcrossDictionariesCompareText() throws {
    // owners' dictionary orders bob before ann: codes differ from the deals' codes.
    let t = try F.table("deals | select deal_id, owner | join owners on owner")
    #expect(F.texts(t, "name") == ["Ann Lee", "Bob Ray", "Ann Lee", "Bob Ray"])
  }

  @Test func clashingNamesGetTheDatasetPrefix() throws {
    let t = try F.table(
      "deals | select deal_id, owner, campaign_id | join campaigns on campaign_id | join owners on owner")
    #expect(t.names == ["deal_id", "owner", "campaign_id", "name", "channel", "owners_name"])
  }

  @Test func manyToManyPairsEveryMatch() throws {
    let c = F.catalog()
    c.setDataset(
      "l", F.table([("k", .int, [.int(1), .int(1), .int(2)]), ("a", .string, ["x", "y", "z"].map(F.text))]))
    c.setDataset(
      "r", F.table([("key", .int, [.int(1), .int(3), .int(1)]), ("b", .string, ["p", "q", "r"].map(F.text))]))
    let t = try F.table("l | join r on k == key", in: c)
    #expect(F.rows(t) == ["1|x|p", "1|x|r", "1|y|p", "1|y|r"])
  }

  @Test func nullKeysNeverMatch() throws {
    let c = F.catalog()
    c.setDataset("l", F.table([("k", .int, [.null, .int(1)])]))
    c.setDataset("r", F.table([("k", .int, [.null, .int(1)]), ("v", .int, [.int(10), .int(20)])]))
    #expect(F.rows(try F.table("l | join r on k", in: c)) == ["1|20"])
    #expect(F.rows(try F.table("l | join left r on k", in: c)) == ["|", "1|20"])
  }
}
