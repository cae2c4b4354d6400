import Foundation

/// Gives each distinct byte string a dense code, hashing the bytes in place, so
/// a text column of millions of rows creates one `String` per distinct value
/// instead of one per row (the main cost of loading text otherwise). Public
/// for the remote engines, which intern the texts of a result as they arrive.
public struct ByteInterner: Sendable {
  /// The distinct values, back to back, then `padding` zero bytes: a short
  /// value is compared a word at a time, which may read past its end.
  private var arena = [UInt8](repeating: 0, count: ByteInterner.padding)
  /// Where value `code` starts in `arena`; one extra entry at the end.
  private var offsets: [Int] = [0]
  /// Open addressing: code + 1, or 0 for an empty slot.
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private var mask: Int
  private static let padding = 16

  public init() {
    slots = [Int32](repeating: 0, count: 64)
    mask = 63
  }

  public var count: Int { offsets.count - 1 }

  /// The code of these bytes, adding them if new.
  @inline(__always)
  public mutating func code(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
    guard let base = text.baseAddress else {
      let zero: UInt8 = 0
      return withUnsafePointer(to: zero) { code($0, 0, readable: 0) }
    }
    return code(base, text.count, readable: text.count)
  }

  /// The code of the `n` bytes at `p`, adding them if new; `readable` bytes
  /// from `p` (at least `n`) may be read. A value of 16 bytes or fewer, the
  /// common case of a load's text, is read and compared as two words; with
  /// 16 readable bytes they are loaded whole and masked, not byte by byte.
  @inline(__always)
  mutating func code(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> Int32 {
    guard n <= 16 else { return longCode(p, n) }
    let (w0, w1) = ByteInterner.words(p, n, readable: readable)
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
    if n > 0 { h = ByteInterner.mix(h ^ w0) }
    if n > 8 { h = ByteInterner.mix(h ^ w1) }
    h ^= h >> 29
    let found = slots.withUnsafeBufferPointer { slots in
      hashes.withUnsafeBufferPointer { hashes in
        offsets.withUnsafeBufferPointer { offsets in
          arena.withUnsafeBufferPointer { arena in
            let a = UnsafeRawPointer(arena.baseAddress.unsafelyUnwrapped)
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
              let entry = slots[slot]
              if entry == 0 { return (-1, slot) }
              let code = Int(entry &- 1)
              if hashes[code] == h {
                let start = offsets[code]
                // The arena's padding keeps both words in bounds; bytes past
                // the value are masked off, as they are in `w0` and `w1`.
                if offsets[code &+ 1] &- start == n,
                  a.loadUnaligned(fromByteOffset: start, as: UInt64.self) & ByteInterner.lowBytes(n) == w0,
                  a.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self) & ByteInterner.lowBytes(n &- 8) == w1
                {
                  return (code, slot)
                }
              }
              slot = (slot &+ 1) & mask
            }
          }
        }
      }
    }
    if found.0 >= 0 { return Int32(found.0) }
    return insert(p, n, hash: h, slot: found.1)
  }

  /// The first and second eight of `n` (at most 16) bytes at `p`, little
  /// endian, zero past `n`.
  @inline(__always)
  private static func words(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> (UInt64, UInt64) {
    let raw = UnsafeRawPointer(p)
    if readable >= 16 {
      return (
        raw.loadUnaligned(as: UInt64.self) & lowBytes(n),
        raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & lowBytes(n &- 8)
      )
    }
    var w0: UInt64 = 0, w1: UInt64 = 0
    for i in 0..<min(n, 8) { w0 |= UInt64(p[i]) << UInt64(i &* 8) }
    if n > 8 { for i in 8..<n { w1 |= UInt64(p[i]) << UInt64((i &- 8) &* 8) } }
    return (w0, w1)
  }

  /// A mask of the low `k` bytes of a word (none for `k` ≤ 0, all for ≥ 8).
  @inline(__always)
  private static func lowBytes(_ k: Int) -> UInt64 {
    k >= 8 ? ~0 : k <= 0 ? 0 : (1 &<< UInt64(k &* 8)) &- 1
  }

  /// `code` for a value longer than 16 bytes.
  private mutating func longCode(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
    let h = ByteInterner.hash(UnsafeBufferPointer(start: p, count: n))
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let code = Int(entry - 1)
      if hashes[code] == h, equals(code, p, n) { return Int32(code) }
      slot = (slot + 1) & mask
    }
    return insert(p, n, hash: h, slot: slot)
  }

  /// Adds the `n` bytes at `p` as a new value, at the empty `slot`.
  private mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64, slot: Int) -> Int32 {
    let code = count
    arena.removeLast(ByteInterner.padding)
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    offsets.append(arena.count)
    arena.append(contentsOf: repeatElement(0, count: ByteInterner.padding))
    hashes.append(h)
    slots[slot] = Int32(code + 1)
    if count * 2 > mask { grow() }
    return Int32(code)
  }

  private func equals(_ code: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let start = offsets[code]
    let length = offsets[code + 1] - start
    guard length == n else { return false }
    return arena.withUnsafeBufferPointer { a in
      ByteInterner.same(a.baseAddress.unsafelyUnwrapped + start, p, length)
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
