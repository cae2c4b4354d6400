import FunnelData

/// A sparkline per series over a period (or date) axis.
///
/// ```
/// month 2025-07 … 2026-06 (12 points)
/// leads  ▁▁▂▂▃▄▄▄▅▆▇█  min 500  max 1,180
/// won    ▁▁▂▂▃▄▄▄▅▆▇█  min 50  max 118
/// ```
///
/// The axis is the requested label column, else the first period, date or
/// timestamp column, else the first text column, else the row order; its
/// values are sorted in time order (text stays in order of appearance) and
/// each is one point (rows sharing an axis value and a series are
/// summed). Series are, in long format (a text column beside the axis:
/// period, key, value), one per distinct key in order of appearance over the
/// first numeric (or requested) column, drawn on one shared scale since they
/// measure the same thing; otherwise one per numeric column (or the
/// requested one), each on its own scale. Levels are `▁▂▃▄▅▆▇█` from the
/// series' min to max (a flat series is all `▄`), a missing point a space;
/// with more points than room, neighbouring points are averaged.
struct LineChart {
  let table: Table
  let request: ChartRequest
  let options: RenderOptions

  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One line of the chart: a name and a value a point (nil = no value).
  struct Series {
    var name: String
    var points: [Double?]
    var hint: DisplayHint
  }

  /// What a line chart shows, whatever draws it: the axis caption and
  /// values, each series with its name (cut to the limit) and its `min … max`
  /// text, and the one scale they share (long format) or nil (each its own).
  struct Lines {
    var caption: String
    var axisLabels: [String]
    var series: [Series]
    var names: [String]
    var stats: [String]
    var shared: (Double, Double)?
  }

  /// The series of the result, their names cut to `nameLimit` columns.
  func lines(nameLimit: Int) throws -> Lines {
    let axis =
      try ChartColumns.lineAxis(table, request: request)
      ?? ChartColumns.first(in: table, where: ChartColumns.isText)
    let positions = AxisPositions(table: table, axis: axis)
    let key = ChartColumns.first(in: table, where: ChartColumns.isText, excluding: axis)
    var series = [Series]()
    if let key {
      let value = try ChartColumns.value(table, request: request, excluding: axis)
      series = longSeries(key: key, value: value, positions: positions)
    } else if request.value != nil {
      series = [wideSeries(try ChartColumns.value(table, request: request, excluding: axis), positions)]
    } else {
      let columns = ChartColumns.numericColumns(table, excluding: axis)
      guard !columns.isEmpty else {
        throw ChartColumns.Problem(message: "cannot draw a line chart: the result has no numeric column")
      }
      series = columns.map { wideSeries($0, positions) }
    }
    let shared = key.map { _ in bounds(series.flatMap { $0.points }) } ?? nil
    let names = series.map { TerminalText.truncate(TerminalText.printable($0.name), to: nameLimit) }
    let stats = series.map { s -> String in
      guard let (lo, hi) = bounds(s.points) else { return "no values" }
      return "min " + NumberFormat.display(.double(lo), hint: s.hint) + "  max "
        + NumberFormat.display(.double(hi), hint: s.hint)
    }
    return Lines(
      caption: positions.caption, axisLabels: positions.labels, series: series, names: names, stats: stats,
      shared: shared)
  }

  func render() throws -> String {
    let width = options.chartWidth
    let data = try lines(nameLimit: max(8, width / 4))
    let (series, names, stats, shared) = (data.series, data.names, data.stats, data.shared)
    let nameWidth = names.map(TerminalText.width).max() ?? 0
    let statsWidth = stats.map(TerminalText.width).max() ?? 0
    let room = max(8, width - nameWidth - statsWidth - 4)

    var lines = [data.caption]
    for (i, s) in series.enumerated() {
      let points = LineChart.resample(s.points, to: room)
      let spark = sparkline(points, bounds: shared ?? bounds(s.points))
      let drawn = TextStyle.cyan.apply(to: spark, when: options.color)
      lines.append(
        TerminalText.pad(names[i], to: nameWidth, right: false) + "  " + drawn + "  "
          + TextStyle.dim.apply(to: stats[i], when: options.color))
    }
    return lines.joined(separator: "\n")
  }

  private func wideSeries(_ column: Int, _ positions: AxisPositions) -> Series {
    var points = [Double?](repeating: nil, count: positions.count)
    let c = table.columns[column]
    for row in 0..<table.rowCount {
      guard let v = c.value(at: row).doubleValue, v.isFinite else { continue }
      let p = positions.position(ofRow: row)
      points[p] = (points[p] ?? 0) + v
    }
    return Series(name: table.names[column], points: points, hint: c.hint)
  }

  private func longSeries(key: Int, value: Int, positions: AxisPositions) -> [Series] {
    let keys = table.columns[key], values = table.columns[value]
    var order = [String: Int]()
    var series = [Series]()
    for row in 0..<table.rowCount {
      let name = NumberFormat.display(keys.value(at: row), hint: .plain)
      let s = order[name] ?? series.count
      if s == series.count {
        order[name] = s
        series.append(
          Series(name: name, points: [Double?](repeating: nil, count: positions.count), hint: values.hint))
      }
      guard let v = values.value(at: row).doubleValue, v.isFinite else { continue }
      let p = positions.position(ofRow: row)
      series[s].points[p] = (series[s].points[p] ?? 0) + v
    }
    return series
  }

  func bounds(_ points: [Double?]) -> (Double, Double)? {
    let present = points.compactMap { $0 }
    guard let lo = present.min(), let hi = present.max() else { return nil }
    return (lo, hi)
  }

  private func sparkline(_ points: [Double?], bounds: (Double, Double)?) -> String {
    var out = ""
    for point in points {
      guard let v = point, let (lo, hi) = bounds else {
        out.append(" ")
        continue
      }
      let level = hi > lo ? Int(((v - lo) / (hi - lo) * 7).rounded()) : 3
      out.append(LineChart.levels[min(7, max(0, level))])
    }
    return out
  }

  /// At most `room` points: consecutive points averaged into `room` buckets.
  static func resample(_ points: [Double?], to room: Int) -> [Double?] {
    guard points.count > room, room > 0 else { return points }
    return (0..<room).map { b in
      let from = b * points.count / room, to = (b + 1) * points.count / room
      let present = points[from..<max(to, from + 1)].compactMap { $0 }
      return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
    }
  }
}
