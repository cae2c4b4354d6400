/// Excel's serial dates as the ISO text the CSV reader takes: a number of
/// days (with the time of day as a fraction) since the workbook's epoch.
///
/// In the 1900 system day 1 is 1900-01-01, and day 60 is 1900-02-29, a day
/// that never was (Lotus 1-2-3 took 1900 for a leap year and Excel kept
/// it), so from day 61 on the count runs from 1899-12-30. In the 1904
/// system (`date1904` in workbook.xml) day 0 is 1904-01-01.
///
///     ExcelSerial.text(45322, .date, date1904: false)       // "2024-01-31"
///     ExcelSerial.text(45322.5, .dateTime, date1904: false) // "2024-01-31 12:00:00"
///     ExcelSerial.text(0.75, .time, date1904: false)        // "18:00:00"
enum ExcelSerial {
  private static let msPerDay: Int64 = 86_400_000
  /// 9999-12-31, the last day Excel shows.
  private static let lastSerial = 2_958_465.0

  /// The text for `serial` shown in `format`; nil when it is no date Excel
  /// would show (negative, or past the year 9999): the number stays a number.
  static func text(_ serial: Double, _ format: NumberFormat, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial <= lastSerial + 1 else { return nil }
    // Excel keeps times to the millisecond; rounding there takes away the
    // binary fraction's noise (0.1 of a day is not exact in a double).
    let total = Int64((serial * Double(msPerDay)).rounded())
    let days = Int(total / msPerDay)
    let ms = Int(total % msPerDay)
    if format == .time, days == 0 { return time(ms) }
    let date: String
    if date1904 {
      date = CivilDate(daysSinceEpoch: epoch1904 + Int32(days)).description
    } else if days == 60 {
      date = "1900-02-29"
    } else {
      date = CivilDate(daysSinceEpoch: (days < 60 ? epoch1900 + 1 : epoch1900) + Int32(days)).description
    }
    if format == .date, ms == 0 { return date }
    return date + " " + time(ms)
  }

  /// 1899-12-30, day 0 of the 1900 system from day 61 on.
  private static let epoch1900 = CivilDate(year: 1899, month: 12, day: 30).daysSinceEpoch
  private static let epoch1904 = CivilDate(year: 1904, month: 1, day: 1).daysSinceEpoch

  /// `HH:MM:SS`, with `.mmm` when there are milliseconds.
  private static func time(_ ms: Int) -> String {
    let seconds = ms / 1000
    var text = pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    if ms % 1000 != 0 { text += "." + pad(ms % 1000, 3) }
    return text
  }
}
