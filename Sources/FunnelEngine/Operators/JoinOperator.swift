import FunnelData
import FunnelLanguage

/// Hash equi-join. The right side is built into a table from key to its
/// first row, with rows of one key chained in right-side order; left rows
/// probe it in order. Output: each left row followed by its matches (left
/// join: an unmatched left row once, with nulls); null keys never match.
enum JoinOperator {
  /// A join producing more rows than this stops with an error instead of
  /// exhausting memory (a join on a key with few distinct values multiplies rows).
  static let maxOutputRows = 200_000_000
  /// Output columns not in `needed` (nil = all) are all-null placeholders.
  static func run(
    _ leftRows: Batch, _ right: Table, _ plan: JoinPlan, needed: Set<Int>? = nil, _ context: ExecutionContext
  ) throws -> Table {
    let lc = leftRows.column(plan.leftKey), rc = right.columns[plan.rightKey]
    let (lk, rk) = keys(lc, rc)
    // `Int64.min` marks a right text that never occurs on the left.
    let table = BuildTable(keys: rk, validity: rc.validity)
    let next = table.next
    try context.cancellation.check()
    let leftCount = leftRows.table.columnCount
    let wanted = needed ?? Set(0..<(leftCount + plan.rightColumns.count))
    // Bytes of one output row: the two row numbers, then the wanted columns.
    var rowBytes = 8
    for i in 0..<leftCount where wanted.contains(i) { rowBytes += RowWidth.bytes(leftRows.table.columns[i].type) }
    for (k, c) in plan.rightColumns.enumerated() where wanted.contains(leftCount + k) {
      rowBytes += RowWidth.bytes(right.columns[c.index].type)
    }
    var leftPositions = [Int32](), rightRows = [Int32]()
    leftPositions.reserveCapacity(leftRows.count)
    rightRows.reserveCapacity(leftRows.count)
    for l in 0..<leftRows.count {
      if l & 0xFFFF == 0 { try context.cancellation.check() }
      var r: Int32 = lc.isNull(l) ? -1 : table.first(lk[l])
      if r < 0 {
        if plan.left {
          leftPositions.append(Int32(l))
          rightRows.append(-1)
        }
        continue
      }
      while r >= 0 {
        leftPositions.append(Int32(l))
        rightRows.append(r)
        r = next[Int(r)]
        // A key with many matches makes output far faster than left rows
        // advance, so cancellation and the size limit follow output rows too.
        if rightRows.count & 0xFFFF == 0 {
          try context.cancellation.check()
          try context.checkMemory(
            rows: rightRows.count, bytesPerRow: rowBytes, while: "joining \(plan.rightName)", growing: true)
          if rightRows.count > maxOutputRows {
            throw Diagnostic(
              message: "the join makes more than \(maxOutputRows / 1_000_000) million rows",
              hints: ["join on a key whose values are more distinct, or filter with where first"])
          }
        }
      }
    }
    try context.checkMemory(rows: rightRows.count, bytesPerRow: rowBytes, while: "joining \(plan.rightName)")
    var placeholders = Placeholders(count: rightRows.count)
    // Column by column, with a check between: a join that multiplied rows
    // gathers hundreds of millions of them, and Ctrl-C must not wait for all.
    let selected = leftRows.selecting(leftPositions)
    var out = Table(rowCount: rightRows.count)
    for i in 0..<leftCount {
      try context.cancellation.check()
      let column = wanted.contains(i) ? selected.column(i) : placeholders.column(leftRows.table.columns[i].type)
      out.append(column: column, named: leftRows.table.names[i])
    }
    for k in 0..<plan.rightColumns.count {
      try context.cancellation.check()
      let column = right.columns[plan.rightColumns[k].index]
      let picked = wanted.contains(leftCount + k) ? column.gatherOrNull(rightRows) : placeholders.column(column.type)
      out.append(column: picked, named: plan.rightColumns[k].name)
    }
    return out
  }

  /// Comparable `Int64` keys for both sides. Text keys from two dictionaries
  /// are matched by their text: right codes are translated into the left
  /// dictionary's codes (`Int64.min` where the text does not occur on the left).
  static func keys(_ l: Column, _ r: Column) -> ([Int64], [Int64]) {
    if let (lc, ld) = codes(l), let (rc, rd) = codes(r) {
      if ld === rd { return (lc, rc) }
      let translate = rd.values.map { v in ld.code(of: v).map { Int64($0) } ?? Int64.min }
      return (lc, rc.map { translate[Int($0)] })
    }
    // Matched on the types, not on `data`: `data` widens a narrow column
    // into a copy, only for the match to read its case.
    switch (l.type, r.type) {
    // Ints and decimals meet at the finer scale. A value with no form there
    // equals nothing on the other side: it becomes `Int64.min`, which never
    // matches (never a wrapped number that could match another).
    case (.decimal(let a), .decimal(let b)) where a != b:
      let s = max(a, b)
      return (widened(l, from: a, to: s), widened(r, from: b, to: s))
    case (.int, .decimal(let s)):
      return (widened(l, from: 0, to: s), r.int64s)
    case (.decimal(let s), .int):
      return (l.int64s, widened(r, from: 0, to: s))
    default:
      return (SortKeys.normalized(l), SortKeys.normalized(r))
    }
  }

  /// A text column's codes as `Int64`s (read from byte codes where it has
  /// them); nil for any other type.
  private static func codes(_ c: Column) -> ([Int64], StringDictionary)? {
    if let (codes, dictionary) = c.narrowText { return (codes.map { Int64($0) }, dictionary) }
    guard c.type == .string, case .string(let codes, let dictionary) = c.data else { return nil }
    return (codes.map { Int64($0) }, dictionary)
  }

  static func widened(_ c: Column, from: Int, to: Int) -> [Int64] {
    c.int64s.map { Decimal64.rescaled($0, from: from, to: to) ?? Int64.min }
  }
}

/// The build side of the hash join: the first row of each key, and each
/// row's next row of the same key (chains in row order). Dense keys use an
/// array indexed by key; others a hash table.
struct BuildTable {
  private var dense: [Int32] = []
  private var hashed: [Int64: Int32] = [:]
  private var range: KeyRange?
  private(set) var next: [Int32]

  init(keys: [Int64], validity: Bitmap?) {
    let n = keys.count
    next = [Int32](repeating: -1, count: n)
    var valid = validity ?? Bitmap(count: n, value: true)
    for i in 0..<n where keys[i] == Int64.min { valid[i] = false }
    range = KeyRange(keys, validity: valid)
    if let range, let slots = range.slots(forRows: n) {
      dense = [Int32](repeating: -1, count: slots)
      // Built backwards so each chain runs in row order.
      for r in stride(from: n - 1, through: 0, by: -1) where valid[r] {
        let slot = Int(keys[r] &- range.min)
        next[r] = dense[slot]
        dense[slot] = Int32(r)
      }
    } else {
      range = nil
      hashed.reserveCapacity(n)
      for r in stride(from: n - 1, through: 0, by: -1) where valid[r] {
        next[r] = hashed[keys[r]] ?? -1
        hashed[keys[r]] = Int32(r)
      }
    }
  }

  /// The first row with `key`, or -1.
  @inline(__always)
  func first(_ key: Int64) -> Int32 {
    if let range {
      guard key >= range.min, key <= range.max else { return -1 }
      return dense[Int(key &- range.min)]
    }
    return hashed[key] ?? -1
  }
}
