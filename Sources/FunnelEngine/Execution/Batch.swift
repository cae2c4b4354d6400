import FunnelData
import FunnelLanguage

/// A run of rows of a table that expressions are evaluated over: the rows of
/// `range`, or (with a selection vector) exactly the rows listed.
struct Batch: Sendable {
  let table: Table
  let range: Range<Int>
  let selection: [Int32]?

  /// Every row of `table`.
  init(_ table: Table) {
    self.table = table
    range = 0..<table.rowCount
    selection = nil
  }

  init(_ table: Table, range: Range<Int>) {
    self.table = table
    self.range = range
    selection = nil
  }

  init(_ table: Table, selection: [Int32]) {
    self.table = table
    range = 0..<selection.count
    self.selection = selection
  }

  var count: Int { selection?.count ?? range.count }

  /// Column `index` over the batch's rows.
  func column(_ index: Int) -> Column {
    let c = table.columns[index]
    if let selection { return c.gather(selection) }
    return c.slice(range)
  }

  /// The rows of the batch as absolute row numbers of `table`.
  var rows: [Int32] {
    selection ?? range.map { Int32($0) }
  }

  /// The batch as a table of its own (gathers only when rows were selected).
  var materialized: Table {
    if let selection { return table.gather(selection) }
    if range.count == table.rowCount { return table }
    if table.columns.isEmpty { return Table(rowCount: range.count) }
    return Table(names: table.names, columns: table.columns.map { $0.slice(range) })
  }

  /// The batch as a table in which only the columns in `needed` (nil = all)
  /// are real; the others are all-null placeholders of the right type, which
  /// cost a fill instead of a gather. Used where a later step is known not
  /// to read them (see `Executor`).
  func materialized(needed: Set<Int>?) -> Table {
    guard let needed else { return materialized }
    if table.columns.isEmpty { return Table(rowCount: count) }
    var placeholders = Placeholders(count: count)
    let columns = table.columns.indices.map { i -> Column in
      needed.contains(i) ? column(i) : placeholders.column(table.columns[i].type)
    }
    return Table(names: table.names, columns: columns)
  }

  /// Sub-batches of at most `size` rows, for checks of cancellation between them.
  func chunks(size: Int = 65_536) -> [Batch] {
    if let selection {
      if selection.count <= size { return [self] }
      return stride(from: 0, to: selection.count, by: size).map {
        Batch(table, selection: Array(selection[$0..<min($0 + size, selection.count)]))
      }
    }
    if range.count <= size { return [self] }
    return stride(from: range.lowerBound, to: range.upperBound, by: size).map {
      Batch(table, range: $0..<min($0 + size, range.upperBound))
    }
  }

  /// Rows of this batch picked by position within it (`positions[i]` in 0..<count).
  func selecting(_ positions: [Int32]) -> Batch {
    if let selection { return Batch(table, selection: positions.map { selection[Int($0)] }) }
    let base = Int32(range.lowerBound)
    return Batch(table, selection: base == 0 ? positions : positions.map { $0 + base })
  }

  /// Batch ranges over `count` rows (64K rows: a few columns of it stay in cache).
  static func ranges(_ count: Int, size: Int = 65_536) -> [Range<Int>] {
    if count == 0 { return [0..<0] }
    return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
  }
}

/// Evaluates bound expressions column-at-a-time over a batch. Throws a
/// `Diagnostic` when a result leaves its type (see `CheckedArithmetic`): at
/// the expression's site when the binder kept one, else without a span (the
/// shell then points at the statement).
enum Evaluator {
  static func evaluate(_ expr: BoundExpr, _ batch: Batch) throws -> Column {
    do {
      return try column(expr, batch)
    } catch let o as Overflow {
      throw Diagnostic.overflow(o, at: nil)
    }
  }

  private static func column(_ expr: BoundExpr, _ batch: Batch) throws -> Column {
    let n = batch.count
    // Ctrl-C: a kernel stopped part way returns a placeholder; the next node
    // over many rows stops here instead of computing over it.
    if n >= 1 << 16 { try Interruption.check() }
    switch expr {
    case .column(let i, _, _): return batch.column(i)
    case .constant(let v, let t), .parameter(_, let v, let t): return Column.constant(v, type: t, count: n)
    case .cast(let e, let c): return try Casts.apply(c, column(e, batch))
    case .arithmetic(let op, let l, let r, let t):
      return try Arithmetic.apply(op, column(l, batch), column(r, batch), type: t)
    case .negate(let e): return try Arithmetic.negate(column(e, batch))
    case .compare(let op, let l, let r):
      if let v = r.constantValue, !v.isNull {
        return Comparisons.compare(op, try column(l, batch), constant: v)
      }
      return Comparisons.compare(op, try column(l, batch), try column(r, batch))
    case .isNull(let e, let negated):
      let c = try column(e, batch)
      guard let v = c.validity else { return Column(.bool([Bool](repeating: negated, count: n))) }
      // Straight from the validity bits, with no branch a row: a branch on
      // random nulls (`mql_at != null`, about half of the leads) was
      // mispredicted every other row.
      let flip = UInt64(negated ? 0 : 1)
      let out = [Bool](unsafeUninitializedCapacity: n) { out, initialized in
        v.words.withUnsafeBufferPointer { w in
          for i in 0..<n { out[i] = ((w[i &>> 6] &>> UInt64(i & 63)) & 1) ^ flip != 0 }
        }
        initialized = n
      }
      return Column(.bool(out))
    case .member(let e, let set): return set.test(try column(e, batch))
    case .and(let l, let r): return Logic.and(try column(l, batch), try column(r, batch))
    case .or(let l, let r): return Logic.or(try column(l, batch), try column(r, batch))
    case .not(let e): return Logic.not(try column(e, batch))
    case .coalesce(let es, let t): return Logic.coalesce(try es.map { try column($0, batch) }, type: t)
    case .cases(let branches, let otherwise, let t):
      return try CaseKernel.evaluate(branches, otherwise: otherwise, type: t, over: batch)
    case .shift(let e, let d, let negative): return try DateKernels.shift(column(e, batch), d, negative: negative)
    case .call(let f, let args, let t):
      return try ScalarKernels.apply(f, args.map { try column($0, batch) }, type: t)
    case .located(let e, let site):
      do {
        return try column(e, batch)
      } catch let o as Overflow {
        throw Diagnostic.overflow(o, at: site)
      }
    }
  }
}

/// All-null columns of one length, one per type, shared (arrays are
/// copy-on-write, so twenty unread columns cost one allocation per type).
struct Placeholders {
  let count: Int
  private var cache: [DataType: Column] = [:]

  init(count: Int) { self.count = count }

  mutating func column(_ type: DataType) -> Column {
    if let c = cache[type] { return c }
    let c = Column.empty(type, count: count, allNull: true)
    cache[type] = c
    return c
  }
}
