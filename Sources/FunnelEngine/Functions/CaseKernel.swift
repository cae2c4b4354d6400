import FunnelData

/// `case when c1 then v1 when c2 then v2 ... else v end` (and `if`), one
/// branch at a time: each condition is evaluated only on the rows that no
/// earlier branch took, each value only on the rows its branch took, and a
/// condition's mask is dropped before the next branch runs. Memory stays
/// proportional to the rows, not to rows × branches (a `case` of 100,000
/// branches over a batch holds one mask at a time), and once every row is
/// decided the remaining branches are not evaluated at all. A run of
/// branches that test one column against constants is one hash lookup
/// (`CaseLookup`).
enum CaseKernel {
  static func evaluate(
    _ branches: [(when: BoundExpr, then: BoundExpr)], otherwise: BoundExpr, type: DataType, over batch: Batch
  ) throws -> Column {
    let n = batch.count
    var pieces = ColumnPieces(type: type, count: n)
    // Positions (within `batch`) of the rows no branch has taken; nil = all of them.
    var undecided: [Int32]? = nil
    var rows = batch
    let lookups = branches.count >= CaseLookup.minimumRun ? CaseLookup.runs(branches) : [:]
    var b = 0
    while b < branches.count {
      let count = undecided?.count ?? n
      if count == 0 { break }
      if let run = lookups[b] {
        // The run's branches at once: each row to the first one its value meets.
        let target = run.branchOfRow(try Evaluator.evaluate(run.column, rows))
        var taken = [(branch: Int32, position: Int32)](), rest = [Int32]()
        for i in 0..<count {
          let position = undecided?[i] ?? Int32(i)
          if target[i] >= 0 { taken.append((target[i], position)) } else { rest.append(position) }
        }
        taken.sort { $0.branch != $1.branch ? $0.branch < $1.branch : $0.position < $1.position }
        var start = 0
        while start < taken.count {
          var end = start + 1
          while end < taken.count, taken[end].branch == taken[start].branch { end += 1 }
          let positions = taken[start..<end].map(\.position)
          pieces.add(
            try Evaluator.evaluate(branches[Int(taken[start].branch)].then, batch.selecting(positions)), at: positions)
          start = end
        }
        if !taken.isEmpty {
          undecided = rest
          rows = batch.selecting(rest)
        }
        b = run.branches.upperBound
        continue
      }
      let branch = branches[b]
      b += 1
      let mask = try Evaluator.evaluate(branch.when, rows).trueMask
      var taken = [Int32](), rest = [Int32]()
      for i in 0..<count {
        let position = undecided?[i] ?? Int32(i)
        if mask[i] { taken.append(position) } else { rest.append(position) }
      }
      if taken.isEmpty { continue }
      // Every row takes the first branch that holds anywhere: no scatter needed.
      if undecided == nil, rest.isEmpty { return try Evaluator.evaluate(branch.then, batch) }
      pieces.add(try Evaluator.evaluate(branch.then, batch.selecting(taken)), at: taken)
      undecided = rest
      rows = batch.selecting(rest)
    }
    guard let undecided else { return try Evaluator.evaluate(otherwise, batch) }
    if !undecided.isEmpty { pieces.add(try Evaluator.evaluate(otherwise, rows), at: undecided) }
    return pieces.column()
  }
}

/// A column of `count` rows assembled from parts computed over disjoint
/// subsets of the rows (rows no part covers are null). Texts from several
/// dictionaries get one merged dictionary; each dictionary is remapped once
/// however many parts share it.
struct ColumnPieces {
  let type: DataType
  let count: Int
  private var pieces: [(positions: [Int32], column: Column)] = []

  init(type: DataType, count: Int) {
    self.type = type
    self.count = count
  }

  /// `column`'s row j becomes row `positions[j]`.
  mutating func add(_ column: Column, at positions: [Int32]) {
    pieces.append((positions, column))
  }

  func column() -> Column {
    var valid = Bitmap(count: count, value: false)
    for p in pieces {
      for (j, r) in p.positions.enumerated() where !p.column.isNull(j) { valid[Int(r)] = true }
    }
    func scatter<T>(_ zero: T, _ values: (Column) -> [T]) -> [T] {
      var out = [T](repeating: zero, count: count)
      for p in pieces {
        let v = values(p.column)
        for (j, r) in p.positions.enumerated() { out[Int(r)] = v[j] }
      }
      return out
    }
    let data: ColumnData
    switch type {
    case .double: data = .double(scatter(0) { $0.doubles })
    case .decimal(let s): data = .decimal(scatter(0) { $0.int64s }, scale: s)
    case .int: data = .int(scatter(0) { $0.int64s })
    case .timestamp: data = .timestamp(scatter(0) { $0.int64s })
    case .date: data = .date(scatter(0) { $0.int32s })
    case .period(let u): data = .period(scatter(0) { $0.int32s }, unit: u)
    case .bool: data = .bool(scatter(false) { $0.bools })
    case .string:
      var builder = StringDictionaryBuilder()
      var remaps = [ObjectIdentifier: [Int32]]()
      var out = [Int32](repeating: 0, count: count)
      for p in pieces {
        guard case .string(let codes, let dictionary) = p.column.data else { continue }
        let key = ObjectIdentifier(dictionary)
        let remap = remaps[key] ?? dictionary.values.map { builder.code(for: $0) }
        remaps[key] = remap
        for (j, r) in p.positions.enumerated() where !p.column.isNull(j) { out[Int(r)] = remap[Int(codes[j])] }
      }
      data = .string(codes: out, dictionary: builder.build())
    }
    return Column(data, validity: valid, hint: pieces.first?.column.hint ?? .plain)
  }
}
