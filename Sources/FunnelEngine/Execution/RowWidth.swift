import FunnelData

/// Bytes a row of columns takes in memory, for the estimates operators check
/// against the memory limit before they materialise a result.
enum RowWidth {
  /// One value of `type`: its storage plus a validity bit, rounded up.
  static func bytes(_ type: DataType) -> Int {
    switch type {
    case .bool: return 2
    case .date, .string, .period: return 5
    default: return 9
    }
  }

  static func bytes(_ types: [DataType]) -> Int { types.reduce(0) { $0 + bytes($1) } }
}
