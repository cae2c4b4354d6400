import FunnelData
import FunnelEngine
import FunnelLanguage

/// Bound expressions as SQL with Funnel's meaning: `/` divides as doubles and
/// gives null for a zero divisor, as does `%`; `x in [a, null]` is true for a
/// null `x`; nulls follow SQL's three-valued logic, as Funnel's do.
///
///     amount / clicks         // (CAST("amount" AS DOUBLE) / NULLIF(CAST("clicks" AS DOUBLE), 0))
///     region ?? "unknown"     // coalesce("region", 'unknown')
///     created_at + 3mo        // CAST(("created_at" + INTERVAL 3 MONTH) AS DATE)
extension SQLBuilder {
  /// The SQL of `e`, whose `.column(i)` is column `i` of `input`.
  func expression(_ e: BoundExpr, over input: SQLRelation) throws(SQLCompileError) -> String {
    try render(e) { quote(input.columns[$0]) }
  }

  /// The SQL of `e`, with `column(i)` the SQL of column `i`.
  func render(_ e: BoundExpr, column: (Int) -> String) throws(SQLCompileError) -> String {
    func r(_ x: BoundExpr) throws(SQLCompileError) -> String { try render(x, column: column) }
    switch e {
    case .column(let i, _, _): return column(i)
    case .constant(let v, let t): return literal(v, t)
    case .parameter(let name, let v, let t): return placeholder(name, v, t)
    case .cast(let x, let c): return try castSQL(r(x), c, from: x)
    case .arithmetic(let op, let a, let b, let t): return try arithmetic(op, a, b, t, column: column)
    case .negate(let x): return "(-\(try r(x)))"
    case .compare(let op, let a, let b):
      let sqlOp = op == .equal ? "=" : op == .notEqual ? "<>" : op.rawValue
      return "(\(try ordered(r(a), a.type)) \(sqlOp) \(try ordered(r(b), b.type)))"
    case .isNull(let x, let negated): return "(\(try r(x)) IS \(negated ? "NOT " : "")NULL)"
    case .member(let x, let set): return try member(r(x), set, x.type)
    case .and(let a, let b): return "(\(try r(a)) AND \(try r(b)))"
    case .or(let a, let b): return "(\(try r(a)) OR \(try r(b)))"
    case .not(let x): return "(NOT \(try r(x)))"
    case .coalesce(let xs, _):
      var parts = [String]()
      for x in xs { parts.append(try r(x)) }
      return "coalesce(" + parts.joined(separator: ", ") + ")"
    case .cases(let branches, let otherwise, _):
      var text = "CASE"
      for b in branches { text += " WHEN \(try r(b.when)) THEN \(try r(b.then))" }
      return text + " ELSE \(try r(otherwise)) END"
    case .shift(let x, let d, let negative): return try shift(try r(x), x.type, d, negative: negative)
    case .call(let f, let args, let t):
      var sqlArgs = [String]()
      for a in args { sqlArgs.append(try r(a)) }
      return try call(f, sqlArgs, args, t)
    case .located(let x, _): return try r(x)
    }
  }

  /// Text in byte order, as Funnel compares and sorts it (postgres sorts by
  /// the database's collation otherwise).
  func ordered(_ sql: String, _ type: DataType) -> String {
    guard dialect == .postgres else { return sql }
    switch type {
    case .string, .period: return "(\(sql) COLLATE \"C\")"
    default: return sql
    }
  }

  private func castSQL(_ x: String, _ c: Cast, from source: BoundExpr) -> String {
    switch c {
    case .intToDouble, .decimalToDouble, .intToDecimal, .decimalToDecimal, .dateToTimestamp, .timestampToDate:
      // Narrowing a decimal (never bound: the binder widens to the larger
      // scale) would round here where Funnel truncates.
      return cast(x, c.target)
    case .dateToDays:
      switch dialect {
      case .duckdb, .postgres: return "(\(x) - DATE '1970-01-01')"
      case .spark: return "datediff(\(x), DATE '1970-01-01')"
      }
    case .timestampToDays:
      switch dialect {
      case .duckdb: return "(\(cast("epoch_us(\(x))", .double)) / 86400000000.0)"
      case .postgres: return "CAST(extract(epoch FROM \(x)) / 86400 AS DOUBLE PRECISION)"
      // The session time zone must not move a TIMESTAMP_NTZ (UTC, as set by FunnelSpark).
      case .spark: return "(\(cast("unix_micros(CAST(\(x) AS TIMESTAMP))", .double)) / 86400000000.0)"
      }
    }
  }

  private func arithmetic(
    _ op: ArithmeticOperator, _ a: BoundExpr, _ b: BoundExpr, _ type: DataType, column: (Int) -> String
  ) throws(SQLCompileError) -> String {
    // `date - date` and `days_between`: whole days.
    if op == .subtract, case .cast(let x, .dateToDays) = a, case .cast(let y, .dateToDays) = b {
      let l = try render(x, column: column), r = try render(y, column: column)
      switch dialect {
      case .duckdb, .postgres: return "(\(l) - \(r))"
      case .spark: return "datediff(\(l), \(r))"
      }
    }
    let l = try render(a, column: column), r = try render(b, column: column)
    switch op {
    case .add, .subtract, .multiply: return "(\(l) \(op.rawValue) \(r))"
    case .divide: return "(\(l) / NULLIF(\(r), 0))"
    case .remainder:
      if type == .double, dialect == .postgres {
        // PostgreSQL has no `%` on doubles; numeric's is exact, sign of the dividend.
        return cast("mod(CAST(\(l) AS NUMERIC), NULLIF(CAST(\(r) AS NUMERIC), 0))", .double)
      }
      return "(\(l) % NULLIF(\(r), 0))"
    }
  }

  /// `x in [...]`: the set's values as literals of the tested type, in order.
  private func member(_ x: String, _ set: MemberSet, _ type: DataType) throws(SQLCompileError) -> String {
    var items = [String]()
    switch set.values {
    case .integers(let values):
      for v in values.sorted() { items.append(literal(integerValue(v, type), type)) }
    case .doubles(let values):
      for v in values.sorted() { items.append(literal(.double(v), .double)) }
    case .texts(let values):
      for v in values.map({ String(decoding: $0, as: UTF8.self) }).sorted() { items.append(text(v)) }
    case .bools(let values):
      for v in values.sorted(by: { !$0 && $1 }) { items.append(literal(.bool(v), .bool)) }
    }
    let test = "\(x) IN (" + items.joined(separator: ", ") + ")"
    switch (items.isEmpty, set.holdsNull) {
    case (false, false): return "(\(test))"
    case (false, true): return "(\(x) IS NULL OR \(test))"
    case (true, true): return "(\(x) IS NULL)"
    case (true, false): return "(CASE WHEN \(x) IS NULL THEN NULL ELSE FALSE END)"
    }
  }

  /// A value of an integer-backed type from its integer form (see `MemberSet.integer`).
  private func integerValue(_ v: Int64, _ type: DataType) -> Value {
    switch type {
    case .decimal(let s): return .decimal(v, scale: s)
    case .date: return .date(Int32(truncatingIfNeeded: v))
    case .timestamp: return .timestamp(v)
    case .period(let u): return .period(Int32(truncatingIfNeeded: v), u)
    default: return .int(v)
    }
  }

  /// A date or timestamp moved by a calendar duration; months clamp to the
  /// month's end (Jan 31 + 1mo is Feb 28), as every dialect's month interval does.
  private func shift(_ x: String, _ type: DataType, _ d: Duration, negative: Bool) throws(SQLCompileError) -> String {
    let factor: Int64 = d.unit == .weeks ? 7 : d.unit == .years ? 12 : 1
    let (scaled, o1) = d.amount.multipliedReportingOverflow(by: factor)
    let (amount, o2) = negative ? Int64(0).subtractingReportingOverflow(scaled) : (scaled, false)
    guard !o1, !o2, amount.magnitude < 1 << 31 else {
      throw SQLCompileError("a duration of \(d.amount) \(d.unit) leaves the calendar", stage: nil)
    }
    let months = d.unit == .months || d.unit == .years
    let isDate = type == .date
    switch dialect {
    case .duckdb:
      if !months && isDate { return "(\(x) + \(literal(.int(amount), .int)))" }
      let moved = "(\(x) + INTERVAL (\(amount)) \(months ? "MONTH" : "DAY"))"
      return isDate ? cast(moved, .date) : moved
    case .postgres:
      if !months && isDate { return "(\(x) + \(literal(.int(amount), .int)))" }
      let moved = "(\(x) + make_interval(\(months ? "months" : "days") => \(amount)))"
      return isDate ? cast(moved, .date) : moved
    case .spark:
      if isDate { return months ? "add_months(\(x), \(amount))" : "date_add(\(x), \(amount))" }
      let interval = months ? "make_ym_interval(0, \(amount))" : "make_dt_interval(\(amount), 0, 0, 0)"
      return "(\(x) + \(interval))"
    }
  }
}
