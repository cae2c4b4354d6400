import FunnelData

/// PostgreSQL's `numeric` in its binary form, read without rounding: four
/// 16-bit integers (the count of digits, the weight of the first, the sign,
/// the scale shown) and then the digits, each from 0 to 9999 (base 10,000).
/// The value is Σ digit[i] × 10000^(weight − i).
///
///     // 1234.50 is the digits [1234, 5000], weight 0, scale 2:
///     cell.withUnsafeReadableBytes { PostgresNumeric($0)?.units(scale: 2) }  // 123450
///     cell.withUnsafeReadableBytes { PostgresNumeric($0)?.text }             // "1234.50"
///
/// It reads the cell's bytes in place (a result's numeric cells are read
/// without an allocation each), so it lives only inside the closure that
/// lends them. It reads raw bytes, not a `ByteBuffer`, so that the fuzz
/// target `pgnumeric` (scripts/fuzz) can build it without the server driver.
struct PostgresNumeric {
  enum Sign: UInt16 {
    case positive = 0x0000
    case negative = 0x4000
    case nan = 0xC000
    case infinity = 0xD000
    case negativeInfinity = 0xF000
  }

  var sign: Sign
  var weight: Int
  /// The decimals the value shows (`1.50` has 2).
  var scale: Int
  /// How many base-10,000 digits follow the header.
  var count: Int
  /// The digits' bytes, big-endian, borrowed from the caller.
  private let digits: UnsafeRawBufferPointer

  /// Reads a value; nil when the bytes are not a numeric (a short or long
  /// cell, an unknown sign, a negative count or scale, a digit outside
  /// 0...9999).
  init?(_ bytes: UnsafeRawBufferPointer) {
    func int16(_ offset: Int) -> Int16 { Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int16.self)) }
    guard bytes.count >= 8 else { return nil }
    let count = int16(0), weight = int16(2), scale = int16(6)
    guard count >= 0, scale >= 0, let sign = Sign(rawValue: UInt16(bitPattern: int16(4))),
      bytes.count == 8 + 2 * Int(count)
    else { return nil }
    self.sign = sign
    self.weight = Int(weight)
    self.scale = Int(scale)
    self.count = Int(count)
    self.digits = UnsafeRawBufferPointer(rebasing: bytes[8...])
    for i in 0..<self.count {
      let d = digit(i)
      guard (0...9999).contains(d) else { return nil }
      // PostgreSQL rounds a value to its scale before it sends it: a digit
      // below the scale is not a numeric it writes.
      let e = 4 * (self.weight - i) + self.scale
      if e < 0, d != 0, -e >= 4 || Int(d) % [1, 10, 100, 1000][-e] != 0 { return nil }
    }
  }

  /// Digit `i` (0 past the last one); 0...9999.
  func digit(_ i: Int) -> Int16 {
    guard i >= 0, i < count else { return 0 }
    return Int16(bigEndian: digits.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))
  }

  var isFinite: Bool { sign == .positive || sign == .negative }

  /// The value × 10^scale as an Int64; nil when it is not finite, has more
  /// decimals than `scale`, or leaves Int64 (Int64.min fits).
  func units(scale: Int) -> Int64? {
    guard isFinite, (0...18).contains(scale) else { return nil }
    // Summed as a negative number, so that Int64.min fits.
    var negated: Int64 = 0
    for i in 0..<count {
      let d = digit(i)
      if d == 0 { continue }
      // The power of ten of this digit group once scaled.
      let e = 4 * (weight - i) + scale
      let value: Int64
      if e >= 0 {
        guard e <= 18 else { return nil }
        let (v, overflow) = Int64(d).multipliedReportingOverflow(by: Decimal64.intPowersOfTen[e])
        guard !overflow else { return nil }
        value = v
      } else {
        // Digits below the scale: only zeros may be dropped.
        guard -e < 4, Int64(d) % Decimal64.intPowersOfTen[-e] == 0 else { return nil }
        value = Int64(d) / Decimal64.intPowersOfTen[-e]
      }
      let (sum, overflow) = negated.subtractingReportingOverflow(value)
      guard !overflow else { return nil }
      negated = sum
    }
    if sign == .negative { return negated }
    return negated == .min ? nil : -negated
  }

  /// The value as PostgreSQL writes it (`-1234.50`, `NaN`, `Infinity`).
  var text: String {
    switch sign {
    case .nan: return "NaN"
    case .infinity: return "Infinity"
    case .negativeInfinity: return "-Infinity"
    case .positive, .negative: break
    }
    func padded(_ d: Int16) -> String {
      let s = String(d)
      return String(repeating: "0", count: 4 - s.count) + s
    }
    var text = sign == .negative ? "-" : ""
    // The whole part, without leading zeros (a weight above the first
    // nonzero digit is not what PostgreSQL sends, but reads the same).
    var whole = ""
    if weight >= 0 {
      for i in 0...weight {
        let d = digit(i)
        whole += whole.isEmpty ? (d == 0 ? "" : String(d)) : padded(d)
      }
    }
    text += whole.isEmpty ? "0" : whole
    if scale > 0 {
      var fraction = ""
      var i = weight + 1
      while fraction.count < scale {
        fraction += padded(digit(i))
        i += 1
      }
      text += "." + fraction.prefix(scale)
    }
    return text
  }

  /// The nearest Double (through the text, so that it is rounded once).
  var double: Double {
    switch sign {
    case .nan: return .nan
    case .infinity: return .infinity
    case .negativeInfinity: return -.infinity
    case .positive, .negative: return Double(text) ?? .nan
    }
  }
}
