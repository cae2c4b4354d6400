import FunnelData

/// Each window function over rows in window order (`WindowOrder`): a walk of
/// each partition from its first row, writing row `order.rows[i]`'s value.
/// Sums of ints and decimals are exact (128 bits), and a running total that
/// leaves its type throws `Overflow` as `sum` does; doubles follow IEEE 754.
enum WindowKernels {
  static func compute(
    _ f: WindowFunction, _ arg: Column?, _ order: WindowOrder, type: DataType, count n: Int
  ) throws(Overflow) -> Column {
    switch f {
    case .lag(let k): return shifted(arg, order, by: -k, type: type, count: n)
    case .lead(let k): return shifted(arg, order, by: k, type: type, count: n)
    case .rowNumber: return positions(order, count: n) { _, i, start in Int64(i - start + 1) }
    case .rank:
      var rank: Int64 = 0
      return positions(order, count: n) { order, i, start in
        if i == start || !order.peers(i, i - 1) { rank = Int64(i - start + 1) }
        return rank
      }
    case .runningCount:
      guard let arg else { return positions(order, count: n) { _, i, start in Int64(i - start + 1) } }
      var seen: Int64 = 0
      return positions(order, count: n) { order, i, start in
        if i == start { seen = 0 }
        if !arg.isNull(Int(order.rows[i])) { seen += 1 }
        return seen
      }
    case .runningSum: return try runningSum(arg, order, type: type, count: n)
    case .movingAverage(let k): return movingAverage(arg, order, width: k, count: n)
    case .shareOfTotal: return shareOfTotal(arg, order, count: n)
    case .change: return try change(arg, order, type: type, count: n)
    case .percentChange:
      return growth(arg, order, count: n) { _, _ in true }
    case .monthGrowth:
      // The previous row counts only when it is the calendar month before.
      guard let month = order.keys.first else { return Column.empty(.double, count: n, allNull: true) }
      return growth(arg, order, count: n) { row, previous in
        let valid = month.validity.map { $0[row] && $0[previous] } ?? true
        return valid && month.values[row] - month.values[previous] == 1
      }
    }
  }

  /// An int per row from `value(order, position, partition start)`, called in window order.
  private static func positions(
    _ order: WindowOrder, count n: Int, _ value: (WindowOrder, Int, Int) -> Int64
  ) -> Column {
    var out = [Int64](repeating: 0, count: n)
    for p in order.partitions {
      for i in p { out[Int(order.rows[i])] = value(order, i, p.lowerBound) }
    }
    return Column(.int(out))
  }

  /// `lag` (a negative `offset`) and `lead`: the value `|offset|` rows away in
  /// the partition, null past its edge.
  private static func shifted(_ arg: Column?, _ order: WindowOrder, by offset: Int, type: DataType, count n: Int)
    -> Column
  {
    guard let arg else { return Column.empty(type, count: n, allNull: true) }
    var source = [Int32](repeating: -1, count: n)
    for p in order.partitions {
      for i in p {
        // `offset` is at most Int32.max in size, so this cannot overflow an Int.
        let j = i + offset
        if p.contains(j) { source[Int(order.rows[i])] = order.rows[j] }
      }
    }
    return arg.gatherOrNull(source)
  }

  /// The total so far; a null adds nothing, and rows before the first value are null.
  private static func runningSum(_ arg: Column?, _ order: WindowOrder, type: DataType, count n: Int)
    throws(Overflow) -> Column
  {
    guard let arg else { return Column.empty(type, count: n, allNull: true) }
    var valid = [Bool](repeating: false, count: n)
    if case .double(let v) = arg.data {
      var out = [Double](repeating: 0, count: n)
      for p in order.partitions {
        var sum = 0.0
        var seen = false
        for i in p {
          let r = Int(order.rows[i])
          if !arg.isNull(r) {
            sum += v[r]
            seen = true
          }
          out[r] = sum
          valid[r] = seen
        }
      }
      return Column(.double(out), validity: Bitmap(valid))
    }
    let v = arg.int64s
    var out = [Int64](repeating: 0, count: n)
    for p in order.partitions {
      var sum: Int128 = 0
      var seen = false
      for i in p {
        let r = Int(order.rows[i])
        if !arg.isNull(r) {
          sum += Int128(v[r])
          seen = true
        }
        guard seen else { continue }
        guard let total = CheckedArithmetic.narrow(sum) else { throw Overflow(type) }
        out[r] = total
        valid[r] = true
      }
    }
    return exact(out, valid: valid, type: type)
  }

  /// The mean of the non-null values among the row and the `width - 1` rows
  /// before it in the partition (fewer at its start); null when there are none.
  private static func movingAverage(_ arg: Column?, _ order: WindowOrder, width: Int, count n: Int) -> Column {
    guard let arg else { return Column.empty(.double, count: n, allNull: true) }
    var out = [Double](repeating: 0, count: n)
    var valid = [Bool](repeating: false, count: n)
    if case .double(let v) = arg.data {
      for p in order.partitions {
        var window = DoubleWindowSum()
        for i in p {
          let r = Int(order.rows[i])
          if !arg.isNull(r) { window.add(v[r]) }
          let leaving = i - width
          if leaving >= p.lowerBound {
            let l = Int(order.rows[leaving])
            if !arg.isNull(l) { window.remove(v[l]) }
          }
          if window.count > 0 {
            out[r] = window.mean
            valid[r] = true
          }
        }
      }
      return Column(.double(out), validity: Bitmap(valid))
    }
    // Ints and decimals: an exact sum of the window, divided once.
    let v = arg.int64s
    let unit = Decimal64.powersOfTen[Comparisons.scale(arg.type)]
    for p in order.partitions {
      var sum: Int128 = 0
      var count = 0
      for i in p {
        let r = Int(order.rows[i])
        if !arg.isNull(r) {
          sum += Int128(v[r])
          count += 1
        }
        let leaving = i - width
        if leaving >= p.lowerBound {
          let l = Int(order.rows[leaving])
          if !arg.isNull(l) {
            sum -= Int128(v[l])
            count -= 1
          }
        }
        if count > 0 {
          out[r] = Double(sum) / unit / Double(count)
          valid[r] = true
        }
      }
    }
    return Column(.double(out), validity: Bitmap(valid))
  }

  /// The value ÷ the partition's total (of its non-null values); null for a
  /// null value and for a total of 0.
  private static func shareOfTotal(_ arg: Column?, _ order: WindowOrder, count n: Int) -> Column {
    guard let arg else { return Column.empty(.double, count: n, allNull: true) }
    var out = [Double](repeating: 0, count: n)
    var valid = [Bool](repeating: false, count: n)
    let exactValues: [Int64]? = arg.type == .double ? nil : arg.int64s
    let values = arg.doubles
    for p in order.partitions {
      // Ints and decimals add exactly, so the total is never rounded; the scale cancels in the ratio.
      var wide: Int128 = 0
      var total = 0.0
      for i in p {
        let r = Int(order.rows[i])
        if arg.isNull(r) { continue }
        if let exactValues { wide += Int128(exactValues[r]) } else { total += values[r] }
      }
      if let exactValues {
        total = Double(wide)
        guard total != 0 else { continue }
        for i in p {
          let r = Int(order.rows[i])
          if arg.isNull(r) { continue }
          out[r] = Double(exactValues[r]) / total
          valid[r] = true
        }
      } else {
        guard total != 0 else { continue }
        for i in p {
          let r = Int(order.rows[i])
          if arg.isNull(r) { continue }
          out[r] = values[r] / total
          valid[r] = true
        }
      }
    }
    return Column(.double(out), validity: Bitmap(valid))
  }

  /// The value minus the previous row's, of the value's type; null on a
  /// partition's first row and where either value is null.
  private static func change(_ arg: Column?, _ order: WindowOrder, type: DataType, count n: Int) throws(Overflow)
    -> Column
  {
    guard let arg else { return Column.empty(type, count: n, allNull: true) }
    var valid = [Bool](repeating: false, count: n)
    if case .double(let v) = arg.data {
      var out = [Double](repeating: 0, count: n)
      try eachPair(arg, order) { r, q throws(Overflow) in
        out[r] = v[r] - v[q]
        valid[r] = true
      }
      return Column(.double(out), validity: Bitmap(valid))
    }
    let v = arg.int64s
    var out = [Int64](repeating: 0, count: n)
    try eachPair(arg, order) { r, q throws(Overflow) in
      let (d, o) = v[r].subtractingReportingOverflow(v[q])
      if o { throw Overflow(type) }
      out[r] = d
      valid[r] = true
    }
    return exact(out, valid: valid, type: type)
  }

  /// (value − previous) ÷ previous as doubles, where `counts(row, previous)`
  /// allows; null on a partition's first row, where either value is null and
  /// where the previous value is 0.
  private static func growth(
    _ arg: Column?, _ order: WindowOrder, count n: Int, _ counts: (Int, Int) -> Bool
  ) -> Column {
    guard let arg else { return Column.empty(.double, count: n, allNull: true) }
    let v = arg.doubles
    var out = [Double](repeating: 0, count: n)
    var valid = [Bool](repeating: false, count: n)
    eachPair(arg, order) { r, q in
      guard v[q] != 0, counts(r, q) else { return }
      out[r] = (v[r] - v[q]) / v[q]
      valid[r] = true
    }
    return Column(.double(out), validity: Bitmap(valid))
  }

  /// `body(row, previous row)` for each row after a partition's first whose
  /// value and previous value are both present.
  private static func eachPair<E: Error>(_ arg: Column, _ order: WindowOrder, _ body: (Int, Int) throws(E) -> Void)
    throws(E)
  {
    for p in order.partitions {
      for i in p.dropFirst() {
        let r = Int(order.rows[i]), q = Int(order.rows[i - 1])
        if arg.isNull(r) || arg.isNull(q) { continue }
        try body(r, q)
      }
    }
  }

  /// Ints or decimals of `type` with their validity.
  private static func exact(_ values: [Int64], valid: [Bool], type: DataType) -> Column {
    if case .decimal(let s) = type { return Column(.decimal(values, scale: s), validity: Bitmap(valid)) }
    return Column(.int(values), validity: Bitmap(valid))
  }
}

/// The sum of a sliding window of doubles: finite values added with
/// Neumaier's compensation, so removing a value does not leave its rounding
/// behind; infinities and NaNs counted apart, so one leaving the window
/// leaves no NaN (`inf - inf`) in the sum. The mean is then what a sum of
/// the window's values gives: NaN with a NaN or both infinities, else the
/// infinity, else the finite mean.
struct DoubleWindowSum {
  private var sum = 0.0
  private var compensation = 0.0
  private var nans = 0
  private var positive = 0
  private var negative = 0
  private(set) var count = 0

  mutating func add(_ x: Double) {
    count += 1
    accumulate(x, sign: 1)
  }

  mutating func remove(_ x: Double) {
    count -= 1
    accumulate(x, sign: -1)
  }

  private mutating func accumulate(_ x: Double, sign: Int) {
    if x.isNaN {
      nans += sign
    } else if x == .infinity {
      positive += sign
    } else if x == -.infinity {
      negative += sign
    } else {
      let y = sign > 0 ? x : -x
      let t = sum + y
      compensation += abs(sum) >= abs(y) ? (sum - t) + y : (y - t) + sum
      sum = t
    }
  }

  var mean: Double {
    if nans > 0 || (positive > 0 && negative > 0) { return .nan }
    if positive > 0 { return .infinity }
    if negative > 0 { return -.infinity }
    return (sum + compensation) / Double(count)
  }
}
