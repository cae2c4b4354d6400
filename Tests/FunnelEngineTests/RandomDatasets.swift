import FunnelData

@testable import FunnelEngine

/// Random small standard datasets: some nulls, ids that reach nothing, touches
/// after the close, stages that disagree with their dates. Made from a
/// `ChoiceStream`, so a failing dataset shrinks (no choices at all: one
/// campaign, no leads, no deals).
struct RandomDatasets {
  var campaigns, leads, deals, touches: Table

  func named(_ name: String) -> Table? {
    switch name {
    case "campaigns": return campaigns
    case "leads": return leads
    case "deals": return deals
    case "touches": return touches
    case "costs": return VocabularyFixture.costs
    default: return nil
    }
  }

  init(_ rng: inout ChoiceStream) {
    typealias F = VocabularyFixture
    let base = F.day("2026-01-01")
    let channels = ["search", "social", "email"]
    let c = rng.int(1...4)
    func pick(_ values: [String]) -> Value { .string(rng.element(values)) }
    func chance(_ p: Double) -> Bool { rng.chance(p) }
    campaigns = F.table([
      ("campaign_id", .int, (1...c).map { .int(Int64($0)) }),
      ("name", .string, (1...c).map { .string("C\($0)") }),
      ("channel", .string, (1...c).map { _ in pick(channels) }),
      ("spend", .decimal(scale: 2), (1...c).map { _ in .decimal(rng.int64(0...500_000), scale: 2) }),
      ("impressions", .int, (1...c).map { _ in .int(rng.int64(0...1000)) }),
      ("clicks", .int, (1...c).map { _ in .int(rng.int64(0...50)) }),
    ])
    let l = rng.int(0...30)
    let stages = ["lead", "mql", "sql", "opportunity", "won", "lost"]
    var leadRows: [[Value]] = []
    var created: [Int32] = []
    for id in 0..<l {
      let day = base + rng.int32(0...90)
      created.append(day)
      let stage = rng.int(0...stages.count - 1)
      var row: [Value] = [
        .int(Int64(id + 1)), .date(day),
        chance(0.1) ? .null : .int(rng.int64(1...Int64(c + 1))), pick(channels), .string(stages[stage]),
      ]
      var at = day
      for k in 1...4 {
        at += rng.int32(0...40)
        let reached = (stage < 5 && stage >= k) || chance(0.1)
        row.append(reached && !chance(0.15) ? .date(at) : .null)
      }
      leadRows.append(row)
    }
    let leadColumns: [(String, DataType)] = [
      ("lead_id", .int), ("created_at", .date), ("campaign_id", .int), ("channel", .string), ("stage", .string),
      ("mql_at", .date), ("sql_at", .date), ("opportunity_at", .date), ("won_at", .date),
    ]
    leads = F.table(leadColumns.enumerated().map { i, c in (c.0, c.1, leadRows.map { $0[i] }) })
    let dealStages = ["prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost"]
    var dealRows: [[Value]] = []
    for id in 0..<rng.int(0...12) {
      let lead = l == 0 || chance(0.1) ? l + 5 : rng.int(1...l)
      let opened = (lead <= l ? created[lead - 1] : base) + rng.int32(0...30)
      let stage = rng.int(0...dealStages.count - 1)
      let campaign: Value = .int(rng.int64(1...Int64(c + 1)))
      let closed: Value = stage >= 4 || chance(0.1) ? .date(opened + rng.int32(0...60)) : .null
      let amount: Value = chance(0.1) ? .null : .decimal(rng.int64(0...2_000_000), scale: 2)
      let term: Value = chance(0.1) ? .null : .int(Int64(rng.element([0, 12, 24, 36])))
      let lostAt: Value = stage == 5 && !chance(0.1) ? .string(dealStages[rng.int(0...3)]) : .null
      let row: [Value] = [
        .int(Int64(100 + id)), .int(Int64(lead)), campaign, .date(opened), closed,
        .string(dealStages[stage]), amount, term, lostAt,
      ]
      dealRows.append(row)
    }
    let dealColumns: [(String, DataType)] = [
      ("deal_id", .int), ("lead_id", .int), ("campaign_id", .int), ("created_at", .date), ("closed_at", .date),
      ("stage", .string), ("amount", .decimal(scale: 2)), ("term_months", .int), ("lost_stage", .string),
    ]
    deals = F.table(dealColumns.enumerated().map { i, c in (c.0, c.1, dealRows.map { $0[i] }) })
    var touchRows: [[Value]] = []
    for lead in 1...(l + 6) {
      for _ in 0..<rng.int(0...5) {
        let when = Int64(base) * Timestamps.microsPerDay + rng.int64(0...(150 * Timestamps.microsPerDay))
        let campaign: Value = .int(rng.int64(1...Int64(c + 1)))
        let at: Value = chance(0.05) ? .null : .timestamp(when)
        let row: [Value] = [
          .int(rng.int64(1...5)), .int(Int64(lead)), campaign, at,
          pick(["ad", "email", "call"]),
        ]
        touchRows.append(row)
      }
    }
    let touchColumns: [(String, DataType)] = [
      ("touch_id", .int), ("lead_id", .int), ("campaign_id", .int), ("touched_at", .timestamp), ("kind", .string),
    ]
    touches = F.table(touchColumns.enumerated().map { i, c in (c.0, c.1, touchRows.map { $0[i] }) })
  }
}
