import Foundation

/// Gives each distinct byte string a dense code, hashing the bytes in place, so
/// a text column of millions of rows creates one `String` per distinct value
/// instead of one per row (the main cost of loading text otherwise). Public
/// for the remote engines, which intern the texts of a result as they arrive.
public struct ByteInterner: Sendable {
  /// The distinct values, back to back.
  private var arena: [UInt8] = []
  /// Where value `code` starts in `arena`; one extra entry at the end.
  private var offsets: [Int] = [0]
  /// Open addressing: code + 1, or 0 for an empty slot.
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private var mask: Int

  public init() {
    slots = [Int32](repeating: 0, count: 64)
    mask = 63
  }

  public var count: Int { offsets.count - 1 }

  /// The code of these bytes, adding them if new.
  @inline(__always)
  public mutating func code(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
    let h = ByteInterner.hash(text)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let code = Int(entry - 1)
      if hashes[code] == h, equals(code, text) { return Int32(code) }
      slot = (slot + 1) & mask
    }
    let code = count
    arena.append(contentsOf: text)
    offsets.append(arena.count)
    hashes.append(h)
    slots[slot] = Int32(code + 1)
    if count * 2 > mask { grow() }
    return Int32(code)
  }

  private func equals(_ code: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[code]
    let length = offsets[code + 1] - start
    guard length == text.count else { return false }
    return arena.withUnsafeBufferPointer { a in
      guard let base = text.baseAddress, length > 0 else { return true }
      return ByteInterner.same(a.baseAddress.unsafelyUnwrapped + start, base, length)
    }
  }

  /// Whether `n` bytes at `a` and `b` are the same. Eight at a time, then
  /// the rest one by one, in line: the texts interned are mostly short
  /// codes and names, for which calling `memcmp` cost more than comparing.
  @inline(__always)
  static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i &+ 8 <= n {
      let x = UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
      if x != y { return false }
      i &+= 8
    }
    while i < n {
      if a[i] != b[i] { return false }
      i &+= 1
    }
    return true
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    for code in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[code]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(code + 1)
    }
  }

  /// The distinct values as strings, in code order (bytes that are not UTF-8
  /// are repaired with U+FFFD rather than refused).
  public func strings() -> [String] {
    arena.withUnsafeBufferPointer { a in
      (0..<count).map { code in
        String(decoding: UnsafeBufferPointer(rebasing: a[offsets[code]..<offsets[code + 1]]), as: UTF8.self)
      }
    }
  }

  /// Value `code` as a string.
  func string(_ code: Int) -> String {
    String(decoding: arena[offsets[code]..<offsets[code + 1]], as: UTF8.self)
  }

  /// A multiply-and-fold hash over eight bytes at a time.
  @inline(__always)
  static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.count)
    guard let base = text.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    var i = 0
    let n = text.count
    while i + 8 <= n {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = mix(h ^ w)
      i += 8
    }
    if i < n {
      var w: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        w |= UInt64(base[i]) << shift
        shift += 8
        i += 1
      }
      h = mix(h ^ w)
    }
    return h ^ (h >> 29)
  }

  @inline(__always)
  private static func mix(_ x: UInt64) -> UInt64 {
    let m = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
    return m.high ^ m.low
  }
}
