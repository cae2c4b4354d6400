import FunnelData

/// A run of `case` branches that each test one column for equality with a
/// constant (`case channel when "email" then ... when "events" then ...`, or
/// `when lead_id == 1 then ... when lead_id == 2 then ...`, as generated
/// mapping tables are written): the first branch of the run that each row's
/// value meets is found by one hash lookup instead of one test per branch.
/// Equality is that of `==` (texts by their bytes); a null meets no branch.
struct CaseLookup {
  /// Shorter runs are tested branch by branch.
  static let minimumRun = 4

  /// The column every branch of the run tests.
  let column: BoundExpr
  /// The branches of the run (indices into the `case`'s branches).
  let branches: Range<Int>
  private let keys: Keys

  private enum Keys {
    /// ints, decimal units, days, microseconds, period ordinals.
    case integers([Int64: Int32])
    case doubles([Double: Int32])
    case texts([[UInt8]: Int32])
    case bools([Bool: Int32])
  }

  /// The runs of at least `minimumRun` branches, by the index of their first branch.
  static func runs(_ branches: [(when: BoundExpr, then: BoundExpr)]) -> [Int: CaseLookup] {
    var out = [Int: CaseLookup]()
    var start = 0
    while start < branches.count {
      guard let (column, _) = equality(branches[start].when) else {
        start += 1
        continue
      }
      var end = start + 1
      while end < branches.count, let (c, _) = equality(branches[end].when), c == column { end += 1 }
      if end - start >= minimumRun, let run = CaseLookup(branches, start..<end) { out[start] = run }
      start = end
    }
    return out
  }

  /// `column == constant` of one type, the column's index and the constant.
  private static func equality(_ e: BoundExpr) -> (Int, Value)? {
    guard case .compare(.equal, .column(let i, let type, _), .constant(let v, _)) = e, !v.isNull, v.type == type else {
      return nil
    }
    return (i, v)
  }

  private init?(_ all: [(when: BoundExpr, then: BoundExpr)], _ run: Range<Int>) {
    guard case .compare(_, let column, _) = all[run.lowerBound].when else { return nil }
    var integers = [Int64: Int32](), doubles = [Double: Int32](), texts = [[UInt8]: Int32](), bools = [Bool: Int32]()
    // The first branch a value meets wins.
    for k in run.reversed() {
      guard let (_, v) = Self.equality(all[k].when) else { return nil }
      switch v {
      case .string(let s): texts[Array(s.utf8)] = Int32(k)
      case .double(let d): doubles[d] = Int32(k)
      case .bool(let b): bools[b] = Int32(k)
      default:
        guard let x = MemberSet.integer(v) else { return nil }
        integers[x] = Int32(k)
      }
    }
    switch column.type {
    case .string: keys = .texts(texts)
    case .double: keys = .doubles(doubles)
    case .bool: keys = .bools(bools)
    default: keys = .integers(integers)
    }
    self.column = column
    branches = run
  }

  /// For each row of `c` (the column's values): the branch it takes, or -1.
  func branchOfRow(_ c: Column) -> [Int32] {
    let n = c.count
    var out = [Int32](repeating: -1, count: n)
    switch (keys, c.data) {
    case (.texts(let map), .string(let codes, let dictionary)):
      let table = dictionary.values.map { map[Array($0.utf8)] ?? -1 }
      for i in 0..<n { out[i] = table[Int(codes[i])] }
    case (.integers(let map), .date(let v)), (.integers(let map), .period(let v, _)):
      for i in 0..<n { out[i] = map[Int64(v[i])] ?? -1 }
    case (.integers(let map), .int(let v)), (.integers(let map), .decimal(let v, _)),
      (.integers(let map), .timestamp(let v)):
      for i in 0..<n { out[i] = map[v[i]] ?? -1 }
    case (.doubles(let map), .double(let v)):
      for i in 0..<n { out[i] = map[v[i]] ?? -1 }
    case (.bools(let map), .bool(let v)):
      for i in 0..<n { out[i] = map[v[i]] ?? -1 }
    default: break
    }
    if let validity = c.validity { for i in 0..<n where !validity[i] { out[i] = -1 } }
    return out
  }
}
