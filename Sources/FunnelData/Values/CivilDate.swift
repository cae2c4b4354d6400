/// A proleptic Gregorian calendar date, converted to and from days since
/// 1970-01-01 without Foundation (the conversions run per row when loading).
public struct CivilDate: Hashable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Days from 1970-01-01; the civil-from-days algorithm of H. Hinnant,
  /// exact for every date in Int32's range.
  public init(daysSinceEpoch: Int32) {
    let z = Int(daysSinceEpoch) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: m <= 2 ? y + 1 : y, month: m, day: d)
  }

  /// Days since 1970-01-01.
  public var daysSinceEpoch: Int32 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int32(era * 146_097 + doe - 719_468)
  }

  /// The days dates and timestamps may hold: 0001-01-01 through 9999-12-31,
  /// the years a four-digit ISO date can write. Calendar arithmetic that
  /// lands outside is an overflow, never a date in year -5877585.
  public static let supportedDays: ClosedRange<Int32> =
    CivilDate(year: 1, month: 1, day: 1).daysSinceEpoch...CivilDate(year: 9999, month: 12, day: 31).daysSinceEpoch

  /// The years of `supportedDays`.
  public static let supportedYears: ClosedRange<Int> = 1...9999

  /// True when the fields name a real day (no 2026-02-30).
  public var isValid: Bool {
    guard month >= 1, month <= 12, day >= 1 else { return false }
    return day <= CivilDate.daysIn(month: month, year: year)
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Monday = 1 ... Sunday = 7.
  public static func isoWeekday(daysSinceEpoch d: Int32) -> Int {
    // 1970-01-01 was a Thursday (4).
    let r = (Int(d) + 3) % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  /// `2026-01-31`.
  public var description: String {
    let y = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
    return y + "-" + pad(month, 2) + "-" + pad(day, 2)
  }
}

func pad(_ v: Int, _ width: Int) -> String {
  var s = String(v)
  while s.count < width { s = "0" + s }
  return s
}

/// Timestamps as microseconds since 1970-01-01T00:00:00.
public enum Timestamps {
  public static let microsPerSecond: Int64 = 1_000_000
  public static let microsPerDay: Int64 = 86_400_000_000

  /// The day a timestamp falls on (floor division, so times before 1970 work).
  public static func day(of t: Int64) -> Int32 {
    Int32((t >= 0 ? t : t - microsPerDay + 1) / microsPerDay)
  }

  public static func make(day: Int32, hour: Int, minute: Int, second: Int, micros: Int = 0) -> Int64 {
    Int64(day) * microsPerDay + Int64(hour * 3600 + minute * 60 + second) * microsPerSecond + Int64(micros)
  }

  /// `2018-02-26 19:58:54` (fractions of a second only when present).
  public static func format(_ t: Int64) -> String {
    let d = day(of: t)
    var rest = t - Int64(d) * microsPerDay
    let micros = rest % microsPerSecond
    rest /= microsPerSecond
    let h = Int(rest / 3600), m = Int((rest % 3600) / 60), s = Int(rest % 60)
    var text = CivilDate(daysSinceEpoch: d).description + " " + pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2)
    if micros != 0 {
      var f = pad(Int(micros), 6)
      while f.hasSuffix("0") { f.removeLast() }
      text += "." + f
    }
    return text
  }
}

/// Period buckets (see `PeriodUnit` for the encoding).
public enum Periods {
  /// The bucket a day falls in.
  public static func bucket(day: Int32, unit: PeriodUnit) -> Int32 {
    switch unit {
    case .day: return day
    case .week: return day - Int32(CivilDate.isoWeekday(daysSinceEpoch: day) - 1)
    case .month:
      let c = CivilDate(daysSinceEpoch: day)
      return Int32(c.year * 12 + c.month - 1)
    case .quarter:
      let c = CivilDate(daysSinceEpoch: day)
      return Int32(c.year * 4 + (c.month - 1) / 3)
    case .year: return Int32(CivilDate(daysSinceEpoch: day).year)
    }
  }

  /// The bucket of every day. The days of a column usually span a few years
  /// while it holds millions of rows: then each day of the span is bucketed
  /// once into a table and rows look theirs up, trading the calendar's
  /// divisions for one load a row.
  public static func buckets(days: [Int32], unit: PeriodUnit) -> [Int32] {
    if unit == .day { return days }
    guard days.count >= 1024, let lo = days.min(), let hi = days.max(), Int(hi) - Int(lo) < days.count else {
      return days.map { bucket(day: $0, unit: unit) }
    }
    let table = (lo...hi).map { bucket(day: $0, unit: unit) }
    return table.withUnsafeBufferPointer { t in
      days.map { t[Int($0 &- lo)] }
    }
  }

  /// The first day of a bucket.
  public static func firstDay(_ ordinal: Int32, unit: PeriodUnit) -> Int32 {
    switch unit {
    case .day, .week: return ordinal
    case .month:
      let o = Int(ordinal)
      let y = o >= 0 ? o / 12 : (o - 11) / 12
      return CivilDate(year: y, month: o - y * 12 + 1, day: 1).daysSinceEpoch
    case .quarter:
      let o = Int(ordinal)
      let y = o >= 0 ? o / 4 : (o - 3) / 4
      return CivilDate(year: y, month: (o - y * 4) * 3 + 1, day: 1).daysSinceEpoch
    case .year: return CivilDate(year: Int(ordinal), month: 1, day: 1).daysSinceEpoch
    }
  }

  /// `2026`, `2026-Q1`, `2026-03`, `2026-W11`, `2026-03-09`.
  public static func format(_ ordinal: Int32, unit: PeriodUnit) -> String {
    switch unit {
    case .day: return CivilDate(daysSinceEpoch: ordinal).description
    case .year: return pad(Int(ordinal), 4)
    case .month:
      let c = CivilDate(daysSinceEpoch: firstDay(ordinal, unit: .month))
      return pad(c.year, 4) + "-" + pad(c.month, 2)
    case .quarter:
      let o = Int(ordinal)
      let y = o >= 0 ? o / 4 : (o - 3) / 4
      return pad(y, 4) + "-Q" + String(o - y * 4 + 1)
    case .week:
      let (y, w) = isoWeek(monday: ordinal)
      return pad(y, 4) + "-W" + pad(w, 2)
    }
  }

  /// ISO 8601 week-numbering year and week of the week starting on `monday`.
  public static func isoWeek(monday: Int32) -> (year: Int, week: Int) {
    // The ISO year is the year of the week's Thursday.
    let thursday = monday + 3
    let year = CivilDate(daysSinceEpoch: thursday).year
    let jan1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
    return (year, Int(thursday - jan1) / 7 + 1)
  }

  /// Parses the text `format` gives back to an ordinal (`"2026-Q1"` as a quarter).
  public static func parse(_ text: String, unit: PeriodUnit) -> Int32? {
    let bytes = Array(text.utf8)
    func number(_ r: Range<Int>) -> Int? {
      guard r.lowerBound >= 0, r.upperBound <= bytes.count, !r.isEmpty else { return nil }
      var v = 0
      for b in bytes[r] {
        guard b >= 48, b <= 57 else { return nil }
        v = v * 10 + Int(b - 48)
      }
      return v
    }
    switch unit {
    case .year:
      // Four digits at most: a longer run is no year (and would not fit).
      guard bytes.count <= 4, let y = number(0..<bytes.count) else { return nil }
      return Int32(y)
    case .quarter:
      guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q"),
        let y = number(0..<4), let q = number(6..<7), (1...4).contains(q)
      else { return nil }
      return Int32(y * 4 + q - 1)
    case .month:
      guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let y = number(0..<4), let m = number(5..<7),
        (1...12).contains(m)
      else { return nil }
      return Int32(y * 12 + m - 1)
    case .week:
      guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W"),
        let y = number(0..<4), let w = number(6..<8), (1...53).contains(w)
      else { return nil }
      // The Monday of ISO week 1 is the Monday on or before January 4th.
      let jan4 = CivilDate(year: y, month: 1, day: 4).daysSinceEpoch
      let week1 = jan4 - Int32(CivilDate.isoWeekday(daysSinceEpoch: jan4) - 1)
      return week1 + Int32((w - 1) * 7)
    case .day:
      guard bytes.count == 10, let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else {
        return nil
      }
      let c = CivilDate(year: y, month: m, day: d)
      return c.isValid ? c.daysSinceEpoch : nil
    }
  }
}
