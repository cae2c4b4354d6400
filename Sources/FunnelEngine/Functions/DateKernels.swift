import FunnelData
import FunnelLanguage

/// Calendar arithmetic on dates and timestamps. A result outside
/// 0001-01-01 ... 9999-12-31 (`CivilDate.supportedDays`) throws `Overflow`.
enum DateKernels {
  /// `day` moved by a duration, or nil when it leaves the supported days.
  static func shift(_ day: Int32, _ d: Duration, negative: Bool) -> Int32? {
    // Negating Int64.min (a duration can not be written that large, but a
    // constant can) is itself out of every range.
    let (amount, o) = negative ? CheckedArithmetic.negate(d.amount) : (d.amount, false)
    guard !o else { return nil }
    switch d.unit {
    case .days: return CheckedArithmetic.day(day, plus: amount)
    case .weeks:
      let (days, o) = amount.multipliedReportingOverflow(by: 7)
      return o ? nil : CheckedArithmetic.day(day, plus: days)
    case .months: return CheckedArithmetic.day(day, plusMonths: amount)
    case .years:
      let (months, o) = amount.multipliedReportingOverflow(by: 12)
      return o ? nil : CheckedArithmetic.day(day, plusMonths: months)
    }
  }

  /// A date or timestamp column moved by a duration (a timestamp keeps its time of day).
  static func shift(_ c: Column, _ d: Duration, negative: Bool) throws(Overflow) -> Column {
    let n = c.count
    var flags: UInt8 = 0
    switch c.data {
    case .timestamp(let v):
      var out = [Int64](repeating: 0, count: n)
      for i in 0..<n {
        let day = Timestamps.day(of: v[i])
        let time = v[i] - Int64(day) * Timestamps.microsPerDay
        if let moved = shift(day, d, negative: negative) {
          out[i] = Int64(moved) * Timestamps.microsPerDay + time
        } else {
          flags |= 1
        }
      }
      if flags != 0 {
        try CheckedArithmetic.requireNone(c.validity, count: n, type: .timestamp) {
          shift(Timestamps.day(of: v[$0]), d, negative: negative) == nil
        }
      }
      return Column(.timestamp(out), validity: c.validity)
    default:
      let days = c.int32s
      var out = [Int32](repeating: 0, count: n)
      for i in 0..<n {
        if let moved = shift(days[i], d, negative: negative) { out[i] = moved } else { flags |= 1 }
      }
      if flags != 0 {
        try CheckedArithmetic.requireNone(c.validity, count: n, type: .date) {
          shift(days[$0], d, negative: negative) == nil
        }
      }
      return Column(.date(out), validity: c.validity)
    }
  }
}
