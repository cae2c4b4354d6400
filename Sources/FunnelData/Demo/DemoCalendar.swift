/// The two years the demo data covers and how busy each day of them is.
///
/// A day's weight is growth × season × weekday × a little noise: lead volume
/// grows through both years, peaks in October and November, sags in August
/// and in the last days of December, and drops at weekends. Leads are spread
/// over the days in proportion to these weights.
struct DemoCalendar {
  /// 2024-07-01, the first day of the data.
  static let firstDay: Int32 = CivilDate(year: 2024, month: 7, day: 1).daysSinceEpoch
  /// 2026-06-30, the day the data is "as of": nothing happens after it.
  static let lastDay: Int32 = CivilDate(year: 2026, month: 6, day: 30).daysSinceEpoch
  static let dayCount = Int(lastDay - firstDay) + 1

  /// Relative lead volume of each month, January first (parts of 100).
  private static let monthFactor = [95, 100, 112, 102, 104, 96, 86, 62, 112, 126, 132, 100]
  /// Monday first (parts of 100).
  private static let weekdayFactor = [105, 112, 110, 104, 88, 30, 26]

  /// Running sums of the day weights: `cumulative[k]` covers days 0...k.
  let cumulative: [Int]
  var total: Int { cumulative.last ?? 0 }

  init(rng: inout DemoRandom) {
    var cumulative = [Int]()
    cumulative.reserveCapacity(DemoCalendar.dayCount)
    var sum = 0
    for k in 0..<DemoCalendar.dayCount {
      let day = DemoCalendar.firstDay + Int32(k)
      let date = CivilDate(daysSinceEpoch: day)
      let growth = 1_000 + k * 700 / DemoCalendar.dayCount
      var season = DemoCalendar.monthFactor[date.month - 1]
      if date.month == 12 && date.day >= 20 { season = 35 }
      if date.month == 1 && date.day <= 2 { season = 40 }
      let weekday = DemoCalendar.weekdayFactor[CivilDate.isoWeekday(daysSinceEpoch: day) - 1]
      let noise = rng.between(880, 1_120)
      sum += growth * season * weekday * noise / 1_000_000
      cumulative.append(sum)
    }
    self.cumulative = cumulative
  }

  /// A day offset (0 = 2024-07-01) drawn in proportion to the weights.
  func randomDay(_ rng: inout DemoRandom) -> Int {
    let target = rng.below(total)
    var low = 0, high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] <= target { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// `"Q3 2025"` for the day offset, as campaign names spell a quarter.
  static func quarterLabel(_ offset: Int) -> String {
    let date = CivilDate(daysSinceEpoch: firstDay + Int32(offset))
    return "Q\((date.month - 1) / 3 + 1) \(date.year)"
  }
}
