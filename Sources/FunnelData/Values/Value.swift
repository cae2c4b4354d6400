/// One cell, for literals, small results and tests. Never used on a hot path:
/// operators work on the typed arrays of `Column`.
public enum Value: Hashable, Sendable {
  case null
  case int(Int64)
  case double(Double)
  /// `units` scaled by 10^scale: `.decimal(12345, scale: 2)` is 123.45.
  case decimal(Int64, scale: Int)
  case date(Int32)
  case timestamp(Int64)
  case bool(Bool)
  case string(String)
  case period(Int32, PeriodUnit)

  /// The type a column of this value has (null: int, the narrowest, widened
  /// wherever it meets another type).
  public var type: DataType {
    switch self {
    case .null, .int: return .int
    case .double: return .double
    case .decimal(_, let s): return .decimal(scale: s)
    case .date: return .date
    case .timestamp: return .timestamp
    case .bool: return .bool
    case .string: return .string
    case .period(_, let u): return .period(u)
    }
  }

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The value as a Double, for numbers; nil otherwise.
  public var doubleValue: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .double(let v): return v
    case .decimal(let u, let s): return Double(u) / Decimal64.powersOfTen[s]
    default: return nil
    }
  }

  /// The text machine formats carry: ISO dates and timestamps, periods as
  /// `2026-Q1`, decimals at their scale, doubles in shortest round-trip form.
  /// Null is the empty string.
  public var rawText: String {
    switch self {
    case .null: return ""
    case .int(let v): return String(v)
    case .double(let v): return Decimal64.format(double: v)
    case .decimal(let u, let s): return Decimal64.format(units: u, scale: s)
    case .date(let d): return CivilDate(daysSinceEpoch: d).description
    case .timestamp(let t): return Timestamps.format(t)
    case .bool(let b): return b ? "true" : "false"
    case .string(let s): return s
    case .period(let o, let u): return Periods.format(o, unit: u)
    }
  }
}

/// Helpers for exact decimals stored as scaled `Int64`.
public enum Decimal64 {
  /// 10^0 ... 10^18 as Double.
  public static let powersOfTen: [Double] = (0...18).map { p in
    var v = 1.0
    for _ in 0..<p { v *= 10 }
    return v
  }
  /// 10^0 ... 10^18 as Int64.
  public static let intPowersOfTen: [Int64] = (0...18).map { p in
    var v: Int64 = 1
    for _ in 0..<p { v *= 10 }
    return v
  }

  /// Units at scale `from` as units at scale `to`: exact when widening, or
  /// nil when the result leaves Int64 (9e16 at scale 2 has no scale-4 form);
  /// truncated toward zero when narrowing.
  public static func rescaled(_ units: Int64, from: Int, to: Int) -> Int64? {
    if from == to { return units }
    if from > to { return units / intPowersOfTen[from - to] }
    let (v, o) = units.multipliedReportingOverflow(by: intPowersOfTen[to - from])
    return o ? nil : v
  }

  /// `12345, scale 2` → `"123.45"`; `-5, scale 2` → `"-0.05"`.
  public static func format(units: Int64, scale: Int) -> String {
    if scale == 0 { return String(units) }
    let negative = units < 0
    let magnitude = units.magnitude
    let p = UInt64(intPowersOfTen[scale])
    let whole = magnitude / p
    var frac = String(magnitude % p)
    while frac.count < scale { frac = "0" + frac }
    return (negative ? "-" : "") + String(whole) + "." + frac
  }

  /// Shortest text that reads back as the same Double; whole numbers without `.0`
  /// (`3.0` → `"3"`, `0.1` → `"0.1"`), `nan`/`inf` spelled out.
  public static func format(double v: Double) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v > 0 ? "inf" : "-inf" }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }
}
