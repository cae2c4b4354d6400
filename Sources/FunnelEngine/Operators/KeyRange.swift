import FunnelData

/// The span of integer keys over the valid rows. When it is small compared
/// with the row count (ids, codes, days), an array indexed by `key - min`
/// replaces a hash table: one load per row instead of a hash and a probe.
struct KeyRange {
  var min: Int64
  var max: Int64

  /// The range of `keys` where `validity` holds; nil when no key is valid.
  /// Large inputs are read on every core (`RowChunks`), each range's span
  /// merged after; a null row is read as the other end's identity (the
  /// largest value for the minimum, the smallest for the maximum), so the
  /// loop has no branch on validity.
  init?<T: FixedWidthInteger & SignedInteger>(_ keys: [T], validity: Bitmap?) {
    let spans = keys.withUnsafeBufferPointer { k in
      RowChunks.map(k.count) { range -> (lo: T, hi: T) in
        var lo = T.max, hi = T.min
        if let v = validity {
          v.words.withUnsafeBufferPointer { words in
            for i in range {
              let valid = (words[i >> 6] >> UInt64(i & 63)) & 1 != 0
              lo = Swift.min(lo, valid ? k[i] : T.max)
              hi = Swift.max(hi, valid ? k[i] : T.min)
            }
          }
        } else {
          for i in range {
            lo = Swift.min(lo, k[i])
            hi = Swift.max(hi, k[i])
          }
        }
        return (lo, hi)
      }
    }
    // With no valid row, lo stays above hi.
    let lo = spans.map(\.lo).min() ?? T.max, hi = spans.map(\.hi).max() ?? T.min
    guard lo <= hi else { return nil }
    min = Int64(lo)
    max = Int64(hi)
  }

  /// The number of slots an array over the range needs, when that is no more
  /// than a few times `rows` (else nil: use a hash table).
  func slots(forRows rows: Int) -> Int? {
    let (width, overflow) = max.subtractingReportingOverflow(min)
    guard !overflow, width >= 0, width < Int64(Swift.max(4 * rows, 1 << 16)) else { return nil }
    return Int(width) + 1
  }
}
