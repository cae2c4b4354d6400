/// `BarChart`'s bars as SVG: the label on the left, the bar, the value on
/// the right. The largest magnitude fills the bar area; with negative values
/// the area is split at a zero line in proportion to the largest negative
/// and positive magnitudes, as in the terminal chart. A null value has no bar.
enum SVGBarChart {
  static let row = 24.0, bar = 16.0

  static func draw(_ chart: BarChart, on canvas: inout SVGCanvas) throws {
    let bars = try chart.bars(labelLimit: 32)
    let labelWidth = min(canvas.width * 0.4, bars.labels.map { SVGCanvas.textWidth($0) }.max() ?? 0)
    let valueWidth = bars.texts.map { SVGCanvas.textWidth($0) }.max() ?? 0
    let x0 = labelWidth + 10
    let area = max(100, canvas.width - x0 - valueWidth - 10)
    let present = bars.values.compactMap { $0 }
    let maxPositive = present.filter { $0 > 0 }.max() ?? 0
    let maxNegative = present.filter { $0 < 0 }.map { -$0 }.max() ?? 0
    let scale = maxPositive + maxNegative > 0 ? area / (maxPositive + maxNegative) : 0
    let zero = x0 + maxNegative * scale
    for i in bars.labels.indices {
      let top = Double(i) * row
      canvas.text(bars.labels[i], x: 0, y: top + 16)
      if let v = bars.values[i], v != 0 {
        let length = max(1, abs(v) * scale)
        canvas.rect(
          x: v < 0 ? zero - length : zero, y: top + (row - bar) / 2, width: length, height: bar,
          fill: v < 0 ? SVGCanvas.red : SVGCanvas.blue)
      }
      canvas.text(bars.texts[i], x: canvas.width, y: top + 16, anchor: .end)
    }
    var height = Double(bars.labels.count) * row
    if maxNegative > 0 { canvas.line(x1: zero, y1: 0, x2: zero, y2: height, stroke: SVGCanvas.muted) }
    if let cut = SVGChartRenderer.cut(shown: bars.labels.count, of: bars.total) {
      canvas.text(cut, x: 0, y: height + 16, fill: SVGCanvas.muted)
      height += row
    }
    canvas.height = height + 4
  }
}
