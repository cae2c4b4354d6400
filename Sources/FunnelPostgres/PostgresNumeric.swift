import FunnelData
import PostgresNIO

/// PostgreSQL's `numeric` in its binary form, read without rounding: four
/// 16-bit integers (the count of digits, the weight of the first, the sign,
/// the scale shown) and then the digits, each from 0 to 9999 (base 10,000).
/// The value is Σ digit[i] × 10000^(weight − i).
///
///     // 1234.50 is the digits [1234, 5000], weight 0, scale 2:
///     PostgresNumeric(buffer)?.units(scale: 2)  // 123450
///     PostgresNumeric(buffer)?.text             // "1234.50"
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
  /// The bytes, read in place: a result's numeric cells are read without an
  /// allocation each.
  private let buffer: ByteBuffer

  /// Reads a value; nil when the bytes are not a numeric.
  init?(_ buffer: ByteBuffer) {
    var b = buffer
    guard let count = b.readInteger(as: Int16.self), count >= 0, let weight = b.readInteger(as: Int16.self),
      let rawSign = b.readInteger(as: UInt16.self), let sign = Sign(rawValue: rawSign),
      let scale = b.readInteger(as: Int16.self), b.readableBytes == 2 * Int(count)
    else { return nil }
    self.sign = sign
    self.weight = Int(weight)
    self.scale = Int(scale)
    self.count = Int(count)
    self.buffer = b
  }

  /// Digit `i` (0 past the last one); 0...9999.
  func digit(_ i: Int) -> Int16 {
    guard i >= 0, i < count else { return 0 }
    return buffer.getInteger(at: buffer.readerIndex + 2 * i, as: Int16.self) ?? 0
  }

  var isFinite: Bool { sign == .positive || sign == .negative }

  /// The value × 10^scale as an Int64; nil when it is not finite, has more
  /// decimals than `scale`, or leaves Int64.
  func units(scale: Int) -> Int64? {
    guard isFinite, (0...18).contains(scale) else { return nil }
    var units: Int64 = 0
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
      let (sum, overflow) = units.addingReportingOverflow(value)
      guard !overflow else { return nil }
      units = sum
    }
    return sign == .negative ? -units : units
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
    if weight < 0 {
      text += "0"
    } else {
      text += String(digit(0))
      if weight > 0 { for i in 1...weight { text += padded(digit(i)) } }
    }
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
