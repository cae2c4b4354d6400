/// Each rep's quota for each quarter from 2024-Q3 to 2027-Q1 (the demo's
/// eight quarters and the three after it), as sales ops sets it: the rep's
/// average won amount a quarter over the demo's span, raised 6 points of it
/// a quarter from 100% (targets grow faster than most reps do), times a draw
/// of 85–115% for territory and ramp, rounded to $5,000 and at least $5,000.
/// Drawn from a stream of its own, so every other dataset keeps its values.
struct DemoQuotas {
  private(set) var rep: [Int32] = []
  /// Day offset from 2024-07-01 of the quarter's first day.
  private(set) var start: [Int32] = []
  /// Dollars.
  private(set) var dollars: [Int64] = []

  /// Quarters from 2024-Q3 on.
  static let quarterCount = 11

  init(deals: DemoDeals, leads: DemoLeads, rng: inout DemoRandom) {
    let reps = DemoVocabulary.reps.count
    let demoQuarters = 8
    var won = [Int64](repeating: 0, count: reps)
    for k in 0..<deals.count where deals.stage[k] == 4 {
      let owner = Int(leads.owner[Int(deals.lead[k])])
      if owner >= 0 { won[owner] += deals.amount[k] / 100 }
    }
    let first = CivilDate(daysSinceEpoch: DemoCalendar.firstDay)
    for r in 0..<reps {
      let average = won[r] / Int64(demoQuarters)
      for q in 0..<DemoQuotas.quarterCount {
        let month = first.month - 1 + 3 * q
        let day = CivilDate(year: first.year + month / 12, month: month % 12 + 1, day: 1).daysSinceEpoch
        let target = average * Int64(100 + 6 * q) / 100 * Int64(rng.hump(85, 115)) / 100
        rep.append(Int32(r))
        start.append(day - DemoCalendar.firstDay)
        dollars.append(max(1, (target + 2_500) / 5_000) * 5_000)
      }
    }
  }

  /// The `quotas` table: owner, period (the quarter's first day), amount.
  func table() -> Table {
    Table(
      names: ["owner", "period", "amount"],
      columns: [
        Column(.string(codes: rep, dictionary: DemoVocabulary.repDictionary)),
        DemoColumns.dates(offsets: start),
        DemoColumns.money(cents: dollars.map { $0 * 100 }),
      ])
  }
}
