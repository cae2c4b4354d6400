import FunnelData

/// Which columns of a result a chart draws: the ones the `chart` stage
/// names, or the first suitable ones. A request that cannot be met becomes a
/// `Problem`, which `ChartRenderer` shows as one line in place of the chart.
enum ChartColumns {
  /// Why a chart cannot be drawn, in words for the person who asked for it.
  struct Problem: Error, Equatable {
    var message: String
  }

  /// The column called `name`, or a problem naming the ones that exist.
  static func named(_ name: String, in table: Table, kind: ChartRequest.Kind) throws -> Int {
    guard let index = table.index(of: name) else {
      throw Problem(
        message: "cannot draw a \(kind.rawValue) chart: no column '\(name)' (columns: "
          + table.names.joined(separator: ", ") + ")")
    }
    return index
  }

  /// The label of a bar chart: the requested column, else the first text or
  /// period column, else the first date or bool column; nil = label bars by
  /// their row number.
  static func barLabel(_ table: Table, request: ChartRequest) throws -> Int? {
    if let name = request.label { return try named(name, in: table, kind: request.kind) }
    return first(in: table, where: { isText($0) || isPeriod($0) })
      ?? first(in: table, where: { $0 == .date || $0 == .bool })
  }

  /// The x axis of a line chart: the requested column, else the first
  /// period, date or timestamp column; nil = the rows in order.
  static func lineAxis(_ table: Table, request: ChartRequest) throws -> Int? {
    if let name = request.label { return try named(name, in: table, kind: request.kind) }
    return first(in: table, where: { isPeriod($0) || $0 == .date || $0 == .timestamp })
  }

  /// The number column: the requested one (which must be numeric), else the
  /// first numeric column that is not `excluded`.
  static func value(_ table: Table, request: ChartRequest, excluding excluded: Int?) throws -> Int {
    if let name = request.value {
      let index = try named(name, in: table, kind: request.kind)
      guard table.columns[index].type.isNumeric else {
        throw Problem(
          message: "cannot draw a \(request.kind.rawValue) chart of '\(name)': it is "
            + "\(table.columns[index].type.name), not a number")
      }
      return index
    }
    guard let index = first(in: table, where: { $0.isNumeric }, excluding: excluded) else {
      throw Problem(message: "cannot draw a \(request.kind.rawValue) chart: the result has no numeric column")
    }
    return index
  }

  /// Every numeric column but `excluded`, in table order.
  static func numericColumns(_ table: Table, excluding excluded: Int?) -> [Int] {
    table.columns.indices.filter { $0 != excluded && table.columns[$0].type.isNumeric }
  }

  static func first(in table: Table, where accept: (DataType) -> Bool, excluding excluded: Int? = nil) -> Int? {
    table.columns.indices.first { $0 != excluded && accept(table.columns[$0].type) }
  }

  static func isText(_ type: DataType) -> Bool { type == .string }

  static func isPeriod(_ type: DataType) -> Bool {
    if case .period = type { return true }
    return false
  }

  /// A cell as a chart label: formatted, control characters made visible,
  /// cut to `limit` columns.
  static func label(_ value: Value, hint: DisplayHint, limit: Int) -> String {
    TerminalText.truncate(TerminalText.printable(NumberFormat.display(value, hint: hint)), to: limit)
  }
}
