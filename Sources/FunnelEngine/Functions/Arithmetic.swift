import FunnelData

/// `+ - * / %` over columns of one type. Integer overflow and division or
/// remainder by zero give null rather than trapping: a wrong huge number is
/// worse than a visible gap.
enum Arithmetic {
  static func apply(_ op: ArithmeticOperator, _ l: Column, _ r: Column, type: DataType) -> Column {
    let n = l.count
    var validity = combinedValidity(l.validity, r.validity)
    var invalid = [Int]()
    let data: ColumnData
    switch type {
    case .double:
      let a = l.doubles, b = r.doubles
      var out = [Double](repeating: 0, count: n)
      switch op {
      case .add: for i in 0..<n { out[i] = a[i] + b[i] }
      case .subtract: for i in 0..<n { out[i] = a[i] - b[i] }
      case .multiply: for i in 0..<n { out[i] = a[i] * b[i] }
      case .divide:
        for i in 0..<n { if b[i] == 0 { invalid.append(i) } else { out[i] = a[i] / b[i] } }
      case .remainder:
        for i in 0..<n { if b[i] == 0 { invalid.append(i) } else { out[i] = a[i].truncatingRemainder(dividingBy: b[i]) } }
      }
      data = .double(out)
    default:
      let a = l.int64s, b = r.int64s
      var out = [Int64](repeating: 0, count: n)
      func checked(_ f: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)) {
        for i in 0..<n {
          let (v, o) = f(a[i], b[i])
          if o { invalid.append(i) } else { out[i] = v }
        }
      }
      switch op {
      case .add: checked { $0.addingReportingOverflow($1) }
      case .subtract: checked { $0.subtractingReportingOverflow($1) }
      case .multiply: checked { $0.multipliedReportingOverflow(by: $1) }
      case .divide, .remainder:
        // Integer `/` never reaches here (the binder makes it a double division).
        for i in 0..<n {
          if b[i] == 0 { invalid.append(i); continue }
          let (v, o) = a[i].remainderReportingOverflow(dividingBy: b[i])
          out[i] = o ? 0 : v
        }
      }
      switch type {
      case .decimal(let s): data = .decimal(out, scale: s)
      case .timestamp: data = .timestamp(out)
      default: data = .int(out)
      }
    }
    if !invalid.isEmpty {
      var v = validity ?? Bitmap(count: n, value: true)
      for i in invalid { v[i] = false }
      validity = v
    }
    return Column(data, validity: validity)
  }

  static func negate(_ c: Column) -> Column {
    switch c.data {
    case .double(let v): return Column(.double(v.map { -$0 }), validity: c.validity, hint: c.hint)
    case .decimal(let v, let s): return Column(.decimal(v.map { 0 &- $0 }, scale: s), validity: c.validity, hint: c.hint)
    default: return Column(.int(c.int64s.map { 0 &- $0 }), validity: c.validity, hint: c.hint)
    }
  }
}
