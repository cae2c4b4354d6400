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
  /// Digits that carry meaning: `31.5` has 3, `496,000` has 3 (trailing
  /// zeros of a whole number of four digits or more are rounding), `0.3` has 1.
  var significant = 6
  /// Typed as a division (`7546/57836`): exact, never read as a percentage.
  var isRatio = false

  /// Reads `12.5%`, `0.125`, `1,234`, `$1,234.50`, `-3`, `48k`, `1.2M`,
  /// `-496,000` (known to ±500: trailing zeros are rounding), `124 days`
  /// (a unit word after the number is left aside) and `7546/57836`; nil
  /// for anything else.
  init?(_ text: String) {
    var s = text.trimmingCharacters(in: .whitespaces)
    // A unit word after the number: `124 days`, `3.5 hours`, `12 leads`.
    if let space = s.lastIndex(of: " "), s[s.index(after: space)...].allSatisfy(\.isLetter),
      s[s.index(after: space)...].count > 1
    {
      s = String(s[..<space]).trimmingCharacters(in: .whitespaces)
    }
    let halves = s.split(separator: "/", omittingEmptySubsequences: false)
    if halves.count == 2 {
      guard let top = TypedNumber(String(halves[0])), let bottom = TypedNumber(String(halves[1])),
        !top.isPercent, !bottom.isPercent, bottom.value != 0
      else { return nil }
      value = top.value / bottom.value
      tolerance = 1e-9 * max(1, abs(value))
      isPercent = false
      isRatio = true
      return
    }
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
    let digits = s.filter(\.isNumber).drop { $0 == "0" }
    var meaningful = digits.count
    if decimals == 0, !percent, scale == 1, digits.count >= 4 {
      // `496,000` is 496 thousand to the nearest thousand; `30` and `120` are exact.
      let zeros = digits.reversed().prefix { $0 == "0" }.count
      meaningful -= zeros
      for _ in 0..<zeros { unit *= 10 }
    }
    value = (negative ? -magnitude : magnitude) * scale
    tolerance = unit / 2 * scale
    isPercent = percent
    significant = max(1, meaningful)
  }

  init(value: Double, tolerance: Double, isPercent: Bool) {
    self.value = value
    self.tolerance = tolerance
    self.isPercent = isPercent
  }

  /// How the typed number relates to `expected`.
  enum Match: Equatable { case equal, tooRough, lower, higher }

  /// Equal when `expected` rounds to what was typed, to enough digits:
  /// for a rate (`isRate`), at least whole percentage points (`3%` for
  /// 2.85%, not `0.3` for 31.5%); for anything else two meaningful digits,
  /// or within 5% (`96k` for 96,210, not `100k`). Zero is never right for
  /// an answer that is not zero. Too rough when it rounds to it with too
  /// few digits; lower or higher when it does not.
  func match(_ expected: Double, isRate: Bool = false) -> Match {
    let gap = abs(expected - value)
    let slack = 1e-9 * max(1, abs(expected))
    guard gap <= tolerance + slack else { return value < expected ? .lower : .higher }
    if value == 0, abs(expected) > slack { return .tooRough }
    if isRate { return tolerance <= 0.005 + slack ? .equal : .tooRough }
    return gap <= 0.05 * abs(expected) + slack || significant >= 2 ? .equal : .tooRough
  }

  /// The same number read as a percentage (`12.5` for 12.5%), for a rate typed without `%`.
  var asPercent: TypedNumber {
    var n = TypedNumber(value: value / 100, tolerance: tolerance / 100, isPercent: true)
    n.significant = significant
    return n
  }
}
