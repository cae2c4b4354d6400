/// `LineChart`'s series as SVG: the axis caption on top
/// (`month 2025-07 … 2026-06 (12 points)`), then one panel a series, its
/// name on the left, a line from its minimum (bottom) to its maximum (top)
/// and `min 500  max 1,180` on the right, as the terminal's sparklines.
/// Series of one long-format column share one scale; a missing point breaks
/// the line; the first and last axis values sit under the last panel. More
/// points than the width holds are averaged in neighbouring groups, as in
/// the terminal chart.
enum SVGLineChart {
  static let panel = 56.0

  static func draw(_ chart: LineChart, on canvas: inout SVGCanvas) throws {
    let data = try chart.lines(nameLimit: 24)
    canvas.text(data.caption, x: 0, y: 15, fill: SVGCanvas.muted)
    let nameWidth = min(canvas.width * 0.3, data.names.map { SVGCanvas.textWidth($0) }.max() ?? 0)
    let statsWidth = data.stats.map { SVGCanvas.textWidth($0) }.max() ?? 0
    let x0 = nameWidth + 12
    let x1 = max(x0 + 100, canvas.width - statsWidth - 12)
    var y = 26.0
    for (i, series) in data.series.enumerated() {
      let points = LineChart.resample(series.points, to: Int(x1 - x0))
      let bounds = data.shared ?? chart.bounds(series.points)
      let (top, bottom) = (y + 6, y + panel - 8)
      canvas.line(x1: x0, y1: bottom + 4, x2: x1, y2: bottom + 4, stroke: SVGCanvas.track)
      let step = points.count > 1 ? (x1 - x0) / Double(points.count - 1) : 0
      let placed = points.enumerated().map { j, point -> (Double, Double)? in
        guard let v = point, let (lo, hi) = bounds else { return nil }
        let share = hi > lo ? (v - lo) / (hi - lo) : 0.5
        return (points.count > 1 ? x0 + Double(j) * step : (x0 + x1) / 2, bottom - share * (bottom - top))
      }
      canvas.path(placed, stroke: SVGCanvas.blue)
      // A lone point between gaps draws no line: a dot shows it.
      for (j, p) in placed.enumerated() {
        guard let (px, py) = p else { continue }
        let isolated = (j == 0 || placed[j - 1] == nil) && (j + 1 == placed.count || placed[j + 1] == nil)
        if isolated || points.count <= 40 { canvas.circle(x: px, y: py, radius: 2.5, fill: SVGCanvas.blue) }
      }
      canvas.text(data.names[i], x: 0, y: y + panel / 2 + 5)
      canvas.text(data.stats[i], x: canvas.width, y: y + panel / 2 + 5, anchor: .end, fill: SVGCanvas.muted)
      y += panel
    }
    if let first = data.axisLabels.first, let last = data.axisLabels.last {
      let cut = { (s: String) in TerminalText.truncate(s, to: 24) }
      canvas.text(cut(first), x: x0, y: y + 12, fill: SVGCanvas.muted, size: 12)
      if data.axisLabels.count > 1 {
        canvas.text(cut(last), x: x1, y: y + 12, anchor: .end, fill: SVGCanvas.muted, size: 12)
      }
      y += 18
    }
    canvas.height = y + 4
  }
}
