import FunnelData

/// Draws a result as the chart a `chart` stage (or the `funnel` verb at a
/// terminal) asks for: `.bar` (`BarChart`), `.line` (`LineChart`),
/// `.funnel` (`FunnelChart`), `.forecast` (`ForecastChart`) or `.bullet`
/// (`BulletChart`).
///
/// Charts are as wide as `options.width`, or 80 columns when it is nil.
/// They use Unicode block characters always, and escape codes only when
/// `options.color` is true. A chart that cannot be drawn from the table
/// (no numeric column, a named column that does not exist) comes back as one
/// line saying why, starting `cannot draw`; a table with no rows as
/// `(no rows to chart)`. Lines are joined by `\n`, with no newline at the end.
///
/// ```swift
/// let t = Table(names: ["channel", "leads"], columns: [
///   Column.make(.string, [.string("email"), .string("paid")]),
///   Column.make(.int, [.int(6120), .int(4310)]),
/// ])
/// ChartRenderer.render(t, chart: ChartRequest(kind: .bar), options: RenderOptions(width: 40))
/// // email  ██████████████████████████  6,120
/// // paid   ██████████████████▎         4,310
/// ```
public enum ChartRenderer {
  public static func render(_ table: Table, chart: ChartRequest, options: RenderOptions) -> String {
    guard table.columnCount > 0 else { return "cannot draw a \(chart.kind.rawValue) chart: the result has no columns" }
    guard table.rowCount > 0 else { return "(no rows to chart)" }
    do {
      switch chart.kind {
      case .bar: return try BarChart(table: table, request: chart, options: options).render()
      case .line: return try LineChart(table: table, request: chart, options: options).render()
      case .funnel: return try FunnelChart(table: table, request: chart, options: options).render()
      case .forecast: return try ForecastChart(table: table, request: chart, options: options).render()
      case .bullet: return try BulletChart(table: table, request: chart, options: options).render()
      }
    } catch let problem as ChartColumns.Problem {
      return problem.message
    } catch {
      return "cannot draw a \(chart.kind.rawValue) chart: \(error)"
    }
  }
}
