/// Result batches from a remote engine put end to end.
extension Table {
  /// The rows of `batches` one after another. Every batch has the same
  /// names and column types (a remote engine's batches of one result);
  /// text columns are re-coded into one dictionary. Nil when the types differ.
  public static func concatenating(_ batches: [Table]) -> Table? {
    guard let first = batches.first else { return nil }
    if batches.count == 1 { return first }
    var columns: [Column] = []
    for c in first.columns.indices {
      guard let column = Column.concatenating(batches.map { $0.columns[c] }) else { return nil }
      columns.append(column)
    }
    return Table(names: first.names, columns: columns)
  }
}

extension Column {
  /// The values of `parts` one after another, or nil when their types differ.
  public static func concatenating(_ parts: [Column]) -> Column? {
    guard let first = parts.first else { return nil }
    guard parts.allSatisfy({ $0.type == first.type }) else { return nil }
    let total = parts.reduce(0) { $0 + $1.count }
    var validity: Bitmap? = nil
    if parts.contains(where: { $0.validity != nil }) {
      var bits = Bitmap(count: 0, value: true)
      bits.reserveCapacity(total)
      for p in parts {
        if let v = p.validity {
          for i in 0..<p.count { bits.append(v[i]) }
        } else {
          bits.append(repeating: true, count: p.count)
        }
      }
      validity = bits
    }
    func joined<T>(_ extract: (ColumnData) -> [T]?) -> [T] {
      var out: [T] = []
      out.reserveCapacity(total)
      for p in parts { out += extract(p.data) ?? [] }
      return out
    }
    let data: ColumnData
    switch first.data {
    case .int: data = .int(joined { if case .int(let v) = $0 { v } else { nil } })
    case .double: data = .double(joined { if case .double(let v) = $0 { v } else { nil } })
    case .decimal(_, let scale):
      data = .decimal(joined { if case .decimal(let v, _) = $0 { v } else { nil } }, scale: scale)
    case .date: data = .date(joined { if case .date(let v) = $0 { v } else { nil } })
    case .timestamp: data = .timestamp(joined { if case .timestamp(let v) = $0 { v } else { nil } })
    case .bool: data = .bool(joined { if case .bool(let v) = $0 { v } else { nil } })
    case .period(_, let unit): data = .period(joined { if case .period(let v, _) = $0 { v } else { nil } }, unit: unit)
    case .string:
      var builder = StringDictionaryBuilder()
      var codes: [Int32] = []
      codes.reserveCapacity(total)
      for p in parts {
        guard case .string(let partCodes, let dictionary) = p.data else { return nil }
        let map = dictionary.values.map { builder.code(for: $0) }
        for code in partCodes { codes.append(map[Int(code)]) }
      }
      data = .string(codes: codes, dictionary: builder.build())
    }
    return Column(data, validity: validity, hint: first.hint)
  }
}
