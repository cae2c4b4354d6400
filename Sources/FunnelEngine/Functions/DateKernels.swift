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
    if d.unit == .days || d.unit == .weeks { return try shift(c, days: days(d, negative: negative)) }
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

  /// The days a duration of days or weeks moves by; nil when that number
  /// itself has no Int64 form (every date would leave the calendar).
  static func days(_ d: Duration, negative: Bool) -> Int64? {
    let (amount, o) = negative ? CheckedArithmetic.negate(d.amount) : (d.amount, false)
    guard !o else { return nil }
    guard d.unit == .weeks else { return amount }
    let (days, o7) = amount.multipliedReportingOverflow(by: 7)
    return o7 ? nil : days
  }

  /// A column moved by a whole number of days: one add and one range test a
  /// row, no calendar (timestamps move by that many days of microseconds).
  static func shift(_ c: Column, days delta: Int64?) throws(Overflow) -> Column {
    let n = c.count
    let first = Int64(CivilDate.supportedDays.lowerBound), last = Int64(CivilDate.supportedDays.upperBound)
    switch c.data {
    case .timestamp(let v):
      let (micros, o) = (delta ?? 0).multipliedReportingOverflow(by: Timestamps.microsPerDay)
      guard delta != nil, !o else {
        try CheckedArithmetic.requireNone(c.validity, count: n, type: .timestamp) { _ in true }
        return c
      }
      let lo = first * Timestamps.microsPerDay, hi = (last + 1) * Timestamps.microsPerDay - 1
      let out = try CheckedArithmetic.map(v, validity: c.validity, type: .timestamp) { t in
        let (moved, o) = t.addingReportingOverflow(micros)
        return (moved, o || moved < lo || moved > hi)
      }
      return Column(.timestamp(out), validity: c.validity)
    default:
      // Past 2^32 days every Int32 day leaves the calendar; within, the sum fits Int64.
      guard let delta, delta.magnitude <= 1 << 32 else {
        try CheckedArithmetic.requireNone(c.validity, count: n, type: .date) { _ in true }
        return c
      }
      let days = c.int32s
      var out = [Int32](repeating: 0, count: n)
      var flags: UInt8 = 0
      days.withUnsafeBufferPointer { p in
        for i in 0..<n {
          let moved = Int64(p[i]) + delta
          flags |= moved < first || moved > last ? 1 : 0
          out[i] = Int32(truncatingIfNeeded: moved)
        }
      }
      if flags != 0 {
        try CheckedArithmetic.requireNone(c.validity, count: n, type: .date) {
          CheckedArithmetic.day(days[$0], plus: delta) == nil
        }
      }
      return Column(.date(out), validity: c.validity)
    }
  }
}
