import FunnelData
import Testing

@testable import FunnelEngine

/// The verbs over inputs large enough to be split across the cores
/// (`RowChunks.parallelThreshold` rows and more), checked against the small
/// random dataset they repeat: k copies of the leads give k times the counts and
/// the same shares and medians; k copies of the deals, each on its own leads,
/// give k times the credits.
@Suite struct VocabularyScaleTests {
  typealias F = VocabularyFixture
  static let seeds: [UInt64] = [3, 7, 11]

  /// How many copies of `rows` rows reach the parallel paths.
  static func copies(_ rows: Int) -> Int { RowChunks.parallelThreshold / max(rows, 1) + 2 }

  /// `table` repeated `k` times, the int columns `offsetting` raised by `step`
  /// in each copy (copy i by i * step), so that each copy has ids of its own.
  static func tile(_ table: Table, _ k: Int, offsetting: [String] = [], step: Int64 = 1_000_000) -> Table {
    let n = table.rowCount
    let rows = (0..<k).flatMap { _ in (0..<n).map { Int32($0) } }
    let tiled = table.gather(rows)
    let columns = zip(tiled.names, tiled.columns).map { name, column -> Column in
      guard offsetting.contains(name), case .int(let v) = column.data else { return column }
      let raised = v.indices.map { v[$0] + Int64($0 / max(n, 1)) * step }
      return Column(.int(raised), validity: column.validity, hint: column.hint)
    }
    return Table(names: tiled.names, columns: columns)
  }

  @Test(arguments: seeds)
  func funnelOfCopiesScalesTheCounts(seed: UInt64) throws {
    var rng = ChoiceStream(seed: seed)
    let data = RandomDatasets(&rng)
    guard data.leads.rowCount > 0 else { return }
    let k = Self.copies(data.leads.rowCount)
    let many = Self.tile(data.leads, k)
    for window: Int64? in [nil, 30] {
      for keyed in [false, true] {
        let keys: (Table) -> [(String, Column)] = { t in keyed ? [("channel", t.column("channel")!)] : [] }
        let one = try FunnelVerb.run(leads: data.leads, steps: nil, keys: keys(data.leads), withinDays: window)
        let all = try FunnelVerb.run(leads: many, steps: nil, keys: keys(many), withinDays: window)
        #expect(F.doubles(all.column("count")) == F.doubles(one.column("count")).map { $0.map { $0 * Double(k) } })
        for name in ["step_conversion", "overall_conversion", "median_days"] {
          #expect(F.doubles(all.column(name)) == F.doubles(one.column(name)), "seed \(seed) \(name)")
        }
      }
    }
  }

  @Test(arguments: seeds)
  func cohortOfCopiesKeepsTheShares(seed: UInt64) throws {
    var rng = ChoiceStream(seed: seed)
    let data = RandomDatasets(&rng)
    guard data.leads.rowCount > 0 else { return }
    let k = Self.copies(data.leads.rowCount)
    let many = Self.tile(data.leads, k)
    let one = try CohortVerb.run(
      leads: data.leads, cohort: data.leads.column("created_at")!, cohortName: "cohort", keys: [], byMonths: false)
    let all = try CohortVerb.run(
      leads: many, cohort: many.column("created_at")!, cohortName: "cohort", keys: [], byMonths: false)
    #expect(F.texts(all.column("cohort")) == F.texts(one.column("cohort")))
    #expect(F.doubles(all.column("leads")) == F.doubles(one.column("leads")).map { $0.map { $0 * Double(k) } })
    for name in ["mql", "sql", "opportunity", "won"] {
      #expect(F.doubles(all.column(name)) == F.doubles(one.column(name)), "seed \(seed) \(name)")
    }
  }

  @Test(arguments: seeds)
  func attributionOfCopiesScalesTheCredits(seed: UInt64) throws {
    var rng = ChoiceStream(seed: seed)
    let data = RandomDatasets(&rng)
    guard data.deals.rowCount > 0 else { return }
    let k = Self.copies(data.deals.rowCount)
    let deals = Self.tile(data.deals, k, offsetting: ["deal_id", "lead_id"])
    let touches = Self.tile(data.touches, k, offsetting: ["touch_id", "lead_id"])
    let leads = Self.tile(data.leads, k, offsetting: ["lead_id"])
    let many = RandomDatasets.Named(campaigns: data.campaigns, leads: leads, deals: deals, touches: touches)
    let oneContext = MetricContext(origin: "deals", dataset: data.named, today: F.today)
    let manyContext = MetricContext(origin: "deals", dataset: many.named, today: F.today)
    for model: AttributionModel in [.linear, .wShaped, .fullPath, .timeDecay(halfLifeDays: 7)] {
      for keys in [["channel"], ["kind"], []] {
        let one = try AttributionVerb.run(rows: data.deals, model: model, keys: keys, context: oneContext)
        let all = try AttributionVerb.run(rows: deals, model: model, keys: keys, context: manyContext)
        let name = keys.first ?? "campaign_id"
        let credits = Dictionary(uniqueKeysWithValues: zip(F.texts(one.column(name)), F.doubles(one.column("revenue"))))
        #expect(all.rowCount == one.rowCount, "seed \(seed) \(model) \(keys)")
        for (key, revenue) in zip(F.texts(all.column(name)), F.doubles(all.column("revenue"))) {
          let expected = credits[key].flatMap { $0 }.map { $0 * Double(k) }
          #expect(F.close(revenue, expected, tolerance: 1e-6), "seed \(seed) \(model) \(keys) \(key)")
        }
      }
    }
  }
}

extension RandomDatasets {
  /// Another set of deals and touches over the same campaigns, by name as the verbs look them up.
  struct Named {
    let campaigns, leads, deals, touches: Table

    func named(_ name: String) -> Table? {
      switch name {
      case "campaigns": return campaigns
      case "leads": return leads
      case "deals": return deals
      case "touches": return touches
      default: return nil
      }
    }
  }
}
