import FunnelData
import PropertyBased
import Testing

@testable import FunnelEngine

/// Identities that hold on any data, checked over random small datasets
/// (`RandomDatasets`); a failure is shrunk to the smallest dataset that still
/// shows it, and names the seed that repeats it.
@Suite struct VocabularyPropertyTests {
  typealias F = VocabularyFixture
  /// Datasets tried per property.
  static let count = 40

  @Test func funnelCountsNeverIncrease() async {
    await propertyCheck(count: Self.count, input: ChoiceStream.lists) { choices in
      var rng = ChoiceStream(choices)
      let data = RandomDatasets(&rng)
      let steps = LeadStage.names.filter { _ in rng.bool() }
      let window: Int64? = rng.bool() ? rng.int64(0...60) : nil
      let keys = rng.bool() ? [("channel", data.leads.column("channel")!)] : []
      let t = try FunnelVerb.run(leads: data.leads, steps: steps.isEmpty ? nil : steps, keys: keys, withinDays: window)
      let stepCount = steps.isEmpty ? 5 : steps.count
      let counts = F.doubles(t.column("count")).map { $0 ?? -1 }
      let drops = F.doubles(t.column("drop_off")).map { $0 ?? -1 }
      #expect(counts.count % stepCount == 0)
      for i in 0..<counts.count where i % stepCount != 0 {
        #expect(counts[i] <= counts[i - 1], "row \(i)")
        #expect(drops[i] == counts[i - 1] - counts[i])
      }
      for rate in F.doubles(t.column("step_conversion")) + F.doubles(t.column("overall_conversion")) {
        if let r = rate { #expect(r >= 0 && r <= 1) }
      }
    }
  }

  @Test func attributionCreditsSumToEachDeal() async {
    await propertyCheck(count: Self.count, input: ChoiceStream.lists) { choices in
      var rng = ChoiceStream(choices)
      let data = RandomDatasets(&rng)
      let keyChoices: [[String]] = [[], ["channel"], ["kind"], ["campaign_id"], ["name", "kind"]]
      let keys = rng.element(keyChoices)
      let basis = rng.element([AttributionBasis.closed, .pipeline, .leads])
      // Custom shares: each shape with random percentages summing to at most 100.
      let custom = AttributionShape.allCases.map { shape -> AttributionModel in
        var left = 100.0
        let shares = shape.positions.map { _ -> Double in
          let x = rng.double(0...left)
          left -= x
          return x
        }
        return .positional(shape, shares: shares)
      }
      let models = AttributionModel.compared + custom + [.timeDecay(halfLifeDays: rng.double(0.5...30))]
      let context = MetricContext(
        origin: basis == .leads ? "leads" : "deals", dataset: data.named, today: F.day("2026-07-01"))
      let rows = basis == .leads ? data.leads : data.deals
      let count = basis == .leads ? "leads" : "deals"
      let amountName = AttributionVerb.amountName(basis)
      let amounts = basis == .leads ? Array(repeating: 1, count: rows.rowCount) : F.doubles(data.deals.column("amount"))
      for model in models {
        let all = try AttributionVerb.run(rows: rows, model: model, basis: basis, keys: keys, context: context)
        #expect(F.close(sum(all.column(count)), Double(rows.rowCount)), "\(model)")
        if let amountName {
          #expect(F.close(sum(all.column(amountName)), amounts.reduce(0) { $0 + ($1 ?? 0) }), "\(model)")
        }
        for d in 0..<rows.rowCount {
          let one = try AttributionVerb.run(
            rows: rows.gather([Int32(d)]), model: model, basis: basis, keys: keys, context: context)
          #expect(F.close(sum(one.column(count)), 1), "\(model) row \(d)")
          if let amountName {
            #expect(F.close(sum(one.column(amountName)), amounts[d] ?? 0), "\(model) deal \(d)")
          }
          for v in F.doubles(one.column(count)) { #expect((v ?? 0) >= -1e-12, "\(model) row \(d)") }
        }
        if basis != .leads {
          // The shared helper credits each deal's amount to its touches, or nothing when it has none.
          for d in 0..<rows.rowCount {
            let one = rows.gather([Int32(d)])
            let perTouch = try AttributionCredits.perTouch(rows: one, basis: basis, model: model, context: context)
            let byName = try AttributionVerb.run(
              rows: one, model: model, basis: basis, keys: ["name"], context: context)
            let touched = !F.texts(byName.column("name")).contains(AttributionVerb.noTouch)
            #expect(F.close(perTouch.reduce(0, +), touched ? amounts[d] ?? 0 : 0), "\(model) per touch, deal \(d)")
          }
        }
      }
      let compared = try AttributionVerb.run(rows: rows, model: .compare, basis: basis, keys: keys, context: context)
      for model in AttributionModel.compared {
        #expect(F.close(sum(compared.column(model.name)), amounts.reduce(0) { $0 + ($1 ?? 0) }))
      }
    }
  }

  @Test func cohortSharesAreFractions() async {
    await propertyCheck(count: Self.count, input: ChoiceStream.lists) { choices in
      var rng = ChoiceStream(choices)
      let data = RandomDatasets(&rng)
      let created = data.leads.column("created_at")!
      let weeks = Column.make(
        .period(.week),
        (0..<created.count).map { r -> Value in
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
          #expect(!ended, "row \(row) \(name): a value after a null month")
          #expect(v >= previous && v <= (won[row] ?? 0) + 1e-12, "row \(row) \(name)")
          previous = v
        }
      }
    }
  }

  @Test func groupedMetricsEqualMetricsOfEachGroup() async {
    await propertyCheck(count: Self.count, input: ChoiceStream.lists) { choices in
      var rng = ChoiceStream(choices)
      let data = RandomDatasets(&rng)
      let origin = rng.element(["campaigns", "leads", "deals", "touches"])
      guard let input = data.named(origin) else { return }
      let groupCount = rng.int(1...3)
      let groupOfRow = (0..<input.rowCount).map { _ in rng.int32(0...Int32(groupCount - 1)) }
      let context = MetricContext(origin: origin, dataset: data.named, today: F.day("2026-07-01"))
      for metric in MetricRegistry.all {
        let arguments: [Value] =
          !metric.parameters.isEmpty
          ? [.string(rng.element(LeadStage.names)), .string(rng.element(LeadStage.names))] : []
        // A campaign metric refuses deals and touches (SpendShareTests).
        if MetricEvaluator.placeProblem(metric, rowsAre: StandardDataset(rawValue: origin)) != nil { continue }
        #expect(
          MetricEvaluator.check(metric.name, argumentCount: arguments.count, columns: input.names, context: context)
            == nil)
        let grouped = try MetricEvaluator.evaluate(
          metric.name, arguments: arguments, input: input,
          grouping: Grouping(groupOfRow: groupOfRow, groupCount: groupCount), context: context)
        for g in 0..<groupCount {
          let rows = groupOfRow.indices.filter { groupOfRow[$0] == Int32(g) }.map { Int32($0) }
          let alone = try MetricEvaluator.evaluate(
            metric.name, arguments: arguments, input: input.gather(rows),
            grouping: .single(rows: rows.count), context: context)
          #expect(
            F.close(grouped.value(at: g).doubleValue, alone.value(at: 0).doubleValue),
            "\(metric.name) over \(origin) group \(g)")
        }
      }
    }
  }

  func sum(_ column: Column?) -> Double { F.doubles(column).reduce(0) { $0 + ($1 ?? 0) } }
}
