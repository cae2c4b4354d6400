/// One bit a row: set = valid (not null). A column whose rows are all valid
/// carries no bitmap at all (`Column.validity == nil`).
public struct Bitmap: Hashable, Sendable {
  public private(set) var words: [UInt64]
  public private(set) var count: Int

  /// `count` bits, all set to `value`.
  public init(count: Int, value: Bool) {
    self.count = count
    let n = (count + 63) >> 6
    words = [UInt64](repeating: value ? ~0 : 0, count: n)
    if value, count & 63 != 0, n > 0 { words[n - 1] = (1 << UInt64(count & 63)) - 1 }
  }

  public init(_ bits: [Bool]) {
    self.init(count: bits.count, value: false)
    for (i, b) in bits.enumerated() where b { words[i >> 6] |= 1 << UInt64(i & 63) }
  }

  public subscript(i: Int) -> Bool {
    // Inlinable: engine loops test a bit a row, from another module.
    @inlinable get { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    set {
      if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
    }
  }

  /// Adds one bit at the end.
  public mutating func append(_ bit: Bool) {
    if count & 63 == 0 { words.append(0) }
    if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
    count += 1
  }

  /// Adds `n` bits of `value` at the end (the readers grow a column's bitmap
  /// a chunk of rows at a time). Bits past `count` are always clear.
  public mutating func append(repeating value: Bool, count n: Int) {
    guard n > 0 else { return }
    let newCount = count + n
    if value, count & 63 != 0 { words[words.count - 1] |= ~0 << UInt64(count & 63) }
    let needed = (newCount + 63) >> 6
    if needed > words.count { words.append(contentsOf: repeatElement(value ? ~0 : 0, count: needed - words.count)) }
    if newCount & 63 != 0 { words[needed - 1] &= (1 << UInt64(newCount & 63)) - 1 }
    count = newCount
  }

  /// Room for `n` bits without regrowing.
  public mutating func reserveCapacity(_ n: Int) { words.reserveCapacity((n + 63) >> 6) }

  /// How many bits are set.
  public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
  public var allSet: Bool { setCount == count }

  /// Whether every bit of `range` is set, a word at a time.
  func allSet(in range: Range<Int>) -> Bool {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "a range of the bitmap's bits")
    var i = range.lowerBound
    let end = range.upperBound
    return words.withUnsafeBufferPointer { w in
      while i < end {
        let bit = i & 63
        let span = min(64 - bit, end - i)
        let mask: UInt64 = span == 64 ? ~0 : ((1 << UInt64(span)) - 1) << UInt64(bit)
        if w[i >> 6] & mask != mask { return false }
        i += span
      }
      return true
    }
  }
}
