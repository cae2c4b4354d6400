import FunnelData

/// Filter, project, sort, limit and distinct. They take a `Batch` (a table
/// and the rows selected from it) so that a filter or a sort only narrows or
/// reorders a selection vector; columns are gathered when a later step reads
/// them, and only those it reads.
enum RowOperators {
  /// Keeps rows where the predicate is true, a 64K-row batch at a time.
  static func filter(_ input: Batch, _ predicate: BoundExpr, _ context: ExecutionContext) throws -> Batch {
    // `a and b` keeps the rows where both are true, which is `a` then `b`
    // over the rows `a` kept: later tests read only the surviving rows.
    let conjuncts = predicate.conjuncts
    var selection = [Int32]()
    for chunk in input.chunks() {
      try context.cancellation.check()
      var batch = chunk
      for (k, conjunct) in conjuncts.enumerated() {
        let test = try Evaluator.evaluate(conjunct, batch)
        let mask = test.bools
        if k == conjuncts.count - 1 {
          let rows = batch.selection
          let base = Int32(batch.range.lowerBound)
          if let rows {
            RowOperators.appendKept(mask, test.validity, to: &selection) { rows[$0] }
          } else {
            RowOperators.appendKept(mask, test.validity, to: &selection) { base &+ Int32(truncatingIfNeeded: $0) }
          }
        } else {
          var positions = [Int32]()
          RowOperators.appendKept(mask, test.validity, to: &positions) { Int32($0) }
          if positions.isEmpty { break }
          batch = batch.selecting(positions)
        }
      }
    }
    if input.selection == nil, selection.count == input.table.rowCount { return input }
    return Batch(input.table, selection: selection)
  }

  /// Appends `row(i)` for every `i` where `mask` is true and `validity`
  /// (when given) is set. Room for every row is made first and filled
  /// through a pointer without a branch a row (the next slot is written
  /// always and kept only when the row is): a branch on a test that holds
  /// for a random sixth of the rows is mispredicted often, and an append a
  /// row checks the array's capacity and uniqueness each time.
  @inline(__always)
  static func appendKept(_ mask: [Bool], _ validity: Bitmap?, to out: inout [Int32], _ row: (Int) -> Int32) {
    let n = mask.count
    guard n > 0 else { return }
    let first = out.count
    var k = first
    out.append(contentsOf: repeatElement(0, count: n))
    out.withUnsafeMutableBufferPointer { o in
      mask.withUnsafeBufferPointer { m in
        if let validity {
          validity.words.withUnsafeBufferPointer { w in
            for i in 0..<n {
              o[k] = row(i)
              k &+= Int(truncatingIfNeeded: (w[i &>> 6] &>> UInt64(i & 63)) & 1) & RowOperators.one(m[i])
            }
          }
        } else {
          for i in 0..<n {
            o[k] = row(i)
            k &+= RowOperators.one(m[i])
          }
        }
      }
    }
    out.removeLast(first + n - k)
  }

  /// 1 for true, 0 for false, read from the `Bool`'s byte: `b ? 1 : 0` was
  /// compiled to a branch, mispredicted on every row a random test keeps.
  @inline(__always)
  static func one(_ b: Bool) -> Int { Int(unsafeBitCast(b, to: UInt8.self)) }

  /// Evaluates the output columns over the selected rows (a column passed
  /// through a whole table is shared, not copied).
  /// Columns not in `only` are all-null placeholders (no later step reads them).
  static func project(
    _ input: Batch, _ columns: [OutputColumn], only: Set<Int>? = nil, _ context: ExecutionContext
  ) throws -> Table {
    var out = [Column]()
    var placeholders = Placeholders(count: input.count)
    for (i, c) in columns.enumerated() {
      try context.cancellation.check()
      if let only, !only.contains(i) {
        out.append(placeholders.column(c.expr.type))
      } else {
        out.append(try Evaluator.output(c.expr, input))
      }
    }
    if columns.isEmpty { return Table(rowCount: input.count) }
    return Table(names: columns.map(\.name), columns: out)
  }

  /// Reorders the selection; with `limit` (a `take` right after the sort)
  /// only that many rows are ordered.
  static func sort(_ input: Batch, _ keys: [SortPlanKey], limit: Int? = nil, _ context: ExecutionContext) throws
    -> Batch
  {
    // Per row: each key's value, its direction-folded copy and null flag, the permutation.
    try context.checkMemory(rows: input.count, bytesPerRow: 8 + 26 * keys.count, while: "sorting")
    let count = input.count
    // `sort | take n` keeps a heap of n rows: fast enough to stay here.
    let full = limit.map { $0 >= count / 4 } ?? true
    let permutation = try DetachedWork.run(size: full ? count : 0, context.cancellation) {
      let normalized = try keys.map { k -> (values: [Int64], validity: Bitmap?, descending: Bool) in
        let c = try Evaluator.evaluate(k.expr, input)
        return (SortKeys.normalized(c), c.validity, k.descending)
      }
      return SortKeys.permutation(normalized, count: count, limit: limit)
    }
    return input.selecting(permutation)
  }

  static func limit(_ input: Batch, _ n: Int) -> Batch {
    if n >= input.count { return input }
    if let selection = input.selection { return Batch(input.table, selection: Array(selection.prefix(n))) }
    return Batch(input.table, range: input.range.lowerBound..<(input.range.lowerBound + n))
  }

  /// The first occurrence of each combination of `columns`, only those columns.
  static func distinct(_ input: Batch, _ columns: [Int], names: [String], _ context: ExecutionContext) throws -> Table {
    let types = columns.map { input.table.columns[$0].type }
    try context.checkMemory(
      rows: input.count, bytesPerRow: 8 + RowWidth.bytes(types) + 12 * columns.count, while: "finding distinct rows")
    let keys = columns.map { input.column($0) }
    let groups = Grouping.byFirstAppearance(keys, rows: input.count)
    let first = groups.firstRow.sorted()
    return Table(names: names, columns: keys.map { $0.gather(first) })
  }
}
