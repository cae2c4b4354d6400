import Foundation

/// A number as a student typed it, with the precision they typed it to and
/// the unit they gave it.
///
/// `"12.5%"` is 0.125 known to ±0.0005; `"1,234"` is 1234 known to ±0.5;
/// `"$48k"` is 48,000 known to ±500; `"124 days"` is 124 in days. Checking
/// against the precision typed lets a student round the way a report would.
struct TypedNumber: Equatable {
  let value: Double
  /// Half a unit in the last place typed.
  let tolerance: Double
  /// Typed with `%` (or the word `percent`): `value` is already the fraction.
  let isPercent: Bool
  /// Digits that carry meaning: `31.5` has 3, `496,000` has 3 (trailing
  /// zeros of a whole number of four digits or more are rounding), `0.3` has 1.
  var significant = 6
  /// Typed as a division (`7546/57836`): exact, never read as a percentage.
  var isRatio = false
  /// The word after the number, in lower case (`days` in `124 days`, `pp` in
  /// `9.9pp`, `x` in `9.3x`); nil when there is none.
  var unit: String?

  /// Units that mean percentage points (`9.9 pp`).
  static let pointUnits: Set<String> = ["pp", "pt", "pts", "point", "points"]
  /// Units that mean days (`124 days`, `124d`).
  static let dayUnits: Set<String> = ["d", "day", "days"]

  /// Reads `12.5%`, `0.125`, `1,234`, `$1,234.50`, `-3`, `48k`, `1.2M`,
  /// `-496,000` (known to ±500: trailing zeros are rounding), `124 days`
  /// (a word after the number is its unit), `9.9pp`, `3.2x` and
  /// `7546/57836`; nil for anything else.
  init?(_ text: String) {
    var s = text.trimmingCharacters(in: .whitespaces)
    // A word after the number; `k` and `M` alone are a scale, read below.
    let letters = s.reversed().prefix(while: \.isLetter).count
    var unit: String?
    if letters > 0, !["k", "m"].contains(s.suffix(letters).lowercased()) {
      unit = s.suffix(letters).lowercased()
      s = String(s.dropLast(letters)).trimmingCharacters(in: .whitespaces)
    }
    let halves = s.split(separator: "/", omittingEmptySubsequences: false)
    if halves.count == 2 {
      guard let top = TypedNumber(String(halves[0])), let bottom = TypedNumber(String(halves[1])),
        !top.isPercent, !bottom.isPercent, top.unit == nil, bottom.unit == nil, bottom.value != 0
      else { return nil }
      value = top.value / bottom.value
      tolerance = 1e-9 * max(1, abs(value))
      isPercent = false
      isRatio = true
      self.unit = unit
      return
    }
    var negative = false
    if s.hasPrefix("-") || s.hasPrefix("\u{2212}") {
      negative = true
      s.removeFirst()
    }
    while let first = s.first, "$€£".contains(first) { s.removeFirst() }
    var scale = 1.0
    var percent = false
    if s.hasSuffix("%") || unit == "percent" || unit == "pct" {
      if s.hasSuffix("%") { s.removeLast() } else { unit = nil }
      percent = true
      scale = 0.01
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
    var step = 1.0
    for _ in 0..<decimals { step /= 10 }
    let digits = s.filter(\.isNumber).drop { $0 == "0" }
    var meaningful = digits.count
    if decimals == 0, !percent, scale == 1, digits.count >= 4 {
      // `496,000` is 496 thousand to the nearest thousand; `30` and `120` are exact.
      let zeros = digits.reversed().prefix { $0 == "0" }.count
      meaningful -= zeros
      for _ in 0..<zeros { step *= 10 }
    }
    value = (negative ? -magnitude : magnitude) * scale
    tolerance = step / 2 * scale
    isPercent = percent
    significant = max(1, meaningful)
    self.unit = unit
  }

  init(value: Double, tolerance: Double, isPercent: Bool) {
    self.value = value
    self.tolerance = tolerance
    self.isPercent = isPercent
  }

  /// Typed in percentage points (`9.9 pp`).
  var isPoints: Bool { unit.map(Self.pointUnits.contains) ?? false }

  /// Whether the number is whole (`124`, `48k`), as a count is.
  var isWhole: Bool { !isRatio && value == value.rounded() }

  /// How the typed number relates to `expected`.
  enum Match: Equatable {
    case equal, tooRough
    /// Off by less than one more step of the precision typed: a rounding slip.
    case nearlyLower, nearlyHigher
    case lower, higher
  }

  /// Equal when `expected` rounds to what was typed, to enough digits:
  /// for a rate (`isRate`), at least whole percentage points (`3%` for
  /// 2.85%, not `0.3` for 31.5%); for anything else two meaningful digits,
  /// or within 5% (`96k` for 96,210, not `100k`). Zero is never right for
  /// an answer that is not zero. Too rough when it rounds to it with too
  /// few digits; nearly lower or higher when it misses by less than one more
  /// step of the precision typed (`31` for 31.54%); lower or higher otherwise.
  func match(_ expected: Double, isRate: Bool = false) -> Match {
    let gap = abs(expected - value)
    let slack = 1e-9 * max(1, abs(expected))
    guard gap <= tolerance + slack else {
      let near = !isRatio && gap <= 2 * tolerance + slack
      if value < expected { return near ? .nearlyLower : .lower }
      return near ? .nearlyHigher : .higher
    }
    if value == 0, abs(expected) > slack { return .tooRough }
    if isRate { return tolerance <= 0.005 + slack ? .equal : .tooRough }
    return gap <= 0.05 * abs(expected) + slack || significant >= 2 ? .equal : .tooRough
  }

  /// The same number read as a percentage (`12.5` for 12.5%), for a rate typed without `%`.
  var asPercent: TypedNumber {
    var n = TypedNumber(value: value / 100, tolerance: tolerance / 100, isPercent: true)
    n.significant = significant
    n.unit = unit
    return n
  }
}
