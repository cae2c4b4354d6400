import FunnelData

/// The span of integer keys over the valid rows. When it is small compared
/// with the row count (ids, codes, days), an array indexed by `key - min`
/// replaces a hash table: one load per row instead of a hash and a probe.
struct KeyRange {
  var min: Int64
  var max: Int64

  init?<T: FixedWidthInteger & SignedInteger>(_ keys: [T], validity: Bitmap?) {
    var lo = T.max, hi = T.min
    keys.withUnsafeBufferPointer { k in
      if let v = validity {
        for i in 0..<k.count where v[i] {
          if k[i] < lo { lo = k[i] }
          if k[i] > hi { hi = k[i] }
        }
      } else {
        for x in k {
          if x < lo { lo = x }
          if x > hi { hi = x }
        }
      }
    }
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
