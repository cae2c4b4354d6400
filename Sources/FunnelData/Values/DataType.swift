/// The calendar buckets that `year()`, `quarter()`, `month()`, `week()` and
/// `day()` produce. A bucket is stored as an `Int32` ordinal that sorts in time order:
///
/// | unit | ordinal | shown |
/// |---|---|---|
/// | year | the year | `2026` |
/// | quarter | year × 4 + (quarter − 1) | `2026-Q1` |
/// | month | year × 12 + (month − 1) | `2026-03` |
/// | week | days since 1970-01-01 of the ISO week's Monday | `2026-W11` |
/// | day | days since 1970-01-01 | `2026-03-09` |
public enum PeriodUnit: String, Hashable, Sendable, CaseIterable {
  case day, week, month, quarter, year
}

/// The type of a column or an expression.
public enum DataType: Hashable, Sendable {
  case int
  case double
  /// Exact decimal: an `Int64` scaled by 10^scale (money sums stay exact).
  case decimal(scale: Int)
  /// Days since 1970-01-01.
  case date
  /// Microseconds since 1970-01-01T00:00:00 (no time zone).
  case timestamp
  case bool
  /// Dictionary-encoded text.
  case string
  case period(PeriodUnit)

  /// The name shown by `.schema` and in messages (`int`, `decimal(2)`, `period(month)`).
  public var name: String {
    switch self {
    case .int: return "int"
    case .double: return "double"
    case .decimal(let s): return "decimal(\(s))"
    case .date: return "date"
    case .timestamp: return "timestamp"
    case .bool: return "bool"
    case .string: return "text"
    case .period(let u): return u.rawValue
    }
  }

  public var isNumeric: Bool {
    switch self {
    case .int, .double, .decimal: return true
    default: return false
    }
  }
}

/// How a number is meant to be read, so a terminal can show `$1,234.50` or `12.5%`
/// while machine formats keep the raw value.
public enum DisplayHint: String, Hashable, Sendable {
  case plain
  /// An amount of money: two decimals at a terminal.
  case money
  /// A fraction in 0...1: a percentage at a terminal, the fraction in machine formats.
  case rate
  /// The difference of two rates: percentage points at a terminal (0.06 is
  /// `6.0 pp`), the fraction in machine formats.
  case points
}
