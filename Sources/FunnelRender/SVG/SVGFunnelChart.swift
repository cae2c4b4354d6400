/// `FunnelChart`'s funnels as SVG: per funnel a heading naming its keys,
/// then one centred bar a step, as wide as its count is of the first
/// (largest) step's, with the count and the conversion from the step before
/// on the right, and the overall conversion below.
enum SVGFunnelChart {
  static let row = 26.0, bar = 18.0

  static func draw(_ chart: FunnelChart, on canvas: inout SVGCanvas) throws {
    var y = 0.0
    for (n, funnel) in try chart.funnels(headingLimit: 60).enumerated() {
      if n > 0 { y += 14 }
      if let heading = funnel.heading {
        canvas.text(heading, x: 0, y: y + 16, bold: true)
        y += row
      }
      let labelWidth = min(canvas.width * 0.3, funnel.labels.map { SVGCanvas.textWidth($0) }.max() ?? 0)
      let countWidth = funnel.countTexts.map { SVGCanvas.textWidth($0) }.max() ?? 0
      let conversionWidth = funnel.conversions.map { SVGCanvas.textWidth($0) }.max() ?? 0
      let x0 = labelWidth + 12
      let area = min(480, max(100, canvas.width - x0 - countWidth - conversionWidth - 30))
      let countX = x0 + area + 12 + countWidth
      let largest = funnel.counts.max() ?? 0
      for i in funnel.labels.indices {
        canvas.text(funnel.labels[i], x: 0, y: y + 17)
        if largest > 0, funnel.counts[i] > 0 {
          let width = max(2, min(1, funnel.counts[i] / largest) * area)
          canvas.rect(
            x: x0 + (area - width) / 2, y: y + (row - bar) / 2, width: width, height: bar, fill: SVGCanvas.blue)
        }
        canvas.text(funnel.countTexts[i], x: countX, y: y + 17, anchor: .end)
        if !funnel.conversions[i].isEmpty {
          canvas.text(
            funnel.conversions[i], x: countX + 12 + conversionWidth, y: y + 17, anchor: .end, fill: SVGCanvas.muted)
        }
        y += row
      }
      if let summary = funnel.summary {
        canvas.text(summary, x: x0, y: y + 15, fill: SVGCanvas.muted)
        y += row
      }
    }
    canvas.height = y + 4
  }
}
