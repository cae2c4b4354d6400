import FunnelData

// Built into the libFuzzer binary together with PostgresNumeric.swift
// (scripts/fuzz), where there is no FunnelPostgres module to import.
#if canImport(FunnelPostgres)
  @testable import FunnelPostgres
#endif

/// What a numeric cell reads as, copied out of the bytes `PostgresNumeric`
/// borrows.
struct NumericReading {
  var text: String
  var double: Double
  var isFinite: Bool
  var scale: Int
  /// `units(scale:)` at scales 0...18.
  var units: [Int64?]
}

extension NumericReading {
  /// nil when the bytes are not a numeric.
  init?(_ bytes: [UInt8]) {
    let read = bytes.withUnsafeBytes { raw -> NumericReading? in
      guard let n = PostgresNumeric(raw) else { return nil }
      return NumericReading(
        text: n.text, double: n.double, isFinite: n.isFinite, scale: n.scale,
        units: (0...18).map { n.units(scale: $0) })
    }
    guard let read else { return nil }
    self = read
  }
}

/// One fuzz input for PostgreSQL's binary numeric: the bytes as one cell.
/// A cell is refused (nil) or reads consistently: its text is a plain
/// decimal with as many decimals as its scale, its double is the text's, and
/// its units at each scale 0...18 are what the text says, worked out here
/// digit by digit, or nil exactly when they would drop a digit or leave Int64.
enum NumericFuzzCase {
  static func run(_ bytes: [UInt8]) -> [String] {
    guard let r = NumericReading(bytes) else { return [] }
    guard r.isFinite else {
      var problems: [String] = []
      if !["NaN", "Infinity", "-Infinity"].contains(r.text) { problems.append("not finite, yet reads '\(r.text)'") }
      if r.units.contains(where: { $0 != nil }) { problems.append("\(r.text) has units") }
      return problems
    }
    let body = r.text.hasPrefix("-") ? r.text.dropFirst() : Substring(r.text)
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    let digits = whole + fraction
    guard parts.count <= 2, !whole.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return ["text '\(r.text)' is not a plain decimal"]
    }
    var problems: [String] = []
    if fraction.count != r.scale { problems.append("'\(r.text)' shows \(fraction.count) decimals, scale \(r.scale)") }
    if whole.count > 1, whole.first == "0" { problems.append("'\(r.text)' has a leading zero") }
    let expectedDouble = Double(r.text) ?? .nan
    if !(r.double == expectedDouble || (r.double.isNaN && expectedDouble.isNaN)) {
      problems.append("'\(r.text)' reads as the double \(r.double)")
    }
    for k in 0...18 where r.units[k] != expected(whole, fraction, negative: r.text.hasPrefix("-"), scale: k) {
      problems.append("'\(r.text)' at scale \(k) reads as \(r.units[k].map(String.init) ?? "nil")")
    }
    return problems
  }

  /// The text's value × 10^scale, from its digits; nil when a nonzero digit
  /// falls below the scale or the value leaves Int64.
  static func expected(_ whole: Substring, _ fraction: Substring, negative: Bool, scale: Int) -> Int64? {
    if fraction.dropFirst(scale).contains(where: { $0 != "0" }) { return nil }
    let kept = fraction.prefix(scale) + String(repeating: "0", count: max(0, scale - fraction.count))
    // Accumulated as a negative number, so that Int64.min fits.
    var value: Int64 = 0
    for c in whole + kept {
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (next, o2) = times.subtractingReportingOverflow(Int64(c.wholeNumberValue ?? 0))
      if o1 || o2 { return nil }
      value = next
    }
    if negative { return value }
    return value == .min ? nil : -value
  }
}
