import FunnelData

/// Horizontal bars, one a row: the label, the bar, the value.
///
/// At 60 columns:
/// ```
/// email   █████████████████████████████████████████████  6,120
/// events  ███████████████████▎                           2,610
/// paid    ███████████████████████████████▊               4,310
/// ```
///
/// The longest bar is the largest magnitude and fills the bar area: the
/// width (80 when unknown) less the label and value columns. Ends are drawn
/// in eighths of a cell (`▏▎▍▌▋▊▉`); a non-zero value always shows at least
/// an eighth. With negative values the area is split at a zero point in
/// proportion to the largest negative and positive magnitudes; negative bars
/// grow leftwards from it in half cells (`▐`), on the same scale as the
/// positive ones. Values are formatted by
/// `NumberFormat` with the column's hint; a null value has no bar. With
/// `options.maxRows` only the first rows are drawn and a last line says so
/// (`120 bars; showing 40`). Colour, when on: positive bars cyan, negative red.
struct BarChart {
  let table: Table
  let request: ChartRequest
  let options: RenderOptions

  static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// What a bar chart shows, whatever draws it: a label, a value (nil = no
  /// bar) and the value's text per row shown, and the rows there are.
  struct Bars {
    var labels: [String] = [], values: [Double?] = [], texts: [String] = []
    var total = 0
  }

  /// The bars of the first `options.maxRows` rows, labels cut to `labelLimit` columns.
  func bars(labelLimit: Int) throws -> Bars {
    let labelIndex = try ChartColumns.barLabel(table, request: request)
    let valueIndex = try ChartColumns.value(table, request: request, excluding: labelIndex)
    let valueColumn = table.columns[valueIndex]
    let rows = min(table.rowCount, max(0, options.maxRows ?? table.rowCount))
    var bars = Bars(total: table.rowCount)
    for row in 0..<rows {
      if let labelIndex {
        let column = table.columns[labelIndex]
        bars.labels.append(ChartColumns.label(column.value(at: row), hint: column.hint, limit: labelLimit))
      } else {
        bars.labels.append(String(row + 1))
      }
      let value = valueColumn.value(at: row)
      bars.values.append(value.doubleValue.flatMap { $0.isFinite ? $0 : nil })
      bars.texts.append(NumberFormat.display(value, hint: valueColumn.hint))
    }
    return bars
  }

  func render() throws -> String {
    let width = options.chartWidth
    let bars = try bars(labelLimit: max(8, width / 3))
    let (labels, values, texts) = (bars.labels, bars.values, bars.texts)
    let rows = labels.count
    let labelWidth = labels.map(TerminalText.width).max() ?? 0
    let valueWidth = texts.map(TerminalText.width).max() ?? 0
    let area = max(10, width - labelWidth - valueWidth - 4)
    let maxPositive = values.compactMap { $0 }.filter { $0 > 0 }.max() ?? 0
    let maxNegative = values.compactMap { $0 }.filter { $0 < 0 }.map { -$0 }.max() ?? 0
    // One scale for both sides, so equal magnitudes draw equal bars.
    let scale = maxPositive + maxNegative > 0 ? Double(area) / (maxPositive + maxNegative) : 0
    let negativeArea = Int((maxNegative * scale).rounded(.up))
    let positiveArea = area - negativeArea

    var lines = [String]()
    for i in labels.indices {
      var bar = ""
      if let v = values[i], v < 0 {
        let left = halves(of: -v, scale: scale, cells: negativeArea)
        bar = TextStyle.red.apply(to: left, when: options.color)
        bar = String(repeating: " ", count: negativeArea - TerminalText.width(left)) + bar
        bar += String(repeating: " ", count: positiveArea)
      } else {
        let right = values[i].map { eighthBar(of: $0, scale: scale, cells: positiveArea) } ?? ""
        bar = String(repeating: " ", count: negativeArea) + TextStyle.cyan.apply(to: right, when: options.color)
        bar += String(repeating: " ", count: positiveArea - TerminalText.width(right))
      }
      let line =
        TerminalText.pad(labels[i], to: labelWidth, right: false) + "  " + bar + "  "
        + TerminalText.pad(texts[i], to: valueWidth, right: true)
      lines.append(line)
    }
    if rows < table.rowCount {
      let footer = TableFooter.count(table.rowCount, "bar") + "; showing " + NumberFormat.grouped(String(rows))
      lines.append(TextStyle.dim.apply(to: footer, when: options.color))
    }
    return lines.joined(separator: "\n")
  }

  /// A bar of `value × scale` cells, at most `cells`, in eighths of a cell,
  /// left-anchored.
  func eighthBar(of value: Double, scale: Double, cells: Int) -> String {
    guard value > 0, cells > 0 else { return "" }
    let units = min(cells * 8, max(1, Int((value * scale * 8).rounded())))
    return String(repeating: "█", count: units / 8) + BarChart.eighths[units % 8]
  }

  /// A bar of `value × scale` cells, at most `cells`, in half cells,
  /// right-anchored (the partial-block glyphs only grow from the left, except `▐`).
  func halves(of value: Double, scale: Double, cells: Int) -> String {
    guard value > 0, cells > 0 else { return "" }
    let units = min(cells * 2, max(1, Int((value * scale * 2).rounded())))
    return (units % 2 == 1 ? "▐" : "") + String(repeating: "█", count: units / 2)
  }
}
