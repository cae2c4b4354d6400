import FunnelData

/// Draws a result's chart as SVG, for a report page (inline) or a file of
/// its own (`save "chart.svg"`): the same chart kinds as `ChartRenderer`,
/// from the same columns, with every number written as the terminal chart
/// writes it (`NumberFormat` with the column's hint).
///
/// ```swift
/// SVGChartRenderer.render(t, chart: ChartRequest(kind: .bar))
/// // .svg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 84\" …>…</svg>")
/// SVGChartRenderer.render(t, chart: ChartRequest(kind: .bar, value: "nope"))
/// // .message("cannot draw a bar chart: no column 'nope' (columns: channel, leads)")
/// ```
///
/// The drawing is 720 units wide and scales with its container (a
/// `viewBox`); the height follows from the rows. Bar, bullet and forecast
/// charts draw at most `maxBars` rows and say so under the last one, in the
/// terminal chart's words (`120 bars; showing 100`).
public enum SVGChartRenderer {
  /// What came of drawing: the `<svg>` element, or why there is none (the
  /// message `ChartRenderer` would print).
  public enum Drawing: Equatable, Sendable {
    case svg(String)
    case message(String)
  }

  static let width = 720.0
  static let maxBars = 100

  public static func render(_ table: Table, chart: ChartRequest, title: String? = nil) -> Drawing {
    guard table.columnCount > 0 else {
      return .message("cannot draw a \(chart.kind.rawValue) chart: the result has no columns")
    }
    guard table.rowCount > 0 else { return .message("(no rows to chart)") }
    let options = RenderOptions(width: nil, maxRows: maxBars, color: false)
    let name = title ?? (chart.kind.rawValue + " chart")
    do {
      var canvas = SVGCanvas(width: width)
      switch chart.kind {
      case .bar: try SVGBarChart.draw(BarChart(table: table, request: chart, options: options), on: &canvas)
      case .line: try SVGLineChart.draw(LineChart(table: table, request: chart, options: options), on: &canvas)
      case .funnel: try SVGFunnelChart.draw(FunnelChart(table: table, request: chart, options: options), on: &canvas)
      case .forecast:
        try SVGForecastChart.draw(ForecastChart(table: table, request: chart, options: options), on: &canvas)
      case .bullet: try SVGBulletChart.draw(BulletChart(table: table, request: chart, options: options), on: &canvas)
      }
      return .svg(canvas.document(title: name))
    } catch let problem as ChartColumns.Problem {
      return .message(problem.message)
    } catch {
      return .message("cannot draw a \(chart.kind.rawValue) chart: \(error)")
    }
  }

  /// A standalone SVG file: the XML declaration, the drawing, a final newline.
  public static func file(_ svg: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n"
  }

  /// `120 bars; showing 100`, as under a terminal chart; nil when every row is drawn.
  static func cut(shown: Int, of total: Int) -> String? {
    shown < total ? TableFooter.count(total, "bar") + "; showing " + NumberFormat.grouped(String(shown)) : nil
  }
}
