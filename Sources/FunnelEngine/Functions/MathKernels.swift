import Foundation
import FunnelData

/// `round abs floor ceil`. Rounding is half away from zero; decimals stay
/// exact decimals.
enum MathKernels {
  /// The decimal scale `round(x, digits)` gives for a decimal of scale `s`.
  static func roundedScale(_ s: Int, digits: Int) -> Int { max(0, min(s, digits)) }

  static func round(_ c: Column, digits: Int) -> Column {
    switch c.data {
    case .double(let v):
      let p = pow(10.0, Double(digits))
      return Column(.double(v.map { ($0 * p).rounded(.toNearestOrAwayFromZero) / p }), validity: c.validity, hint: c.hint)
    case .decimal(let v, let s):
      let t = roundedScale(s, digits: digits)
      if t == s { return c }
      let p = Decimal64.intPowersOfTen[s - t]
      let out = v.map { u -> Int64 in
        let q = u / p, r = u % p
        if Swift.abs(r) * 2 >= p { return u < 0 ? q - 1 : q + 1 }
        return q
      }
      return Column(.decimal(out, scale: t), validity: c.validity, hint: c.hint)
    case .int(let v):
      guard digits < 0, -digits <= 18 else { return c }
      let p = Decimal64.intPowersOfTen[-digits]
      let out = v.map { u -> Int64 in
        let q = u / p, r = u % p
        if Swift.abs(r) * 2 >= p { return (u < 0 ? q - 1 : q + 1) &* p }
        return q &* p
      }
      return Column(.int(out), validity: c.validity, hint: c.hint)
    default: return c
    }
  }

  static func abs(_ c: Column) -> Column {
    switch c.data {
    case .double(let v): return Column(.double(v.map { Swift.abs($0) }), validity: c.validity, hint: c.hint)
    case .decimal(let v, let s): return Column(.decimal(v.map { $0 < 0 ? 0 &- $0 : $0 }, scale: s), validity: c.validity, hint: c.hint)
    case .int(let v): return Column(.int(v.map { $0 < 0 ? 0 &- $0 : $0 }), validity: c.validity, hint: c.hint)
    default: return c
    }
  }

  /// Doubles stay doubles; decimals become whole decimals (scale 0); ints are unchanged.
  static func floorCeil(_ c: Column, up: Bool) -> Column {
    switch c.data {
    case .double(let v): return Column(.double(v.map { up ? $0.rounded(.up) : $0.rounded(.down) }), validity: c.validity, hint: c.hint)
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
