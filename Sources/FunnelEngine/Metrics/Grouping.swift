/// Which group each input row belongs to, for an aggregate that yields one value a group.
///
/// `groupOfRow[i]` is row i's group in `0..<groupCount`. With no `by`, every row
/// is in group 0 and `groupCount` is 1 (even over no rows, so `agg` still gives a row).
public struct Grouping: Sendable {
  public var groupOfRow: [Int32]
  public var groupCount: Int

  public init(groupOfRow: [Int32], groupCount: Int) {
    self.groupOfRow = groupOfRow
    self.groupCount = groupCount
  }

  /// All `rows` rows in one group.
  public static func single(rows: Int) -> Grouping {
    Grouping(groupOfRow: [Int32](repeating: 0, count: rows), groupCount: 1)
  }
}
