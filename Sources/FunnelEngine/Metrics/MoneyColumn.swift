import FunnelData

/// A numeric column read for summing money: exact scaled units when the column is
/// int or decimal (so sums are exact to the cent), doubles otherwise.
struct MoneyColumn {
  /// Units at `scale` (int columns have scale 0); empty for a double column.
  let units: [Int64]
  /// The values of a double column; empty for an exact one.
  let doubles: [Double]
  /// nil for a double column.
  let scale: Int?
  let validity: Bitmap?

  init?(_ column: Column) {
    validity = column.validity
    switch column.data {
    case .int(let v): (units, doubles, scale) = (v, [], 0)
    case .decimal(let v, let s): (units, doubles, scale) = (v, [], s)
    case .double(let v): (units, doubles, scale) = ([], v, nil)
    default: return nil
    }
  }

  @inline(__always) func isNull(_ row: Int) -> Bool {
    guard let v = validity else { return false }
    return !v[row]
  }

  /// The value as a Double (for weighted credits).
  @inline(__always) func double(_ row: Int) -> Double {
    if let s = scale { return Double(units[row]) / Decimal64.powersOfTen[s] }
    return doubles[row]
  }
}

/// Per-group sums of a `MoneyColumn`, exact when the column is: units add
/// in 128 bits, which no sum of Int64s in memory can overflow, and the
/// metric reads them as a Double.
struct MoneySums {
  private(set) var units: [Int128]
  private(set) var doubles: [Double]
  /// How many non-null values each group summed (the divisor of an average).
  private(set) var nonNull: [Int64]
  let scale: Int?

  init(groupCount: Int, like column: MoneyColumn?) {
    if let c = column { scale = c.scale } else { scale = 0 }
    units = [Int128](repeating: 0, count: scale == nil ? 0 : groupCount)
    doubles = [Double](repeating: 0, count: scale == nil ? groupCount : 0)
    nonNull = [Int64](repeating: 0, count: groupCount)
  }

  /// Adds row `row` of `column` (which must be the column given at init) to `group`; nulls add nothing.
  @inline(__always) mutating func add(_ column: MoneyColumn, row: Int, group: Int) {
    if column.isNull(row) { return }
    nonNull[group] += 1
    if scale != nil { units[group] += Int128(column.units[row]) } else { doubles[group] += column.doubles[row] }
  }

  /// The sum of a group; a single division keeps an exact sum correctly rounded.
  func value(_ group: Int) -> Double {
    if let s = scale { return Double(units[group]) / Decimal64.powersOfTen[s] }
    return doubles[group]
  }
}
