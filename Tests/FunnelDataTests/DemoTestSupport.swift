import FunnelData

// Typed reads of demo columns for the tests: one optional per row.

func ints(_ table: Table, _ name: String) -> [Int64?] {
  guard let column = table.column(name), case .int(let values) = column.data else { return [] }
  return values.indices.map { column.isNull($0) ? nil : values[$0] }
}

func dates(_ table: Table, _ name: String) -> [Int32?] {
  guard let column = table.column(name), case .date(let values) = column.data else { return [] }
  return values.indices.map { column.isNull($0) ? nil : values[$0] }
}

func timestamps(_ table: Table, _ name: String) -> [Int64?] {
  guard let column = table.column(name), case .timestamp(let values) = column.data else { return [] }
  return values.indices.map { column.isNull($0) ? nil : values[$0] }
}

func cents(_ table: Table, _ name: String) -> [Int64?] {
  guard let column = table.column(name), case .decimal(let values, _) = column.data else { return [] }
  return values.indices.map { column.isNull($0) ? nil : values[$0] }
}

func strings(_ table: Table, _ name: String) -> [String?] {
  guard let column = table.column(name) else { return [] }
  switch column.data {
  case .string(let codes, let dictionary):
    return codes.indices.map { column.isNull($0) ? nil : dictionary.values[Int(codes[$0])] }
  default:
    return (0..<column.count).map { column.isNull($0) ? nil : column.value(at: $0).rawText }
  }
}

/// `2026-Q1` for a day.
func quarter(_ day: Int32) -> String { Periods.format(Periods.bucket(day: day, unit: .quarter), unit: .quarter) }

func doubles(_ table: Table, _ name: String) -> [Double?] {
  guard let column = table.column(name), case .double(let values) = column.data else { return [] }
  return values.indices.map { column.isNull($0) ? nil : values[$0] }
}
