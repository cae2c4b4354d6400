/// A growable byte buffer for the writers' per-cell loops: plain pointer
/// stores, without the uniqueness and capacity checks an `Array` append pays
/// on each of tens of millions of small writes. It owns its buffer, which is
/// freed when the sink goes away (it cannot be copied, so there is one owner).
///
/// `@unchecked Sendable` because a pointer never is: as the buffer's only
/// owner, a sink handed to another thread takes its memory along, and
/// nothing else can reach it.
struct ByteSink: ~Copyable, @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(count + extra) }
  }

  private mutating func grow(_ needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    assert(count < capacity)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append($0) }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Writes `value` in decimal, at least `minimumWidth` digits (zero-padded).
  @inline(__always)
  mutating func appendDigits(_ value: UInt64, minimumWidth: Int = 1) {
    var digits = 1
    var rest = value / 10
    while rest != 0 {
      digits += 1
      rest /= 10
    }
    let width = max(digits, minimumWidth)
    reserve(width)
    var v = value
    var i = count + width
    while i > count {
      i -= 1
      base[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
      v /= 10
    }
    count += width
  }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
