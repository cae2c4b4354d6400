import FunnelData

/// A server's result in the types and display hints the plan declared, so a
/// result prints the same whichever engine computed it: PostgreSQL's
/// `numeric` count becomes Funnel's `int`, a rate's `numeric` its `double`,
/// and money stays money. Only exact conversions are made; a column that
/// would lose anything is left as the server sent it.
enum RemoteColumns {
  static func conform(_ table: Table, names: [String], types: [DataType], hints: [DisplayHint]) -> Table {
    guard table.columnCount == types.count else { return table }
    var columns: [Column] = []
    for (i, column) in table.columns.enumerated() {
      var c = convert(column, to: types[i]) ?? column
      c.hint = hints[i]
      columns.append(c)
    }
    return Table(names: names.count == columns.count ? names : table.names, columns: columns)
  }

  /// `column` as `type`, or nil when it is already that type or the
  /// conversion would not be exact.
  static func convert(_ column: Column, to type: DataType) -> Column? {
    if column.type == type { return nil }
    let v = column.validity
    switch (column.data, type) {
    case (.int(let xs), .double):
      return Column(.double(xs.map { Double($0) }), validity: v)
    case (.decimal(let xs, let s), .double):
      let scale = pow10(s)
      return Column(.double(xs.map { Double($0) / scale }), validity: v)
    case (.decimal(let xs, let s), .int):
      let unit = Int64(pow10(s))
      guard xs.allSatisfy({ $0 % unit == 0 }) else { return nil }
      return Column(.int(xs.map { $0 / unit }), validity: v)
    case (.double(let xs), .int):
      guard xs.allSatisfy({ $0.rounded() == $0 && abs($0) < 9.0e15 }) else { return nil }
      return Column(.int(xs.map { Int64($0) }), validity: v)
    case (.decimal(let xs, let s), .decimal(let t)):
      if t >= s {
        let factor = Int64(pow10(t - s))
        var out: [Int64] = []
        out.reserveCapacity(xs.count)
        for x in xs {
          let (m, overflow) = x.multipliedReportingOverflow(by: factor)
          if overflow { return nil }
          out.append(m)
        }
        return Column(.decimal(out, scale: t), validity: v)
      }
      let factor = Int64(pow10(s - t))
      guard xs.allSatisfy({ $0 % factor == 0 }) else { return nil }
      return Column(.decimal(xs.map { $0 / factor }, scale: t), validity: v)
    case (.int(let xs), .decimal(let t)):
      let factor = Int64(pow10(t))
      var out: [Int64] = []
      out.reserveCapacity(xs.count)
      for x in xs {
        let (m, overflow) = x.multipliedReportingOverflow(by: factor)
        if overflow { return nil }
        out.append(m)
      }
      return Column(.decimal(out, scale: t), validity: v)
    default:
      return nil
    }
  }

  private static func pow10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<max(0, n) { p *= 10 }
    return p
  }
}
