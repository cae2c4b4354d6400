import Foundation

/// A number as a student typed it, with the precision they typed it to.
///
/// `"12.5%"` is 0.125 known to ±0.0005; `"1,234"` is 1234 known to ±0.5;
/// `"$48k"` is 48,000 known to ±500. Checking against the precision typed
/// lets a student round the way a report would.
struct TypedNumber: Equatable {
  let value: Double
  /// Half a unit in the last place typed.
  let tolerance: Double
  let isPercent: Bool

  /// Reads `12.5%`, `0.125`, `1,234`, `$1,234.50`, `-3`, `48k`, `1.2M`; nil for anything else.
  init?(_ text: String) {
    var s = text.trimmingCharacters(in: .whitespaces)
    var negative = false
    if s.hasPrefix("-") {
      negative = true
      s.removeFirst()
    }
    while let first = s.first, "$€£".contains(first) { s.removeFirst() }
    var scale = 1.0
    var percent = false
    if s.hasSuffix("%") {
      percent = true
      scale = 0.01
      s.removeLast()
    } else if let last = s.last, "kK".contains(last) {
      scale = 1_000
      s.removeLast()
    } else if let last = s.last, "mM".contains(last) {
      scale = 1_000_000
      s.removeLast()
    }
    // Thousands separators and spaces carry no value.
    s = String(s.filter { $0 != "," && $0 != "_" && $0 != " " })
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard !s.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      parts[0].isEmpty == false || (parts.count == 2 && !parts[1].isEmpty), let magnitude = Double(s)
    else { return nil }
    let decimals = parts.count == 2 ? parts[1].count : 0
    var unit = 1.0
    for _ in 0..<decimals { unit /= 10 }
    value = (negative ? -magnitude : magnitude) * scale
    tolerance = unit / 2 * scale
    isPercent = percent
  }

  init(value: Double, tolerance: Double, isPercent: Bool) {
    self.value = value
    self.tolerance = tolerance
    self.isPercent = isPercent
  }

  /// How the typed number relates to `expected`.
  enum Match: Equatable { case equal, tooRough, lower, higher }

  /// Equal when `expected` rounds to what was typed and the two are within 5%
  /// of each other (so "0" does not pass for 0.3%); too rough when it rounds
  /// to it but too few digits were given.
  func match(_ expected: Double) -> Match {
    let gap = abs(expected - value)
    let slack = 1e-9 * max(1, abs(expected))
    if gap <= tolerance + slack {
      return gap <= 0.05 * abs(expected) + slack ? .equal : .tooRough
    }
    return value < expected ? .lower : .higher
  }

  /// The same number read as a percentage (`12.5` for 12.5%), for a rate typed without `%`.
  var asPercent: TypedNumber {
    TypedNumber(value: value / 100, tolerance: tolerance / 100, isPercent: true)
  }
}
