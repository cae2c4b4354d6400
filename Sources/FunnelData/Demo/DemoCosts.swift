/// The costs of winning customers that are not campaign spend (ad spend,
/// booths and sponsorships are in `campaigns.spend`): one row per month, team
/// and category, for the months of the demo data.
///
/// At the default size (20,000 leads) marketing pays five people growing to
/// eight, its tools, an agency retainer and content work, about 80k a month;
/// sales pays the sixteen reps who own the deals (at their region's rate) and
/// its leadership, about 145k a month, commissions of 8–12% of each month's
/// won revenue, and CRM and sales tools. Everything but the commissions scales
/// with the number of leads, as the revenue does, so a fully loaded CAC keeps
/// its size at any `--demo-size`. Salaries rise about 4% in the second year.
///
/// ```swift
/// let demo = DemoData.generate(leads: 20_000, seed: 42)
/// demo.costs.rowCount   // 168: 24 months × 7 team categories
/// ```
struct DemoCosts {
  /// Day offset of the first of the month, per row.
  private(set) var month: [Int32] = []
  /// Code in `teamDictionary`.
  private(set) var team: [Int32] = []
  /// Code in `categoryDictionary`.
  private(set) var category: [Int32] = []
  private(set) var cents: [Int64] = []

  static let teams = ["marketing", "sales"]
  static let categories = ["salaries", "commissions", "tools", "agency", "content"]
  /// The categories of each team, as codes in `categories`, in row order.
  private static let categoriesByTeam: [[Int32]] = [[0, 2, 3, 4], [0, 1, 2]]
  static let teamDictionary = StringDictionary(teams)
  static let categoryDictionary = StringDictionary(categories)

  /// A rep's monthly cost to the company (salary, taxes, benefits) in dollars, by region.
  private static let repCostByRegion = [9_000, 7_800, 6_800, 4_600]
  /// Sales leadership (a head of sales and a manager) a month, in dollars.
  private static let salesLeadership = 22_000
  /// The leads the fixed costs are sized for.
  private static let sizedFor = 20_000

  /// The first of each month from 2024-07-01 to 2026-06-01, as day offsets.
  static let monthStarts: [Int32] = {
    var starts: [Int32] = []
    let first = CivilDate(daysSinceEpoch: DemoCalendar.firstDay)
    for m in 0..<monthCount {
      let total = first.month - 1 + m
      let day = CivilDate(year: first.year + total / 12, month: total % 12 + 1, day: 1)
      starts.append(day.daysSinceEpoch - DemoCalendar.firstDay)
    }
    return starts
  }()
  static let monthCount = 24

  init(deals: DemoDeals, leadCount: Int, rng: inout DemoRandom) {
    let months = DemoCosts.monthStarts
    // Won revenue by month of close, in cents.
    var won = [Int64](repeating: 0, count: months.count)
    for k in 0..<deals.count where deals.stage[k] == 4 && deals.closed[k] != DemoColumns.noDate {
      let m = (months.lastIndex { $0 <= deals.closed[k] }) ?? 0
      won[m] += deals.amount[k]
    }
    // Each rep's monthly cost, drawn once (±5% around the region's rate).
    let reps = DemoVocabulary.repRegion.map { DemoCosts.repCostByRegion[$0] * rng.between(950, 1_050) / 1_000 }
    let repTotal = reps.reduce(0, +) + DemoCosts.salesLeadership

    /// Dollars for the default size as cents for `leadCount` leads, with some cents.
    func scaled(_ dollars: Int, raise: Bool) -> Int64 {
      let base = Int64(dollars) * (raise ? 1_040 : 1_000) / 10
      return base * Int64(leadCount) / Int64(DemoCosts.sizedFor) + Int64(rng.below(100))
    }

    for (m, start) in months.enumerated() {
      let secondYear = m >= 12
      for (t, codes) in DemoCosts.categoriesByTeam.enumerated() {
        for c in codes {
          let amount: Int64
          switch (t, DemoCosts.categories[Int(c)]) {
          case (0, "salaries"): amount = scaled((5 + m / 6) * rng.between(8_600, 9_400), raise: secondYear)
          case (0, "tools"): amount = scaled(6_000 + 120 * m + rng.between(-400, 600), raise: false)
          case (0, "agency"): amount = scaled(rng.between(9_000, 15_000), raise: false)
          case (0, "content"): amount = scaled(rng.between(3_000, 7_500), raise: false)
          case (_, "salaries"): amount = scaled(repTotal, raise: secondYear)
          case (_, "commissions"): amount = won[m] * Int64(rng.between(800, 1_200)) / 10_000
          default: amount = scaled((reps.count + 3) * 165 + rng.between(2_200, 2_800), raise: false)
          }
          month.append(start)
          team.append(Int32(t))
          category.append(c)
          cents.append(max(0, amount))
        }
      }
    }
  }

  /// The `costs` table.
  func table() -> Table {
    Table(
      names: ["month", "team", "category", "amount"],
      columns: [
        DemoColumns.dates(offsets: month),
        Column(.string(codes: team, dictionary: DemoCosts.teamDictionary)),
        Column(.string(codes: category, dictionary: DemoCosts.categoryDictionary)),
        DemoColumns.money(cents: cents),
      ])
  }
}
