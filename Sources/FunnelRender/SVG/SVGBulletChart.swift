/// `BulletChart`'s rows as SVG: per row the target as a pale track, the
/// value over it (red past the target), and a line where the marked share of
/// the target falls; `1,500.00 of 3,000.00` on the right, a legend below.
/// Each row is drawn on its own target, all targets the same length, so
/// rows compare as shares; the track is the area divided by the largest
/// value ÷ target (at least 1, at most 2), as in the terminal chart.
enum SVGBulletChart {
  static let row = 26.0, bar = 16.0

  static func draw(_ chart: BulletChart, on canvas: inout SVGCanvas) throws {
    let data = try chart.bullets(labelLimit: 32)
    let labelWidth = min(canvas.width * 0.4, data.labels.map { SVGCanvas.textWidth($0) }.max() ?? 0)
    let textWidth = data.texts.map { SVGCanvas.textWidth($0) }.max() ?? 0
    let x0 = labelWidth + 10
    let area = max(100, canvas.width - x0 - textWidth - 10)
    let largest = min(2, max(1, data.shares.compactMap { $0 }.max() ?? 1))
    let track = area / largest
    for i in data.labels.indices {
      let top = Double(i) * row, y = top + (row - bar) / 2
      canvas.text(data.labels[i], x: 0, y: top + 17)
      if let share = data.shares[i] {
        canvas.rect(x: x0, y: y, width: track, height: bar, fill: SVGCanvas.track)
        let filled = share > 0 ? max(1, min(area, share * track)) : 0
        canvas.rect(x: x0, y: y + 3, width: min(filled, track), height: bar - 6, fill: SVGCanvas.blue)
        if filled > track {
          canvas.rect(x: x0 + track, y: y + 3, width: filled - track, height: bar - 6, fill: SVGCanvas.red)
        }
        if let mark = data.marks[i], mark >= 0 {
          let x = x0 + min(1, mark) * track
          canvas.line(x1: x, y1: y - 2, x2: x, y2: y + bar + 2, stroke: SVGCanvas.ink, width: 2)
        }
      }
      canvas.text(data.texts[i], x: canvas.width, y: top + 17, anchor: .end)
    }
    var height = Double(data.labels.count) * row
    if let cut = SVGChartRenderer.cut(shown: data.labels.count, of: data.total) {
      canvas.text(cut, x: 0, y: height + 16, fill: SVGCanvas.muted)
      height += row
    }
    // The legend, in the terminal chart's words.
    let y = height + 8
    canvas.rect(x: 0, y: y + 3, width: 14, height: 10, fill: SVGCanvas.blue)
    var x = 20.0
    canvas.text(data.names[0], x: x, y: y + 12, fill: SVGCanvas.muted)
    x += SVGCanvas.textWidth(data.names[0]) + 18
    canvas.rect(x: x, y: y, width: 14, height: 16, fill: SVGCanvas.track)
    canvas.text("rest of " + data.names[1], x: x + 20, y: y + 12, fill: SVGCanvas.muted)
    x += 20 + SVGCanvas.textWidth("rest of " + data.names[1]) + 18
    canvas.line(x1: x + 6, y1: y, x2: x + 6, y2: y + 16, stroke: SVGCanvas.ink, width: 2)
    canvas.text(data.names[2], x: x + 14, y: y + 12, fill: SVGCanvas.muted)
    canvas.height = y + 22
  }
}
