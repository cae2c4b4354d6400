/// The proleptic Gregorian calendar arithmetic date literals need.
///
/// FunnelLanguage sits below FunnelData, so it keeps its own small copy of
/// the days-since-epoch conversion rather than importing the data layer.
enum CivilCalendar {
  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Days in `month` (1...12) of `year`; 0 for a month out of range.
  static func daysInMonth(_ month: Int, of year: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeap(year) ? 29 : 28
    default: return 0
    }
  }

  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    day >= 1 && day <= daysInMonth(month, of: year)
  }

  /// Days since 1970-01-01 (negative before it) of a valid date.
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    // Count from a March-based year so the leap day falls at the year's end.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Reads `YYYY-MM-DD` (exactly those digits); nil when the shape is wrong.
  static func fields(of text: Substring) -> (year: Int, month: Int, day: Int)? {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        let b = bytes[i]
        guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(b - UInt8(ascii: "0"))
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    return (y, m, d)
  }
}
