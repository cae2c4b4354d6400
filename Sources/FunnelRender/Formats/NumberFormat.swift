import Foundation
import FunnelData

/// One cell as a person reads it at a terminal (machine formats keep
/// `Value.rawText` instead):
///
/// | value | hint | shown |
/// |---|---|---|
/// | `.int(20000)` | plain | `20,000` |
/// | `.double(1234.5678)` | plain | `1,234.57` |
/// | `.double(0.00123)` | plain | `0.00123` |
/// | `.decimal(123450, scale: 2)` | money | `1,234.50` |
/// | `.double(0.125)` | rate | `12.5%` |
/// | `.double(0.06)` | points | `6.0 pp` |
/// | `.period(8104, .quarter)` | — | `2026-Q1` |
/// | `.null` | — | `null` |
///
/// Money has exactly two decimals and no currency symbol (the data does not
/// say which currency); a rate is a fraction shown as a percentage with one
/// decimal. Hints apply to numbers only.
public enum NumberFormat {
  public static func display(_ value: Value, hint: DisplayHint) -> String {
    switch value {
    case .null: return "null"
    case .int(let v):
      switch hint {
      case .plain: return grouped(String(v))
      case .money: return grouped(String(v)) + ".00"
      case .rate: return percent(Double(v))
      case .points: return points(Double(v))
      }
    case .double(let v):
      switch hint {
      case .plain: return plain(v)
      case .money: return money(v)
      case .rate: return percent(v)
      case .points: return points(v)
      }
    case .decimal(let units, let scale):
      switch hint {
      case .plain: return grouped(Decimal64.format(units: units, scale: scale))
      case .money:
        guard let cents = rescale(units, from: scale, to: 2) else {
          return money(Double(units) / Decimal64.powersOfTen[scale])
        }
        return grouped(Decimal64.format(units: cents, scale: 2))
      case .rate: return percent(Double(units) / Decimal64.powersOfTen[scale])
      case .points: return points(Double(units) / Decimal64.powersOfTen[scale])
      }
    case .date, .timestamp, .bool, .string, .period:
      return value.rawText
    }
  }

  /// A double without a hint: up to 2 decimals from 1 up, 4 significant
  /// digits below 1, scientific notation at the extremes; no trailing zeros.
  static func plain(_ v: Double) -> String {
    if let special = nonFinite(v) { return special }
    let a = abs(v)
    if a == 0 { return "0" }
    if a >= 1e15 { return String(v) }
    if a >= 1 { return grouped(trimmed(String(format: "%.2f", v))) }
    if a >= 1e-6 {
      let decimals = 3 - Int(log10(a).rounded(.down))
      return trimmed(String(format: "%.\(decimals)f", v))
    }
    return String(format: "%.3g", v)
  }

  static func money(_ v: Double) -> String {
    if let special = nonFinite(v) { return special }
    return grouped(unsignedZero(String(format: "%.2f", v)))
  }

  static func percent(_ fraction: Double) -> String {
    if let special = nonFinite(fraction) { return special }
    return hundredths(fraction) + "%"
  }

  /// A difference of two fractions in percentage points: `0.06` → `6.0 pp`.
  static func points(_ fraction: Double) -> String {
    if let special = nonFinite(fraction) { return special }
    return hundredths(fraction) + " pp"
  }

  /// A fraction times 100 with one decimal: `0.125` → `12.5`.
  private static func hundredths(_ fraction: Double) -> String {
    grouped(unsignedZero(String(format: "%.1f", fraction * 100)))
  }

  /// Inserts `,` every three digits of the integer part: `-1234567.5` →
  /// `-1,234,567.5`. Text that is not a plain number is returned unchanged.
  static func grouped(_ text: String) -> String {
    let bytes = Array(text.utf8)
    let start = bytes.first == UInt8(ascii: "-") ? 1 : 0
    var end = start
    while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
    let digits = end - start
    guard digits > 3 else { return text }
    var out = [UInt8]()
    out.reserveCapacity(bytes.count + digits / 3)
    out.append(contentsOf: bytes[0..<start])
    for i in start..<end {
      if i > start, (end - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
      out.append(bytes[i])
    }
    out.append(contentsOf: bytes[end...])
    return String(decoding: out, as: UTF8.self)
  }

  /// Units at `scale` moved to `target`, rounding half away from zero; nil on overflow.
  static func rescale(_ units: Int64, from scale: Int, to target: Int) -> Int64? {
    if scale == target { return units }
    if scale < target {
      let (r, overflow) = units.multipliedReportingOverflow(by: Decimal64.intPowersOfTen[target - scale])
      return overflow ? nil : r
    }
    let p = Decimal64.intPowersOfTen[scale - target]
    let (q, r) = units.quotientAndRemainder(dividingBy: p)
    guard r.magnitude * 2 >= p.magnitude else { return q }
    return units < 0 ? q - 1 : q + 1
  }

  private static func nonFinite(_ v: Double) -> String? {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v > 0 ? "inf" : "-inf" }
    return nil
  }

  /// `1.50` → `1.5`, `2.00` → `2`, `-0.000` → `0`.
  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var t = Substring(text)
    while t.hasSuffix("0") { t = t.dropLast() }
    if t.hasSuffix(".") { t = t.dropLast() }
    return t == "-0" ? "0" : String(t)
  }

  /// `-0.00` and `-0.0` (a tiny negative rounded away) lose their sign.
  private static func unsignedZero(_ text: String) -> String {
    guard text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return text }
    return String(text.dropFirst())
  }
}
