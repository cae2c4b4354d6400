/// What a cell's number format says its number is: a date, a date and
/// time, a time of day, or a plain number. Excel stores dates as numbers
/// (days since 1900), and only the format tells them apart.
enum NumberFormat: Equatable {
  case plain, date, dateTime, time

  /// Excel's built-in formats (ids below 164) that show dates or times.
  static func builtIn(_ id: Int) -> NumberFormat {
    switch id {
    case 14...17, 27...31, 34...36, 50...58: return .date
    case 22: return .dateTime
    case 18...21, 32, 33, 45...47: return .time
    default: return .plain
    }
  }

  /// A custom format code such as `yyyy-mm-dd`, `d/m/yy h:mm` or `[h]:mm`:
  /// its first section, without quoted text, escaped characters and
  /// bracketed colours or currencies, holds y, d or m for a date and h or s
  /// for a time (`m` next to h or s is minutes).
  static func classify(_ code: String) -> NumberFormat {
    let bytes = Array(code.utf8)
    var letters: [UInt8] = []
    var i = 0
    var elapsed = false
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: ";"):
        i = bytes.count
        continue
      case UInt8(ascii: "\""):
        i += 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += 1 }
      case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
        // The next character is shown as it is, padded or repeated.
        i += 1
      case UInt8(ascii: "["):
        let start = i + 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "]") { i += 1 }
        let inside = String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self).lowercased()
        // [h], [mm], [ss]: elapsed time; anything else is a colour, a condition or a locale.
        if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) { elapsed = true }
      default:
        if b >= 65, b <= 90 { letters.append(b + 32) } else { letters.append(b) }
      }
      i += 1
    }
    let text = String(decoding: letters, as: UTF8.self)
    if text.contains("general") { return .plain }
    let hasTime = elapsed || text.contains("h") || text.contains("s")
    let hasDate = text.contains("y") || text.contains("d") || (!hasTime && text.contains("m"))
    switch (hasDate, hasTime) {
    case (true, true): return .dateTime
    case (true, false): return .date
    case (false, true): return .time
    default: return .plain
    }
  }
}
