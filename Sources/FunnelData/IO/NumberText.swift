/// A number read from field bytes: `-12.50` is negative, mantissa 1250, scale 2.
struct NumberText {
  var negative = false
  /// All digits as one integer (ignoring the point); meaningless when `overflow`.
  var mantissa: UInt64 = 0
  /// Digits after the point.
  var scale = 0
  /// Digits before the point, leading zeros excluded.
  var integerDigits = 0
  var hasPoint = false
  var hasExponent = false
  /// More digits than a `UInt64` holds.
  var overflow = false
  /// `007`, `00.5`: an integer part with a leading zero and more digits after it.
  var leadingZero = false

  /// The value as `Int64` units at `scale` (or nil if it does not fit).
  var units: Int64? {
    if overflow || hasExponent { return nil }
    if negative { return mantissa <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- mantissa) : nil }
    return mantissa <= UInt64(Int64.max) ? Int64(mantissa) : nil
  }

  /// Reads `[+-] digits [point digits] [e [+-] digits]` and nothing else.
  /// `group`, when given, may separate groups of three integer digits
  /// (`1,234,567`; the first group 1–3 digits).
  @inline(__always)
  static func scan(_ p: UnsafePointer<UInt8>, _ n: Int, point: UInt8, group: UInt8?) -> NumberText? {
    var out = NumberText()
    var i = 0
    if n == 0 { return nil }
    if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
      out.negative = p[0] == UInt8(ascii: "-")
      i = 1
    }
    var digits = 0
    var groupRun = -1  // digits since the last group separator; -1 before any
    var firstGroup = 0
    let intStart = i
    while i < n {
      let b = p[i]
      if b &- 48 < 10 {
        out.add(b &- 48)
        digits += 1
        if groupRun >= 0 { groupRun += 1 } else { firstGroup += 1 }
      } else if let group, b == group {
        if digits == 0 || (groupRun < 0 ? firstGroup > 3 : groupRun != 3) { return nil }
        groupRun = 0
      } else {
        break
      }
      i += 1
    }
    if groupRun >= 0, groupRun != 3 { return nil }
    if digits > 1, p[intStart] == UInt8(ascii: "0") { out.leadingZero = true }
    out.integerDigits = out.mantissa == 0 ? 0 : digits
    if i < n, p[i] == point {
      out.hasPoint = true
      i += 1
      let fracStart = i
      while i < n, p[i] &- 48 < 10 {
        out.add(p[i] &- 48)
        i += 1
      }
      out.scale = i - fracStart
      if out.scale == 0 { return nil }
      digits += out.scale
    }
    if digits == 0 { return nil }
    if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
      i += 1
      if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { i += 1 }
      let expStart = i
      while i < n, p[i] &- 48 < 10 { i += 1 }
      if i == expStart { return nil }
      out.hasExponent = true
    }
    return i == n ? out : nil
  }

  @inline(__always)
  private mutating func add(_ digit: UInt8) {
    let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
    let (s, o2) = m.addingReportingOverflow(UInt64(digit))
    mantissa = s
    if o1 || o2 { overflow = true }
  }

  /// The value as a Double; exact digits go through one correctly rounded
  /// division, anything else through the C library's reader.
  static func double(_ number: NumberText, _ p: UnsafePointer<UInt8>, _ n: Int, point: UInt8, group: UInt8?)
    -> Double
  {
    if !number.overflow, !number.hasExponent, number.mantissa < 1 << 53, number.scale <= 22 {
      let v = Double(number.mantissa) / Decimal64.powersOfTen(exactly: number.scale)
      return number.negative ? -v : v
    }
    var clean: [UInt8] = []
    clean.reserveCapacity(n)
    for i in 0..<n {
      let b = p[i]
      if let group, b == group { continue }
      clean.append(b == point ? UInt8(ascii: ".") : b)
    }
    return Double(String(decoding: clean, as: UTF8.self)) ?? .nan
  }
}

extension Decimal64 {
  /// 10^p as a Double for p in 0...22 (all exact).
  static func powersOfTen(exactly p: Int) -> Double {
    p < powersOfTen.count ? powersOfTen[p] : pow10Tail[p - powersOfTen.count]
  }

  private static let pow10Tail: [Double] = [1e19, 1e20, 1e21, 1e22]
}
