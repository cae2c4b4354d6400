import FunnelData

/// The x axis of a line chart: each distinct value of the axis column is one
/// point, in time order for periods, dates, timestamps and numbers, in order
/// of appearance for text; nulls come last. Without an axis column each row
/// is a point.
///
/// ```swift
/// AxisPositions(table: t, axis: 0).caption   // "month 2024-07 … 2026-06 (24 points)"
/// ```
struct AxisPositions {
  /// The axis values shown, one a point.
  private(set) var labels: [String]
  /// The point of each row.
  private var rowPositions: [Int]
  private let axisName: String?

  init(table: Table, axis: Int?) {
    guard let axis else {
      labels = (0..<table.rowCount).map { String($0 + 1) }
      rowPositions = Array(0..<table.rowCount)
      axisName = nil
      return
    }
    let column = table.columns[axis]
    axisName = table.names[axis]
    var distinct = [Value]()
    var firstSeen = [Value: Int]()
    var rowValues = [Value]()
    rowValues.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      let v = column.value(at: row)
      rowValues.append(v)
      if firstSeen[v] == nil {
        firstSeen[v] = distinct.count
        distinct.append(v)
      }
    }
    let ordered = distinct.enumerated().sorted { a, b in
      let ka = AxisPositions.timeKey(a.element), kb = AxisPositions.timeKey(b.element)
      if ka != kb { return ka < kb }
      return a.offset < b.offset
    }.map(\.element)
    var position = [Value: Int]()
    for (i, v) in ordered.enumerated() { position[v] = i }
    labels = ordered.map { TerminalText.printable(NumberFormat.display($0, hint: column.hint)) }
    rowPositions = rowValues.map { position[$0] ?? 0 }
  }

  var count: Int { labels.count }

  func position(ofRow row: Int) -> Int { rowPositions[row] }

  /// `month 2024-07 … 2026-06 (24 points)`, or `rows 1 … 12` without an axis.
  var caption: String {
    guard let first = labels.first, let last = labels.last else { return (axisName ?? "rows") + " (no points)" }
    let span = count == 1 ? first : first + " … " + last
    let points = count == 1 ? "1 point" : "\(NumberFormat.grouped(String(count))) points"
    guard let axisName else { return "rows " + span }
    return TerminalText.printable(axisName) + " " + span + " (" + points + ")"
  }

  /// The order of axis values: by time or magnitude; text keeps its order
  /// of appearance (every text value ties); null last.
  private static func timeKey(_ v: Value) -> Double {
    switch v {
    case .null: return .infinity
    case .date(let d): return Double(d)
    case .timestamp(let t): return Double(t)
    case .period(let o, _): return Double(o)
    case .int, .double, .decimal: return v.doubleValue ?? 0
    case .bool(let b): return b ? 1 : 0
    case .string: return 0
    }
  }
}
