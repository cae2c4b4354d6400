import FunnelData
import FunnelLanguage

/// Calendar arithmetic on dates and timestamps.
enum DateKernels {
  /// `d` moved by `amount` months, the day clamped to the month's end
  /// (2026-01-31 + 1mo = 2026-02-28).
  static func addMonths(_ day: Int32, _ amount: Int64) -> Int32 {
    let c = CivilDate(daysSinceEpoch: day)
    let total = Int64(c.year) * 12 + Int64(c.month - 1) + amount
    let y = Int(total >= 0 ? total / 12 : (total - 11) / 12)
    let m = Int(total - Int64(y) * 12) + 1
    let d = min(c.day, CivilDate.daysIn(month: m, year: y))
    return CivilDate(year: y, month: m, day: d).daysSinceEpoch
  }

  static func shift(_ day: Int32, _ d: Duration, negative: Bool) -> Int32 {
    let amount = negative ? -d.amount : d.amount
    switch d.unit {
    case .days: return day &+ Int32(truncatingIfNeeded: amount)
    case .weeks: return day &+ Int32(truncatingIfNeeded: amount * 7)
    case .months: return addMonths(day, amount)
    case .years: return addMonths(day, amount * 12)
    }
  }

  /// A date or timestamp column moved by a duration.
  static func shift(_ c: Column, _ d: Duration, negative: Bool) -> Column {
    switch c.data {
    case .timestamp(let v):
      let out = v.map { t -> Int64 in
        let day = Timestamps.day(of: t)
        let time = t - Int64(day) * Timestamps.microsPerDay
        return Int64(shift(day, d, negative: negative)) * Timestamps.microsPerDay + time
      }
      return Column(.timestamp(out), validity: c.validity)
    default:
      return Column(.date(c.int32s.map { shift($0, d, negative: negative) }), validity: c.validity)
    }
  }
}
