import FunnelData
import Testing
@testable import FunnelEngine

/// Identities that hold on any data, checked over random small datasets from a
/// seeded generator (the same datasets on every run).
@Suite struct VocabularyPropertyTests {
  typealias F = VocabularyFixture
  static let seeds: [UInt64] = Array(1...40)

  @Test(arguments: seeds)
  func funnelCountsNeverIncrease(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let data = RandomDatasets(&rng)
    let steps = LeadStage.names.filter { _ in Bool.random(using: &rng) }
    let window: Int64? = Bool.random(using: &rng) ? Int64.random(in: 0...60, using: &rng) : nil
    let keys = Bool.random(using: &rng) ? [("channel", data.leads.column("channel")!)] : []
    let t = try FunnelVerb.run(leads: data.leads, steps: steps.isEmpty ? nil : steps, keys: keys, withinDays: window)
    let stepCount = steps.isEmpty ? 5 : steps.count
    let counts = F.doubles(t.column("count")).map { $0 ?? -1 }
    let drops = F.doubles(t.column("drop_off")).map { $0 ?? -1 }
    #expect(counts.count % stepCount == 0)
    for i in 0..<counts.count where i % stepCount != 0 {
      #expect(counts[i] <= counts[i - 1], "seed \(seed) row \(i)")
      #expect(drops[i] == counts[i - 1] - counts[i])
    }
    for rate in F.doubles(t.column("step_conversion")) + F.doubles(t.column("overall_conversion")) {
      if let r = rate { #expect(r >= 0 && r <= 1) }
    }
  }

  @Test(arguments: seeds)
  func attributionCreditsSumToEachDeal(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let data = RandomDatasets(&rng)
    let keyChoices: [[String]] = [[], ["channel"], ["kind"], ["campaign_id"], ["name", "kind"]]
    let keys = keyChoices[Int.random(in: 0..<keyChoices.count, using: &rng)]
    let models: [AttributionModel] = [
      .firstTouch, .lastTouch, .linear, .uShaped, .wShaped, .timeDecay(halfLifeDays: Double.random(in: 0.5...30, using: &rng)),
    ]
    let context = MetricContext(origin: "deals", dataset: data.named, today: F.day("2026-07-01"))
    let amounts = F.doubles(data.deals.column("amount"))
    for model in models {
      let all = try AttributionVerb.run(deals: data.deals, model: model, keys: keys, context: context)
      #expect(F.close(sum(all.column("deals")), Double(data.deals.rowCount)), "seed \(seed) \(model)")
      #expect(F.close(sum(all.column("revenue")), amounts.reduce(0) { $0 + ($1 ?? 0) }), "seed \(seed) \(model)")
      for d in 0..<data.deals.rowCount {
        let one = try AttributionVerb.run(deals: data.deals.gather([Int32(d)]), model: model, keys: keys, context: context)
        #expect(F.close(sum(one.column("deals")), 1), "seed \(seed) \(model) deal \(d)")
        #expect(F.close(sum(one.column("revenue")), amounts[d] ?? 0), "seed \(seed) \(model) deal \(d)")
      }
    }
    let compared = try AttributionVerb.run(deals: data.deals, model: .compare, keys: keys, context: context)
    for model in AttributionModel.compared {
      #expect(F.close(sum(compared.column(model.name)), amounts.reduce(0) { $0 + ($1 ?? 0) }))
    }
  }

  @Test(arguments: seeds)
  func cohortSharesAreFractions(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let data = RandomDatasets(&rng)
    let created = data.leads.column("created_at")!
    let weeks = Column.make(.period(.week), (0..<created.count).map { r -> Value in
      guard case .date(let d) = created.value(at: r) else { return .null }
      return .period(Periods.bucket(day: d, unit: .week), .week)
    })
    let shares = try CohortVerb.run(leads: data.leads, cohort: weeks, cohortName: "week", keys: [], byMonths: false)
    let byMonths = try CohortVerb.run(leads: data.leads, cohort: weeks, cohortName: "week", keys: [], byMonths: true)
    #expect(F.doubles(shares.column("leads")).reduce(0) { $0 + ($1 ?? 0) } == Double(data.leads.rowCount))
    for name in ["mql", "sql", "opportunity", "won"] {
      for v in F.doubles(shares.column(name)) { #expect(v.map { $0 >= 0 && $0 <= 1 } ?? true) }
    }
    let won = F.doubles(shares.column("won"))
    let monthColumns = byMonths.names.filter { $0.hasPrefix("m") && $0 != "m" }
    for row in 0..<byMonths.rowCount {
      var previous = 0.0
      var ended = false
      for name in monthColumns {
        // Months that had not begun by the data's last day are null, and stay null.
        guard let v = byMonths.column(name)!.value(at: row).doubleValue else {
          ended = true
          continue
        }
        #expect(!ended, "seed \(seed) row \(row) \(name): a value after a null month")
        #expect(v >= previous && v <= (won[row] ?? 0) + 1e-12, "seed \(seed) row \(row) \(name)")
        previous = v
      }
    }
  }

  @Test(arguments: seeds)
  func groupedMetricsEqualMetricsOfEachGroup(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let data = RandomDatasets(&rng)
    let origin = ["campaigns", "leads", "deals", "touches"][Int.random(in: 0..<4, using: &rng)]
    guard let input = data.named(origin) else { return }
    let groupCount = Int.random(in: 1...3, using: &rng)
    let groupOfRow = (0..<input.rowCount).map { _ in Int32.random(in: 0..<Int32(groupCount), using: &rng) }
    let context = MetricContext(origin: origin, dataset: data.named, today: F.day("2026-07-01"))
    for metric in MetricRegistry.all {
      let arguments: [Value] = !metric.parameters.isEmpty
        ? [.string(LeadStage.names.randomElement(using: &rng)!), .string(LeadStage.names.randomElement(using: &rng)!)] : []
      #expect(MetricEvaluator.check(metric.name, argumentCount: arguments.count, columns: input.names, context: context) == nil)
      let grouped = try MetricEvaluator.evaluate(metric.name, arguments: arguments, input: input,
        grouping: Grouping(groupOfRow: groupOfRow, groupCount: groupCount), context: context)
      for g in 0..<groupCount {
        let rows = groupOfRow.indices.filter { groupOfRow[$0] == Int32(g) }.map { Int32($0) }
        let alone = try MetricEvaluator.evaluate(metric.name, arguments: arguments, input: input.gather(rows),
          grouping: .single(rows: rows.count), context: context)
        #expect(F.close(grouped.value(at: g).doubleValue, alone.value(at: 0).doubleValue),
          "seed \(seed) \(metric.name) over \(origin) group \(g)")
      }
    }
  }

  func sum(_ column: Column?) -> Double { F.doubles(column).reduce(0) { $0 + ($1 ?? 0) } }
}

/// Random small standard datasets: some nulls, ids that reach nothing, touches
/// after the close, stages that disagree with their dates.
struct RandomDatasets {
  var campaigns, leads, deals, touches: Table

  func named(_ name: String) -> Table? {
    switch name {
    case "campaigns": return campaigns
    case "leads": return leads
    case "deals": return deals
    case "touches": return touches
    default: return nil
    }
  }

  init(_ rng: inout SplitMix64) {
    typealias F = VocabularyFixture
    let base = F.day("2026-01-01")
    let channels = ["search", "social", "email"]
    let c = Int.random(in: 1...4, using: &rng)
    func pick(_ values: [String]) -> Value { .string(values[Int.random(in: 0..<values.count, using: &rng)]) }
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    campaigns = F.table([
      ("campaign_id", .int, (1...c).map { .int(Int64($0)) }),
      ("name", .string, (1...c).map { .string("C\($0)") }),
      ("channel", .string, (1...c).map { _ in pick(channels) }),
      ("spend", .decimal(scale: 2), (1...c).map { _ in .decimal(Int64.random(in: 0...500_000, using: &rng), scale: 2) }),
      ("impressions", .int, (1...c).map { _ in .int(Int64.random(in: 0...1000, using: &rng)) }),
      ("clicks", .int, (1...c).map { _ in .int(Int64.random(in: 0...50, using: &rng)) }),
    ])
    let l = Int.random(in: 0...30, using: &rng)
    let stages = ["lead", "mql", "sql", "opportunity", "won", "lost"]
    var leadRows: [[Value]] = []
    var created: [Int32] = []
    for id in 0..<l {
      let day = base + Int32.random(in: 0...90, using: &rng)
      created.append(day)
      let stage = Int.random(in: 0..<stages.count, using: &rng)
      var row: [Value] = [
        .int(Int64(id + 1)), .date(day),
        chance(0.1) ? .null : .int(Int64.random(in: 1...Int64(c + 1), using: &rng)), pick(channels), .string(stages[stage]),
      ]
      var at = day
      for k in 1...4 {
        at += Int32.random(in: 0...40, using: &rng)
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
    for id in 0..<Int.random(in: 0...12, using: &rng) {
      let lead = l == 0 || chance(0.1) ? l + 5 : Int.random(in: 1...l, using: &rng)
      let opened = (lead <= l ? created[lead - 1] : base) + Int32.random(in: 0...30, using: &rng)
      let stage = Int.random(in: 0..<dealStages.count, using: &rng)
      let campaign: Value = .int(Int64.random(in: 1...Int64(c + 1), using: &rng))
      let closed: Value = stage >= 4 || chance(0.1) ? .date(opened + Int32.random(in: 0...60, using: &rng)) : .null
      let amount: Value = chance(0.1) ? .null : .decimal(Int64.random(in: 0...2_000_000, using: &rng), scale: 2)
      let row: [Value] = [.int(Int64(100 + id)), .int(Int64(lead)), campaign, .date(opened), closed,
        .string(dealStages[stage]), amount]
      dealRows.append(row)
    }
    let dealColumns: [(String, DataType)] = [
      ("deal_id", .int), ("lead_id", .int), ("campaign_id", .int), ("created_at", .date), ("closed_at", .date),
      ("stage", .string), ("amount", .decimal(scale: 2)),
    ]
    deals = F.table(dealColumns.enumerated().map { i, c in (c.0, c.1, dealRows.map { $0[i] }) })
    var touchRows: [[Value]] = []
    for lead in 1...(l + 6) {
      for _ in 0..<Int.random(in: 0...5, using: &rng) {
        let when = Int64(base) * Timestamps.microsPerDay + Int64.random(in: 0...(150 * Timestamps.microsPerDay), using: &rng)
        let campaign: Value = .int(Int64.random(in: 1...Int64(c + 1), using: &rng))
        let at: Value = chance(0.05) ? .null : .timestamp(when)
        let row: [Value] = [.int(Int64.random(in: 1...5, using: &rng)), .int(Int64(lead)), campaign, at,
          pick(["ad", "email", "call"])]
        touchRows.append(row)
      }
    }
    let touchColumns: [(String, DataType)] = [
      ("touch_id", .int), ("lead_id", .int), ("campaign_id", .int), ("touched_at", .timestamp), ("kind", .string),
    ]
    touches = F.table(touchColumns.enumerated().map { i, c in (c.0, c.1, touchRows.map { $0[i] }) })
  }
}
