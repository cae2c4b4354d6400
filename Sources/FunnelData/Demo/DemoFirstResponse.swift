/// The first answer from sales to a new lead: a sales email or call some
/// minutes, hours or days after the touch that created the lead (the form
/// fill), or none at all, as response times are spread in real inside-sales
/// teams: many leads answered within the hour in office hours, many the next
/// working day, some after days, some never.
///
/// Drawn from a stream of their own, so every other touch and column keeps
/// its values; the answer joins the lead's touches in time order.
enum DemoFirstResponse {
  /// Chance (per 10,000) that sales answers a lead at all, by how far it got
  /// (lead, mql, sql or later): an MQL is routed to a rep; a lead that never
  /// becomes one goes to a nurture track, and only a few of those (a contact
  /// form, a rep's own follow-up) hear from sales.
  private static let answered = [1_500, 9_200, 9_600]
  /// How long the answer takes: within the hour, 1–8 hours, 8–48 hours, 2–10 days.
  private static let delay = DemoWeights([28, 32, 22, 18])
  /// Chance (per 10,000) that the answer is an email rather than a call.
  private static let emailShare = 5_500
  /// Office hours, in hours of the day: a lead that arrives outside them
  /// waits for the next morning at the earliest.
  private static let opens = 8
  private static let closes = 18

  /// The answer to a lead created by the touch at `created` (microseconds)
  /// that got as far as `furthest` (0 lead, 1 mql, 2 sql or later), as
  /// (time, kind), or nil when it is never answered or the answer would fall
  /// after `latest` (the end of the day the lead was accepted by sales or
  /// lost: later sales touches are the sales team's own) or the data's last
  /// day.
  static func draw(created: Int64, furthest: Int, latest: Int64?, rng: inout DemoRandom) -> (Int64, DemoTouchKind)? {
    guard rng.chance(answered[furthest]) else { return nil }
    let second = Timestamps.microsPerSecond
    let hour = 3_600 * second
    let day = Timestamps.microsPerDay
    let hourOfDay = Int((created % day) / hour)
    var start = created
    if hourOfDay >= closes {
      start = created - created % day + day + Int64(opens) * hour
    } else if hourOfDay < opens {
      start = created - created % day + Int64(opens) * hour
    }
    let wait: Int64
    switch delay.pick(&rng) {
    case 0: wait = Int64(rng.between(2 * 60, 60 * 60)) * second
    case 1: wait = Int64(rng.between(3_601, 8 * 3_600)) * second
    case 2: wait = Int64(rng.between(8 * 3_600 + 1, 48 * 3_600)) * second
    default: wait = Int64(rng.between(2 * 86_400, 10 * 86_400)) * second
    }
    let time = start + wait
    let lastInstant = (Int64(DemoCalendar.lastDay) + 1) * day - 1
    guard time <= min(lastInstant, latest ?? lastInstant) else { return nil }
    return (time, rng.chance(emailShare) ? .salesEmail : .salesCall)
  }
}
