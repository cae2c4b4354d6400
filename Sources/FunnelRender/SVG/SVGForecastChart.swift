/// `ForecastChart`'s rows as SVG: one stacked bar a row, won (dark), then
/// commit, then the rest of the best case (pale), with the quota marked by
/// a red line on the same scale and `quota 100,000.00` after the bar; a
/// legend on top. The longest stack (won plus best case) or quota fills the area.
enum SVGForecastChart {
  static let row = 26.0, bar = 16.0

  static func draw(_ chart: ForecastChart, on canvas: inout SVGCanvas) throws {
    let data = try chart.stacks(labelLimit: 24)
    // The legend, in the terminal chart's words.
    var x = 0.0
    for (name, fill) in [("won", SVGCanvas.dark), ("commit", SVGCanvas.blue), ("rest of best case", SVGCanvas.light)] {
      canvas.rect(x: x, y: 4, width: 14, height: 12, fill: fill)
      canvas.text(name, x: x + 20, y: 15, fill: SVGCanvas.muted)
      x += 20 + SVGCanvas.textWidth(name) + 18
    }
    canvas.line(x1: x + 6, y1: 2, x2: x + 6, y2: 18, stroke: SVGCanvas.red, width: 2)
    canvas.text("quota", x: x + 14, y: 15, fill: SVGCanvas.muted)

    let labelWidth = min(canvas.width * 0.4, data.labels.map { SVGCanvas.textWidth($0) }.max() ?? 0)
    let textWidth = data.texts.map { SVGCanvas.textWidth($0) }.max() ?? 0
    let x0 = labelWidth + 10
    let area = max(100, canvas.width - x0 - textWidth - 14)
    let top = data.stacks.map { max($0.won + $0.best, $0.quota ?? 0) }.max() ?? 0
    let scale = top > 0 ? area / top : 0
    let first = 28.0
    for (i, s) in data.stacks.enumerated() {
      let rowTop = first + Double(i) * row, y = rowTop + (row - bar) / 2
      canvas.text(data.labels[i], x: 0, y: rowTop + 17)
      canvas.rect(x: x0, y: y, width: s.won * scale, height: bar, fill: SVGCanvas.dark)
      canvas.rect(x: x0 + s.won * scale, y: y, width: s.commit * scale, height: bar, fill: SVGCanvas.blue)
      canvas.rect(
        x: x0 + (s.won + s.commit) * scale, y: y, width: (s.best - s.commit) * scale, height: bar,
        fill: SVGCanvas.light)
      if let q = s.quota {
        let qx = x0 + max(0, q) * scale
        canvas.line(x1: qx, y1: y - 3, x2: qx, y2: y + bar + 3, stroke: SVGCanvas.red, width: 2)
      }
      canvas.text(data.texts[i], x: x0 + area + 14, y: rowTop + 17, fill: SVGCanvas.muted)
    }
    var height = first + Double(data.stacks.count) * row
    if let cut = SVGChartRenderer.cut(shown: data.labels.count, of: data.total) {
      canvas.text(cut, x: 0, y: height + 16, fill: SVGCanvas.muted)
      height += row
    }
    canvas.height = height + 4
  }
}
