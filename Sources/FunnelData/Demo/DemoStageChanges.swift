/// Each deal's path through the pipeline stages: one row per change of
/// stage, as a CRM's stage history keeps it. Drawn from a stream of its own
/// after the deals, so the deals keep every value they had, and consistent
/// with them: the first change is to prospecting on the deal's `created_at`;
/// a closed deal's last change is to closed_won or closed_lost on its
/// `closed_at`, and the stage before it is negotiation (won) or its
/// `lost_stage` (lost); an open deal's last change is to its `stage`.
///
/// Between those ends a deal may skip a stage (small products skip more:
/// a Starter deal often goes from qualification straight to negotiation),
/// and may move back one stage and forward again (more often for larger
/// companies, whose buying groups reopen a proposal). The days between
/// changes share the deal's open-to-close span (or, for an open deal, the
/// part of its age before its current stage) by weights that give later
/// stages more time for bigger products. Changes of one deal are on
/// distinct days except forward moves, which may share a day; a move
/// back is always at least a day after the change before it.
struct DemoStageChanges {
  private(set) var deal: [Int64] = []
  /// Code in `DemoVocabulary.dealStageDictionary`.
  private(set) var stage: [Int32] = []
  /// Day offset from 2024-07-01.
  private(set) var day: [Int32] = []

  /// Chance (per 10,000) of skipping each of qualification, proposal and
  /// negotiation on the way to a later stage, by product (as `DemoVocabulary.products`).
  private static let skipChance = [
    [1_200, 2_500, 3_000],
    [600, 1_200, 1_500],
    [300, 600, 700],
    [100, 200, 300],
    [1_500, 3_000, 3_500],
  ]
  /// Chance (per 10,000) of one move back from proposal or negotiation, by
  /// company size class.
  private static let backChance = [300, 500, 800, 1_200, 1_600]
  /// Relative time in prospecting, qualification, proposal and negotiation, by product.
  private static let stageWeight = [
    [2, 3, 3, 2],
    [2, 3, 4, 3],
    [2, 3, 4, 4],
    [2, 3, 5, 6],
    [2, 2, 3, 2],
  ]

  init(deals: DemoDeals, terms: DemoDealTerms, leads: DemoLeads, rng: inout DemoRandom) {
    let last = Int32(DemoCalendar.dayCount - 1)
    deal.reserveCapacity(deals.count * 4)
    stage.reserveCapacity(deals.count * 4)
    day.reserveCapacity(deals.count * 4)
    for k in 0..<deals.count {
      let i = Int(deals.lead[k])
      let product = Int(deals.product[k])
      let size = Int(leads.size[i])
      let opened = leads.reached[2][i]
      let final = Int(deals.stage[k])
      let closed = final >= 4
      let target = final == 4 ? 3 : final == 5 ? Int(terms.lostStage[k]) : final

      // The working stages visited, in order.
      var path = [0]
      if target > 0 {
        for s in 1...target where s == target || !rng.chance(DemoStageChanges.skipChance[product][s - 1]) {
          path.append(s)
        }
      }
      // One move back from a stage at proposal or later, then forward again.
      if let at = path.lastIndex(where: { $0 >= 2 }), rng.chance(DemoStageChanges.backChance[size]) {
        path.insert(contentsOf: [path[at] - 1, path[at]], at: at + 1)
      }
      // The days each visit starts: a closed deal's span ends at its close, an
      // open deal's visits before its current one share part of its age.
      let end: Int32
      if closed {
        end = deals.closed[k]
      } else {
        let age = Int(last - opened)
        end = opened + Int32(age * rng.hump(20, 80) / 100)
      }
      var weights = path.map { DemoStageChanges.stageWeight[product][$0] * rng.hump(50, 150) }
      if !closed { weights.removeLast() }
      var starts = [opened]
      let span = Int(max(0, end - opened))
      let total = max(weights.reduce(0, +), 1)
      var sum = 0
      for w in weights.dropLast() {
        sum += w
        starts.append(opened + Int32(span * sum / total))
      }
      if !closed && path.count > 1 { starts.append(end) }
      // A move back on the day of the change before or after it could be read in
      // another order; such a deal keeps its forward path instead.
      if path.count >= 3 {
        for j in 1..<path.count where path[j] < path[j - 1] {
          let next = j + 1 < starts.count ? starts[j + 1] : (closed ? end : last + 1)
          if starts[j] <= starts[j - 1] || next <= starts[j] {
            path.removeSubrange(j...(j + 1))
            starts.removeSubrange(j...(j + 1))
          }
          break
        }
      }
      let id = Int64(k) + 1
      for (s, d) in zip(path, starts) {
        deal.append(id)
        stage.append(Int32(s))
        day.append(d)
      }
      if closed {
        deal.append(id)
        stage.append(Int32(final))
        day.append(deals.closed[k])
      }
    }
  }

  /// The `stage_changes` table: deal_id, stage, changed_at, by deal then day.
  func table() -> Table {
    Table(
      names: ["deal_id", "stage", "changed_at"],
      columns: [
        Column(.int(deal)),
        Column(.string(codes: stage, dictionary: DemoVocabulary.dealStageDictionary)),
        DemoColumns.dates(offsets: day),
      ])
  }
}
