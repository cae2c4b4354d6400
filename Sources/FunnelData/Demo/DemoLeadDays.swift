/// Days for `count` leads in time order, drawn by stratified sampling: the
/// i-th lead's point lies in the i-th equal slice of the total weight, so the
/// days come out sorted (lead ids grow with `created_at`, as in a CRM) in one
/// pass, without sorting a million dates.
struct DemoLeadDays {
  private let calendar: DemoCalendar
  private let count: Int
  private var next = 0
  private var cursor = 0

  init(calendar: DemoCalendar, count: Int) {
    self.calendar = calendar
    self.count = count
  }

  /// The day offset of the next lead.
  @inline(__always)
  mutating func nextDay(_ rng: inout DemoRandom) -> Int {
    // total ≈ 10^7 and count ≤ 10^8 keep the product inside Int64.
    let target = (next * calendar.total + rng.below(calendar.total)) / count
    next += 1
    while calendar.cumulative[cursor] <= target { cursor += 1 }
    return cursor
  }
}
