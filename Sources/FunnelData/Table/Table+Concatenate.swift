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
    guard let type = parts.first?.type, let hint = parts.first?.hint else { return nil }
    for p in parts where p.type != type { return nil }
    guard let data = concatenatedData(parts) else { return nil }
    return Column(data, validity: concatenatedValidity(parts), hint: hint)
  }
}

// The pieces of `Column.concatenating` are free functions, each with plain
// returns: Swift 6.3's optimizer aborts (CopyPropagation) on the one-function
// form with nested generic closures when built with -sanitize=fuzzer,address.

private func concatenatedValidity(_ parts: [Column]) -> Bitmap? {
  guard parts.contains(where: { $0.validity != nil }) else { return nil }
  var bits = Bitmap(count: 0, value: true)
  bits.reserveCapacity(parts.reduce(0) { $0 + $1.count })
  for p in parts {
    if let v = p.validity {
      for i in 0..<p.count { bits.append(v[i]) }
    } else {
      bits.append(repeating: true, count: p.count)
    }
  }
  return bits
}

private func concatenatedData(_ parts: [Column]) -> ColumnData? {
  switch parts[0].data {
  case .int: return .int(joinedValues(parts, \.intValues))
  case .double: return .double(joinedValues(parts, \.doubleValues))
  case .decimal(_, let scale): return .decimal(joinedValues(parts, \.decimalValues), scale: scale)
  case .date: return .date(joinedValues(parts, \.dateValues))
  case .timestamp: return .timestamp(joinedValues(parts, \.timestampValues))
  case .bool: return .bool(joinedValues(parts, \.boolValues))
  case .period(_, let unit): return .period(joinedValues(parts, \.periodValues), unit: unit)
  case .string: return joinedStrings(parts)
  }
}

private func joinedValues<T>(_ parts: [Column], _ values: KeyPath<ColumnData, [T]?>) -> [T] {
  var out: [T] = []
  out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
  for p in parts { out += p.data[keyPath: values] ?? [] }
  return out
}

private func joinedStrings(_ parts: [Column]) -> ColumnData? {
  var builder = StringDictionaryBuilder()
  var codes: [Int32] = []
  codes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
  for p in parts {
    guard case .string(let partCodes, let dictionary) = p.data else { return nil }
    let map = dictionary.values.map { builder.code(for: $0) }
    for code in partCodes { codes.append(map[Int(code)]) }
  }
  return .string(codes: codes, dictionary: builder.build())
}

extension ColumnData {
  fileprivate var intValues: [Int64]? { if case .int(let v) = self { v } else { nil } }
  fileprivate var doubleValues: [Double]? { if case .double(let v) = self { v } else { nil } }
  fileprivate var decimalValues: [Int64]? { if case .decimal(let v, _) = self { v } else { nil } }
  fileprivate var dateValues: [Int32]? { if case .date(let v) = self { v } else { nil } }
  fileprivate var timestampValues: [Int64]? { if case .timestamp(let v) = self { v } else { nil } }
  fileprivate var boolValues: [Bool]? { if case .bool(let v) = self { v } else { nil } }
  fileprivate var periodValues: [Int32]? { if case .period(let v, _) = self { v } else { nil } }
}
