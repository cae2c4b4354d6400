extension Column {
  /// Whether `other` is this column itself, by its storage: the same type,
  /// length and buffers (values, narrow forms, validity, dictionary), not
  /// merely equal values. A check in constant time, for keeping what was
  /// worked out from a column until the column changes.
  ///
  /// The same buffers mean the same values while the caller keeps one of the
  /// two columns: a buffer that is kept cannot be freed and its address given
  /// to another, nor written in place (an array shared is copied on write).
  public func sharesStorage(with other: Column) -> Bool {
    guard type == other.type, count == other.count, hint == other.hint else { return false }
    guard Self.same(narrowInts, other.narrowInts), Self.same(narrowCodes, other.narrowCodes),
      Self.same(validity?.words, other.validity?.words)
    else { return false }
    switch (stored, other.stored) {
    case (.int(let a), .int(let b)), (.timestamp(let a), .timestamp(let b)): return Self.same(a, b)
    case (.double(let a), .double(let b)): return Self.same(a, b)
    case (.decimal(let a, let s), .decimal(let b, let t)): return s == t && Self.same(a, b)
    case (.date(let a), .date(let b)): return Self.same(a, b)
    case (.period(let a, let u), .period(let b, let v)): return u == v && Self.same(a, b)
    case (.bool(let a), .bool(let b)): return Self.same(a, b)
    case (.string(let a, let d), .string(let b, let e)): return d === e && Self.same(a, b)
    default: return false
    }
  }

  /// Both nil, or the same buffer of the same length.
  private static func same<T>(_ a: [T]?, _ b: [T]?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let a?, let b?):
      guard a.count == b.count else { return false }
      // Empty arrays hold nothing to differ in, whatever their buffers.
      if a.isEmpty { return true }
      return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    default: return false
    }
  }
}
