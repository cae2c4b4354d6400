import Foundation
import FunnelData

/// One aggregate over grouped rows: the argument column and each row's group
/// in, one value per group out. Accumulators are typed arrays indexed by
/// group id; nulls are skipped; over no rows `count` is 0 and the rest null.
/// Sums of ints and decimals are exact: they add in 128 bits, and a group
/// whose total does not fit the result type throws `Overflow`.
enum Accumulators {
  static func compute(
    _ f: AggregateFunction, _ arg: Column?, type: DataType, groups g: [Int32], count: Int
  ) throws(Overflow) -> Column {
    let n = g.count
    switch f {
    case .countRows:
      return Column(.int(tally(g, count: count) { _ in true }))
    case .count, .countIf:
      guard let arg else { return Column.empty(.int, count: count, allNull: false) }
      let mask = f == .countIf ? arg.trueMask : validMask(arg)
      return Column(.int(mask.withUnsafeBufferPointer { m in tally(g, count: count) { m[$0] } }))
    case .share:
      guard let arg else { return Column.empty(.double, count: count, allNull: true) }
      var hits = [Int64](repeating: 0, count: count), rows = [Int64](repeating: 0, count: count)
      let mask = arg.trueMask
      for i in 0..<n {
        rows[Int(g[i])] += 1
        if mask[i] { hits[Int(g[i])] += 1 }
      }
      return Column(
        .double(zip(hits, rows).map { $1 == 0 ? 0 : Double($0) / Double($1) }), validity: Bitmap(rows.map { $0 > 0 }),
        hint: .rate)
    case .countDistinct:
      guard let arg else { return Column.empty(.int, count: count, allNull: false) }
      // Ids loaded narrow are counted as they are, without a widened copy.
      if let narrow = arg.narrowInts { return countDistinct(narrow, arg, groups: g, count: count) }
      return countDistinct(distinctKeys(arg), arg, groups: g, count: count)
    case .sum: return try sum(arg, type: type, groups: g, count: count)
    case .avg, .stddev: return moments(f, arg, groups: g, count: count)
    case .min, .max:
      guard let arg else { return Column.empty(type, count: count, allNull: true) }
      let keys = SortKeys.normalized(arg)
      var best = [Int32](repeating: -1, count: count)
      for i in 0..<n where !arg.isNull(i) {
        let k = Int(g[i]), b = best[k]
        if b < 0 || (f == .min ? keys[i] < keys[Int(b)] : keys[i] > keys[Int(b)]) { best[k] = Int32(i) }
      }
      return arg.gatherOrNull(best)
    case .median: return Quantiles.compute(arg, fraction: 0.5, median: true, type: type, groups: g, count: count)
    case .percentile(let p):
      return Quantiles.compute(arg, fraction: p, median: false, type: type, groups: g, count: count)
    case .metric: return Column.empty(type, count: count, allNull: true)
    }
  }

  /// `count_distinct` of `keys` (one per row of `arg`) by group.
  static func countDistinct<T: FixedWidthInteger & SignedInteger>(
    _ keys: [T], _ arg: Column, groups g: [Int32], count: Int
  ) -> Column {
    let n = g.count
    var out = [Int64](repeating: 0, count: count)
    // Ctrl-C: a placeholder the statement throws away (see `Interruption`).
    let stopped = Column.empty(.int, count: count, allNull: true)
    // The keys' range, read once for both array-based ways below.
    let range = KeyRange(keys, validity: arg.validity)
    if let range, let slots = range.slots(forRows: n), slots * count <= 1 << 24 {
      // Few distinct-able values (codes, ids, days): one seen-flag per (group, value).
      var seen = [Bool](repeating: false, count: slots * count)
      for i in 0..<n where !arg.isNull(i) {
        if i & 0xFFFF == 0xFFFF, Interruption.requested { return stopped }
        let k = Int(g[i]) * slots + Int(Int64(keys[i]) &- range.min)
        if !seen[k] {
          seen[k] = true
          out[Int(g[i])] += 1
        }
      }
      return Column(.int(out))
    }
    if let range, let slots = range.slots(forRows: n), slots <= Int(UInt32.max) {
      return Column(
        .int(
          DistinctCounter.countDense(keys, valid: arg.validity, min: range.min, slots: slots, groups: g, count: count)
        ))
    }
    var seen = Set<GroupValue>()
    for i in 0..<n where !arg.isNull(i) {
      if i & 0xFFFF == 0xFFFF, Interruption.requested { return stopped }
      if seen.insert(GroupValue(group: g[i], value: Int64(keys[i]))).inserted { out[Int(g[i])] += 1 }
    }
    return Column(.int(out))
  }

  /// Keys equal exactly when the values are: text by its code, or the first
  /// code of its string when a dictionary repeats a text (no sort of the
  /// dictionary, which for millions of distinct texts takes longer than the
  /// count), everything else by its sort key.
  static func distinctKeys(_ c: Column) -> [Int64] {
    if let (codes, dictionary) = c.narrowText, dictionary.isDistinct { return codes.map { Int64($0) } }
    guard c.dictionary != nil, case .string(let codes, let dictionary) = c.data else { return SortKeys.normalized(c) }
    if dictionary.isDistinct { return codes.map { Int64($0) } }
    var canonical = [Int64](repeating: -1, count: dictionary.count)
    for (code, text) in dictionary.values.enumerated() {
      // Ctrl-C: the rest stay -1; the count is thrown away (see `Interruption`).
      if code & 0xFFFF == 0xFFFF, Interruption.requested { break }
      canonical[code] = Int64(dictionary.code(of: text) ?? -1)
    }
    return codes.map { canonical[Int($0)] }
  }

  /// Rows per group among the rows `counted` keeps. Through raw buffers:
  /// `count by stage` is a hot path, and with array subscripts each row paid
  /// a uniqueness check the optimizer did not hoist out of the loop (about
  /// 40% of that query). Group ids come from the grouping, below `count`.
  @inline(__always)
  static func tally(_ g: [Int32], count: Int, _ counted: (Int) -> Bool) -> [Int64] {
    var out = [Int64](repeating: 0, count: count)
    out.withUnsafeMutableBufferPointer { o in
      g.withUnsafeBufferPointer { groups in
        // Without a branch on the row: a test that holds for a random half
        // of the rows (`count_if(mql_at != null)`) is mispredicted half the time.
        for i in 0..<groups.count {
          assert(Int(groups[i]) < o.count, "group id out of range")
          o[Int(groups[i])] &+= counted(i) ? 1 : 0
        }
      }
    }
    return out
  }

  static func validMask(_ c: Column) -> [Bool] {
    guard let v = c.validity else { return [Bool](repeating: true, count: c.count) }
    return (0..<c.count).map { v[$0] }
  }

  static func sum(_ arg: Column?, type: DataType, groups g: [Int32], count: Int) throws(Overflow) -> Column {
    guard let arg else { return Column.empty(type, count: count, allNull: true) }
    switch arg.data {
    case .double(let v):
      var seen = [Bool](repeating: false, count: count)
      var out = [Double](repeating: 0, count: count)
      for i in 0..<v.count where !arg.isNull(i) {
        out[Int(g[i])] += v[i]
        seen[Int(g[i])] = true
      }
      return Column(.double(out), validity: Bitmap(seen), hint: arg.hint)
    default:
      let (wide, ns) = exactSums(arg, groups: g, count: count)
      var out = [Int64](repeating: 0, count: count)
      for k in 0..<count where ns[k] > 0 {
        guard let v = CheckedArithmetic.narrow(wide[k]) else { throw Overflow(type) }
        out[k] = v
      }
      let valid = Bitmap(ns.map { $0 > 0 })
      if case .decimal(let s) = type { return Column(.decimal(out, scale: s), validity: valid, hint: arg.hint) }
      return Column(.int(out), validity: valid, hint: arg.hint)
    }
  }

  /// Per-group sums of an int or decimal column's units in 128 bits (no
  /// total of Int64s that fits in memory can overflow them), and the number
  /// of values each group summed.
  static func exactSums(_ arg: Column, groups g: [Int32], count: Int) -> (sums: [Int128], counts: [Int]) {
    let v = arg.int64s
    var wide = [Int128](repeating: 0, count: count), ns = [Int](repeating: 0, count: count)
    if let validity = arg.validity {
      for i in 0..<v.count where validity[i] {
        let k = Int(g[i])
        wide[k] += Int128(v[i])
        ns[k] += 1
      }
    } else {
      for i in 0..<v.count {
        let k = Int(g[i])
        wide[k] += Int128(v[i])
        ns[k] += 1
      }
    }
    return (wide, ns)
  }

  /// `avg` and `stddev` (sample, two passes for accuracy; null under 2 values).
  static func moments(_ f: AggregateFunction, _ arg: Column?, groups g: [Int32], count: Int) -> Column {
    guard let arg else { return Column.empty(.double, count: count, allNull: true) }
    if f == .avg, arg.type != .double {
      // Ints and decimals: the mean of the exact sum, so no total is lost or rounded on the way.
      let (wide, ns) = exactSums(arg, groups: g, count: count)
      let unit = Decimal64.powersOfTen[Comparisons.scale(arg.type)]
      let means = (0..<count).map { ns[$0] == 0 ? 0 : Double(wide[$0]) / unit / Double(ns[$0]) }
      return Column(.double(means), validity: Bitmap(ns.map { $0 > 0 }), hint: arg.hint)
    }
    let v = arg.doubles
    var sums = [Double](repeating: 0, count: count), ns = [Int](repeating: 0, count: count)
    for i in 0..<v.count where !arg.isNull(i) {
      sums[Int(g[i])] += v[i]
      ns[Int(g[i])] += 1
    }
    let means = zip(sums, ns).map { $1 == 0 ? 0 : $0 / Double($1) }
    if f == .avg { return Column(.double(means), validity: Bitmap(ns.map { $0 > 0 }), hint: arg.hint) }
    var squares = [Double](repeating: 0, count: count)
    for i in 0..<v.count where !arg.isNull(i) {
      let d = v[i] - means[Int(g[i])]
      squares[Int(g[i])] += d * d
    }
    let out = zip(squares, ns).map { $1 < 2 ? 0 : ($0 / Double($1 - 1)).squareRoot() }
    return Column(.double(out), validity: Bitmap(ns.map { $0 >= 2 }), hint: arg.hint)
  }
}

/// A (group, value) pair for `count_distinct`'s set.
struct GroupValue: Hashable {
  var group: Int32
  var value: Int64
}
