import FunnelData
import PropertyBased
import Testing

@testable import FunnelEngine

/// The scans behind `Grouping` against plain reference implementations, over
/// random key columns of every kind: with and without nulls, narrow and wide
/// ranges, no rows, and enough rows to be split across the cores.
@Suite struct GroupKernelTests {
  static let types: [DataType] = [.int, .double, .string, .date, .bool, .timestamp]

  /// A key column drawn from `choices`; `wide` spreads ints, dates and
  /// timestamps over a range too large for a table. Shrinking gives fewer
  /// rows, fewer nulls and the first of each type's values.
  static func column(_ type: DataType, rows: Int, nulls: Bool, wide: Bool, _ choices: inout ChoiceStream) -> Column {
    let values = (0..<rows).map { _ -> Value in
      if nulls && choices.chance(0.2) { return .null }
      let k = choices.int(0...6)
      switch type {
      case .int: return .int(wide ? choices.int64(-(1 << 60)...(1 << 60)) : Int64(k * 3 - 5))
      case .double: return .double([-2.5, 0, 1.5, 3.25, 1e300, -7, -0.0][k])
      case .string: return .string(["b", "a", "", "ab", "zz", "B", "a b"][k])
      case .date: return .date(wide ? choices.int32(-2_000_000...2_000_000) : Int32(k * 30 - 40))
      case .bool: return .bool(k % 2 == 0)
      default: return .timestamp(wide ? choices.int64(0...(1 << 50)) : Int64(k) * 1_000_000)
      }
    }
    return Column.make(type, values)
  }

  /// Key columns (none to three) over `rows` rows, drawn from `choices`.
  static func keys(rows: Int, _ choices: inout ChoiceStream) -> [Column] {
    (0..<choices.int(0...3)).map { _ in
      let type = choices.element(types)
      let nulls = choices.bool()
      let wide = choices.chance(0.25)
      return column(type, rows: rows, nulls: nulls, wide: wide, &choices)
    }
  }

  /// Reference: a dictionary of key tuples, ids in order of first appearance.
  static func byAppearance(_ keys: [Column], rows: Int) -> (groups: [Int32], count: Int) {
    var ids: [[Value]: Int32] = [:]
    var groups: [Int32] = []
    for r in 0..<rows {
      let key = keys.map { $0.value(at: r) }
      if let id = ids[key] {
        groups.append(id)
      } else {
        ids[key] = Int32(ids.count)
        groups.append(Int32(ids.count - 1))
      }
    }
    return (groups, ids.count)
  }

  /// Reference: the distinct key tuples sorted (ascending, nulls last), ids their positions.
  static func byKeyOrder(_ keys: [Column], rows: Int) -> (groups: [Int32], count: Int) {
    if keys.isEmpty { return ([Int32](repeating: 0, count: rows), 1) }
    let tuples = (0..<rows).map { r in keys.map { $0.value(at: r) } }
    let sorted = Array(Set(tuples)).sorted { a, b in
      for (x, y) in zip(a, b) where x != y { return before(x, y) }
      return false
    }
    var position: [[Value]: Int32] = [:]
    for (i, t) in sorted.enumerated() { position[t] = Int32(i) }
    return (tuples.map { position[$0] ?? -1 }, sorted.count)
  }

  /// Whether `a` sorts before `b` (values of one type; null last).
  static func before(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, _): return false
    case (_, .null): return true
    case (.int(let x), .int(let y)), (.timestamp(let x), .timestamp(let y)): return x < y
    case (.double(let x), .double(let y)): return x < y
    case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
    case (.date(let x), .date(let y)): return x < y
    case (.bool(let x), .bool(let y)): return !x && y
    default: return false
    }
  }

  /// First row of each group from plain group ids.
  static func firstRows(_ groups: [Int32], count: Int) -> [Int32] {
    var first = [Int32](repeating: -1, count: count)
    for (r, g) in groups.enumerated() where first[Int(g)] < 0 { first[Int(g)] = Int32(r) }
    return first
  }

  /// Both numberings of `keys` against the references.
  static func check(_ keys: [Column], rows: Int) throws {
    let what = "\(rows) rows, keys \(keys.map(\.type.name))"
    let appearance = Grouping.byFirstAppearance(keys, rows: rows)
    let expected = byAppearance(keys, rows: rows)
    #expect(appearance.groupOfRow == expected.groups, "\(what)")
    #expect(appearance.groupCount == (keys.isEmpty ? (rows > 0 ? 1 : 0) : expected.count), "\(what)")
    #expect(appearance.firstRow == firstRows(appearance.groupOfRow, count: appearance.groupCount), "\(what)")
    let ordered = try Grouping.byKeyOrder(keys, rows: rows)
    let expectedOrder = byKeyOrder(keys, rows: rows)
    #expect(ordered.groupOfRow == expectedOrder.groups, "\(what)")
    #expect(ordered.groupCount == expectedOrder.count, "\(what)")
    // With no keys there is one group even over no rows; its first row is then 0.
    let expectedFirst = rows == 0 && keys.isEmpty ? [0] : firstRows(expectedOrder.groups, count: expectedOrder.count)
    #expect(ordered.firstRow == expectedFirst, "\(what)")
  }

  /// Small inputs as a shrinking property: a failure is reported on the
  /// fewest rows and plainest keys that still fail.
  @Test func smallInputsMatchTheReference() async {
    await propertyCheck(count: 100, input: ChoiceStream.lists) { list in
      var choices = ChoiceStream(list)
      let rows = choices.int(0...300)
      let keys = Self.keys(rows: rows, &choices)
      try Self.check(keys, rows: rows)
    }
  }

  /// Enough rows that the scans split the work across the cores and merge their marks.
  @Test(arguments: 0..<3)
  func largeInputsMatchTheReference(seed: Int) throws {
    let rows = RowChunks.parallelThreshold + 20_000
    var choices = ChoiceStream(seed: UInt64(1000 + seed), count: 4 * rows + 64)
    try Self.check(Self.keys(rows: rows, &choices), rows: rows)
  }

  /// One key over enough rows that ids by first appearance are handed out
  /// in two passes on every core (`GroupKernels.numberedOnCoresFrom`):
  /// text kept as byte codes, ids kept 32 bits wide, dates; with nulls, and
  /// keys first seen in either range, against `byAppearance`.
  @Test(arguments: [DataType.string, .int, .date])
  func idsByAppearanceOnEveryCore(type: DataType) {
    let rows = GroupKernels.numberedOnCoresFrom + 40_000
    var state: UInt64 = 12345
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    // 240 keys (byte codes hold 256); half appear only in the second half of the rows.
    let values: [Value] = (0..<rows).map { r in
      if next(10) == 0 { return .null }
      let k = next(120) + (r > rows / 2 ? next(2) * 120 : 0)
      switch type {
      case .string: return .string("k\(k)")
      case .int: return .int(Int64(k * 7 - 300))
      default: return .date(Int32(k + 19_000))
      }
    }
    let made = Column.make(type, values)
    let column: Column
    switch made.data {
    case .string(let codes, let dictionary):
      column = Column.texts(codes: codes, dictionary: dictionary, validity: made.validity)
    case .int(let v): column = Column.ints(v, validity: made.validity)
    default: column = made
    }
    #expect(type != .string || column.narrowText != nil)
    #expect(type != .int || column.narrowInts != nil)
    let expected = Self.byAppearance([column], rows: rows)
    let found = GroupKernels.idsByAppearance(column)
    // The first row that differs, not the million ids, when the test fails.
    let wrongRow = (0..<min(found.ids.count, rows)).first { found.ids[$0] != expected.groups[$0] }
    #expect(found.ids.count == rows)
    #expect(wrongRow == nil)
    #expect(found.firstRow == Self.firstRows(expected.groups, count: expected.count))
  }

  @Test func groupIdsFromPlainNumbers() {
    let g = Grouping(groupOfRow: [2, 0, 2, 1], groupCount: 4)
    #expect(g.firstRow == [1, 3, 0, -1])
    #expect(Grouping.single(rows: 0).groupCount == 1 && Grouping.single(rows: 0).firstRow == [0])
  }
}
