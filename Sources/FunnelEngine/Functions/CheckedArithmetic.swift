import FunnelData

/// The one rule for numbers that leave their type (docs/language.md §3.10):
/// an exact result (int, decimal, date, timestamp) that does not fit its
/// type is a run-time error at the expression, never a wrapped value, a
/// trap, or a null. Every kernel that can overflow goes through here.
///
/// The loops stay vectorized: each row computes with an overflow-reporting
/// operation and ORs its flag into one per batch; only a flagged batch is
/// looked at again, row by row, to skip rows that are null (whose slots
/// hold arbitrary numbers) before `Overflow` is thrown.
enum CheckedArithmetic {
  /// `f` over two columns' values; throws when a row valid in `validity` overflows.
  @inline(__always)
  static func map(
    _ a: [Int64], _ b: [Int64], validity: Bitmap?, type: DataType,
    _ f: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
  ) throws(Overflow) -> [Int64] {
    let n = a.count
    var flags: UInt8 = 0
    let out = [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          for i in 0..<n {
            let (v, o) = f(pa[i], pb[i])
            buffer[i] = v
            flags |= o ? 1 : 0
          }
        }
      }
      count = n
    }
    if flags != 0 { try requireNone(validity, count: n, type: type) { f(a[$0], b[$0]).overflow } }
    return out
  }

  /// `f` over one column's values; throws when a row valid in `validity` overflows.
  @inline(__always)
  static func map(
    _ a: [Int64], validity: Bitmap?, type: DataType, _ f: (Int64) -> (partialValue: Int64, overflow: Bool)
  ) throws(Overflow) -> [Int64] {
    let n = a.count
    var flags: UInt8 = 0
    let out = [Int64](unsafeUninitializedCapacity: n) { buffer, count in
      a.withUnsafeBufferPointer { pa in
        for i in 0..<n {
          let (v, o) = f(pa[i])
          buffer[i] = v
          flags |= o ? 1 : 0
        }
      }
      count = n
    }
    if flags != 0 { try requireNone(validity, count: n, type: type) { f(a[$0]).overflow } }
    return out
  }

  /// Throws `Overflow(type)` when some row valid in `validity` has `overflows(row)`.
  static func requireNone(
    _ validity: Bitmap?, count n: Int, type: DataType, _ overflows: (Int) -> Bool
  ) throws(Overflow) {
    for i in 0..<n where validity?[i] ?? true {
      if overflows(i) { throw Overflow(type) }
    }
  }

  // MARK: One value

  /// `-v`: only Int64.min has no negation.
  @inline(__always)
  static func negate(_ v: Int64) -> (partialValue: Int64, overflow: Bool) {
    Int64(0).subtractingReportingOverflow(v)
  }

  /// `|v|`: only Int64.min has no absolute value.
  @inline(__always)
  static func abs(_ v: Int64) -> (partialValue: Int64, overflow: Bool) {
    v < 0 ? negate(v) : (v, false)
  }

  /// Units at a scale `by` = 10^k times finer (an int as a decimal, a
  /// decimal widened to another's scale, a date's day as microseconds).
  @inline(__always)
  static func scale(_ v: Int64, by p: Int64) -> (partialValue: Int64, overflow: Bool) {
    v.multipliedReportingOverflow(by: p)
  }

  /// `a % b` for `b != 0`; Int64.min % -1 is 0 (the remainder exists, only
  /// the quotient does not).
  @inline(__always)
  static func remainder(_ a: Int64, _ b: Int64) -> Int64 {
    let (v, o) = a.remainderReportingOverflow(dividingBy: b)
    return o ? 0 : v
  }

  /// `v` divided by `p`, rounded half away from zero (`p` > 0).
  @inline(__always)
  static func divideRounded(_ v: Int64, by p: Int64) -> Int64 {
    let q = v / p, r = v % p
    // |r| < p, so 2|r| cannot overflow once compared as p - |r| <= |r|.
    let magnitude = r < 0 ? -r : r
    guard magnitude >= p - magnitude else { return q }
    return v < 0 ? q - 1 : q + 1
  }

  /// An exact sum (of Int64s accumulated in Int128) as an Int64, or nil
  /// when it does not fit.
  @inline(__always)
  static func narrow(_ wide: Int128) -> Int64? {
    Int64(exactly: wide)
  }

  // MARK: Dates

  /// A day number moved by `amount` days, nil outside `CivilDate.supportedDays`.
  @inline(__always)
  static func day(_ day: Int32, plus amount: Int64) -> Int32? {
    let (v, o) = Int64(day).addingReportingOverflow(amount)
    guard !o, v >= Int64(CivilDate.supportedDays.lowerBound), v <= Int64(CivilDate.supportedDays.upperBound) else {
      return nil
    }
    return Int32(v)
  }

  /// `day` moved by `amount` calendar months, the day clamped to the month's
  /// end (2026-01-31 + 1mo = 2026-02-28); nil outside the supported years.
  static func day(_ day: Int32, plusMonths amount: Int64) -> Int32? {
    let c = CivilDate(daysSinceEpoch: day)
    let (total, o) = (Int64(c.year) * 12 + Int64(c.month - 1)).addingReportingOverflow(amount)
    guard !o else { return nil }
    let y = total >= 0 ? total / 12 : (total - 11) / 12
    guard y >= Int64(CivilDate.supportedYears.lowerBound), y <= Int64(CivilDate.supportedYears.upperBound) else {
      return nil
    }
    let m = Int(total - y * 12) + 1
    let d = min(c.day, CivilDate.daysIn(month: m, year: Int(y)))
    return CivilDate(year: Int(y), month: m, day: d).daysSinceEpoch
  }
}
