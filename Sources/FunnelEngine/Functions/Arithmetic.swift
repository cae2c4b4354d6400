import FunnelData

/// `+ - * / %` over columns of one type, and unary `-`. Exact types (int,
/// decimal, timestamp) are checked: a result that leaves the type throws
/// `Overflow` (see `CheckedArithmetic`). Division and remainder by zero give
/// null, as documented; doubles follow IEEE 754 (past ±1.8e308 they are inf).
enum Arithmetic {
  static func apply(_ op: ArithmeticOperator, _ l: Column, _ r: Column, type: DataType) throws(Overflow) -> Column {
    let n = l.count
    var validity = combinedValidity(l.validity, r.validity)
    var zeros = [Int]()
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
        for i in 0..<n { if b[i] == 0 { zeros.append(i) } else { out[i] = a[i] / b[i] } }
      case .remainder:
        for i in 0..<n { if b[i] == 0 { zeros.append(i) } else { out[i] = a[i].truncatingRemainder(dividingBy: b[i]) } }
      }
      data = .double(out)
    default:
      let a = l.int64s, b = r.int64s
      let out: [Int64]
      switch op {
      case .add:
        out = try CheckedArithmetic.map(a, b, validity: validity, type: type) { $0.addingReportingOverflow($1) }
      case .subtract:
        out = try CheckedArithmetic.map(a, b, validity: validity, type: type) { $0.subtractingReportingOverflow($1) }
      case .multiply:
        out = try CheckedArithmetic.map(a, b, validity: validity, type: type) { $0.multipliedReportingOverflow(by: $1) }
      case .divide, .remainder:
        // Integer `/` never reaches here (the binder makes it a double division).
        var rest = [Int64](repeating: 0, count: n)
        for i in 0..<n {
          if b[i] == 0 { zeros.append(i) } else { rest[i] = CheckedArithmetic.remainder(a[i], b[i]) }
        }
        out = rest
      }
      switch type {
      case .decimal(let s): data = .decimal(out, scale: s)
      case .timestamp: data = .timestamp(out)
      default: data = .int(out)
      }
    }
    if !zeros.isEmpty {
      var v = validity ?? Bitmap(count: n, value: true)
      for i in zeros { v[i] = false }
      validity = v
    }
    return Column(data, validity: validity)
  }

  /// `-x`; the smallest int (and decimal) has no negation and overflows.
  static func negate(_ c: Column) throws(Overflow) -> Column {
    switch c.data {
    case .double(let v): return Column(.double(v.map { -$0 }), validity: c.validity, hint: c.hint)
    case .decimal(let v, let s):
      let out = try CheckedArithmetic.map(v, validity: c.validity, type: c.type, CheckedArithmetic.negate)
      return Column(.decimal(out, scale: s), validity: c.validity, hint: c.hint)
    default:
      let out = try CheckedArithmetic.map(c.int64s, validity: c.validity, type: .int, CheckedArithmetic.negate)
      return Column(.int(out), validity: c.validity, hint: c.hint)
    }
  }
}
