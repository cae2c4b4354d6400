import Foundation
import FunnelData

/// `round abs floor ceil`. Rounding is half away from zero; decimals stay
/// exact decimals. A result that leaves its type (`abs` of the smallest
/// int, `round(9223372036854775807, -1)`) throws `Overflow`.
enum MathKernels {
  /// The decimal scale `round(x, digits)` gives for a decimal of scale `s`:
  /// `digits` places when fewer than `s`, none for negative digits
  /// (`round(1234.56, -2)` is the whole 1200).
  static func roundedScale(_ s: Int, digits: Int) -> Int { max(0, min(s, digits)) }

  static func round(_ c: Column, digits: Int) throws(Overflow) -> Column {
    switch c.data {
    case .double(let v):
      // A negative count of digits divides by a whole power of ten, which is
      // exact, where multiplying by 0.01 is not.
      let out: [Double]
      if digits >= 0 {
        let p = pow(10.0, Double(digits))
        out = v.map { ($0 * p).rounded(.toNearestOrAwayFromZero) / p }
      } else {
        let p = pow(10.0, Double(-digits))
        out = v.map { ($0 / p).rounded(.toNearestOrAwayFromZero) * p }
      }
      return Column(.double(out), validity: c.validity, hint: c.hint)
    case .decimal(let v, let s):
      let t = roundedScale(s, digits: digits)
      let type = DataType.decimal(scale: t)
      let out = try roundUnits(v, dropping: s - digits, keeping: t - digits, validity: c.validity, type: type)
      return Column(.decimal(out, scale: t), validity: c.validity, hint: c.hint)
    case .int(let v):
      guard digits < 0 else { return c }
      return Column(
        .int(try roundUnits(v, dropping: -digits, keeping: -digits, validity: c.validity, type: .int)),
        validity: c.validity, hint: c.hint)
    default: return c
    }
  }

  /// Units rounded to a multiple of 10^`dropping`, half away from zero, then
  /// written as multiples of 10^(`dropping` - `keeping`): the result's units.
  /// `dropping` may pass 18 (a decimal(6) rounded to -18 digits): every
  /// Int64 is then nearer zero than 10^19 / 2 is, or the overflow is reported.
  static func roundUnits(
    _ v: [Int64], dropping: Int, keeping: Int, validity: Bitmap?, type: DataType
  ) throws(Overflow) -> [Int64] {
    guard dropping > 0 else { return v }
    guard dropping <= 18 else {
      // |units| < 9.3e18 < 10^19 / 2 only fails for dropping == 19 near the ends;
      // work in Int128 there (rare: huge negative digits on a scaled decimal).
      let p = Int128(10).power(dropping), back = Int128(10).power(keeping)
      return try CheckedArithmetic.map(v, validity: validity, type: type) { u in
        let w = Int128(u), q = w / p, r = w % p
        let m = (r < 0 ? -r : r) * 2 >= p ? (w < 0 ? q - 1 : q + 1) : q
        guard let out = Int64(exactly: m * back) else { return (0, true) }
        return (out, false)
      }
    }
    let p = Decimal64.intPowersOfTen[dropping]
    if keeping == 0 { return v.map { CheckedArithmetic.divideRounded($0, by: p) } }
    let back = Decimal64.intPowersOfTen[keeping]
    return try CheckedArithmetic.map(v, validity: validity, type: type) {
      CheckedArithmetic.divideRounded($0, by: p).multipliedReportingOverflow(by: back)
    }
  }

  static func abs(_ c: Column) throws(Overflow) -> Column {
    switch c.data {
    case .double(let v): return Column(.double(v.map { Swift.abs($0) }), validity: c.validity, hint: c.hint)
    case .decimal(let v, let s):
      let out = try CheckedArithmetic.map(v, validity: c.validity, type: c.type, CheckedArithmetic.abs)
      return Column(.decimal(out, scale: s), validity: c.validity, hint: c.hint)
    case .int(let v):
      let out = try CheckedArithmetic.map(v, validity: c.validity, type: .int, CheckedArithmetic.abs)
      return Column(.int(out), validity: c.validity, hint: c.hint)
    default: return c
    }
  }

  /// Doubles stay doubles; decimals become whole decimals (scale 0); ints are unchanged.
  static func floorCeil(_ c: Column, up: Bool) -> Column {
    switch c.data {
    case .double(let v):
      return Column(.double(v.map { up ? $0.rounded(.up) : $0.rounded(.down) }), validity: c.validity, hint: c.hint)
    case .decimal(let v, let s):
      let p = Decimal64.intPowersOfTen[s]
      let out = v.map { u -> Int64 in
        var q = u / p
        let r = u % p
        if up, r > 0 { q += 1 }
        if !up, r < 0 { q -= 1 }
        return q
      }
      return Column(.decimal(out, scale: 0), validity: c.validity, hint: c.hint)
    default: return c
    }
  }
}

extension Int128 {
  /// `self` to the power `n` (small n).
  func power(_ n: Int) -> Int128 {
    var v: Int128 = 1
    for _ in 0..<n { v *= self }
    return v
  }
}
