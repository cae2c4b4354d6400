import FunnelData

/// The result of the `funnel` verb as bars narrowing step by step, centred,
/// with the count and the conversion from the previous step beside each:
///
/// At 72 columns:
/// ```
/// channel: email
/// lead         ████████████████████████████████████████████  20,000
/// mql                  ████████████████████████████          12,400  62.0%
/// sql                        ████████████████                 7,440  60.0%
/// opportunity                      ████                       2,232  30.0%
/// won                               ██                          620  27.8%
///              lead → won: 3.1% overall
/// ```
///
/// Input columns: the key columns (everything before `step`), `step`,
/// `count`, and optionally `step_conversion` and `overall_conversion`
/// (computed from the counts when absent). Without a `step` column the first
/// text column is the step; without `count` the first numeric column after
/// it. One funnel per distinct key combination, in order of appearance,
/// under a heading naming the keys, a blank line between funnels. Each
/// funnel is scaled to its own first (largest) step, since the shape is the
/// point and the counts are printed. Bars are whole cells, as long as the
/// width allows (at most 60 cells), and keep the parity of the area so they
/// centre exactly. Colour, when on: bars cyan, headings bold.
struct FunnelChart {
  let table: Table
  let request: ChartRequest
  let options: RenderOptions

  static let maxBar = 60

  /// One funnel as any drawing shows it: the heading naming its keys (nil
  /// without keys), per step the label, the count, its text and the
  /// conversion from the step before (`""` for the first), and the overall
  /// line (`lead → won: 3.1% overall`, nil for one step).
  struct Steps {
    var heading: String?
    var labels: [String] = [], counts: [Double] = [], countTexts: [String] = [], conversions: [String] = []
    var summary: String?
  }

  /// Every funnel of the result, in order of appearance; headings cut to `headingLimit` columns.
  func funnels(headingLimit: Int) throws -> [Steps] {
    guard let step = table.index(of: "step") ?? ChartColumns.first(in: table, where: ChartColumns.isText) else {
      throw ChartColumns.Problem(message: "cannot draw a funnel: the result has no step column")
    }
    let count: Int
    if request.value != nil {
      count = try ChartColumns.value(table, request: request, excluding: step)
    } else if let c = table.index(of: "count"), table.columns[c].type.isNumeric {
      count = c
    } else if let c = table.columns.indices.first(where: { $0 > step && table.columns[$0].type.isNumeric }) {
      count = c
    } else {
      throw ChartColumns.Problem(message: "cannot draw a funnel: the result has no count column")
    }
    let stepConversion = table.index(of: "step_conversion")
    let overallConversion = table.index(of: "overall_conversion")
    let keys = Array(0..<step).filter { $0 != count }

    var groups = [[Int]]()
    var groupOf = [[Value]: Int]()
    for row in 0..<table.rowCount {
      let key = keys.map { table.columns[$0].value(at: row) }
      if let g = groupOf[key] {
        groups[g].append(row)
      } else {
        groupOf[key] = groups.count
        groups.append([row])
      }
    }

    let stepColumn = table.columns[step], countColumn = table.columns[count]
    return groups.map { rows in
      var out = Steps()
      if !keys.isEmpty, let first = rows.first {
        out.heading = keys.map { k in
          TerminalText.printable(table.names[k]) + ": "
            + ChartColumns.label(
              table.columns[k].value(at: first), hint: table.columns[k].hint, limit: headingLimit)
        }.joined(separator: ", ")
      }
      out.labels = rows.map { ChartColumns.label(stepColumn.value(at: $0), hint: stepColumn.hint, limit: 20) }
      let counts = rows.map { countColumn.value(at: $0).doubleValue ?? 0 }
      out.counts = counts
      out.countTexts = rows.map { NumberFormat.display(countColumn.value(at: $0), hint: countColumn.hint) }
      out.conversions = rows.indices.map { i -> String in
        guard i > 0 else { return "" }
        if let c = stepConversion, let v = table.columns[c].value(at: rows[i]).doubleValue {
          return NumberFormat.display(.double(v), hint: .rate)
        }
        return counts[i - 1] > 0 ? NumberFormat.display(.double(counts[i] / counts[i - 1]), hint: .rate) : "null"
      }
      if rows.count > 1, let firstRow = rows.first, let lastRow = rows.last {
        let overall =
          overallConversion.flatMap { table.columns[$0].value(at: lastRow).doubleValue }
          ?? (counts[0] > 0 ? (counts[counts.count - 1] / counts[0]) : nil)
        if let overall {
          let from = ChartColumns.label(stepColumn.value(at: firstRow), hint: .plain, limit: 20)
          let to = ChartColumns.label(stepColumn.value(at: lastRow), hint: .plain, limit: 20)
          out.summary = "\(from) → \(to): \(NumberFormat.display(.double(overall), hint: .rate)) overall"
        }
      }
      return out
    }
  }

  func render() throws -> String {
    let width = options.chartWidth
    var blocks = [String]()
    for funnel in try funnels(headingLimit: width / 2) {
      var lines = [String]()
      if let heading = funnel.heading { lines.append(TextStyle.bold.apply(to: heading, when: options.color)) }
      let (labels, counts, countTexts, conversions) = (
        funnel.labels, funnel.counts, funnel.countTexts, funnel.conversions
      )
      let labelWidth = labels.map(TerminalText.width).max() ?? 0
      let countWidth = countTexts.map(TerminalText.width).max() ?? 0
      let conversionWidth = conversions.map(TerminalText.width).max() ?? 0
      let area = min(FunnelChart.maxBar, max(10, width - labelWidth - countWidth - conversionWidth - 6))
      let largest = counts.max() ?? 0
      for i in labels.indices {
        let cells = FunnelChart.barCells(counts[i], of: largest, area: area)
        let side = String(repeating: " ", count: (area - cells) / 2)
        let bar = TextStyle.cyan.apply(to: String(repeating: "█", count: cells), when: options.color)
        var line = TerminalText.pad(labels[i], to: labelWidth, right: false) + "  " + side + bar + side + "  "
        line += TerminalText.pad(countTexts[i], to: countWidth, right: true)
        if conversionWidth > 0 { line += "  " + TerminalText.pad(conversions[i], to: conversionWidth, right: true) }
        while line.hasSuffix(" ") { line.removeLast() }
        lines.append(line)
      }
      if let summary = funnel.summary {
        let indent = String(repeating: " ", count: labelWidth + 2)
        lines.append(indent + TextStyle.dim.apply(to: summary, when: options.color))
      }
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.joined(separator: "\n\n")
  }

  /// Cells of a bar for `count` out of `largest` in `area` cells, with the
  /// parity of `area` so the bar centres exactly; a non-zero count gets at
  /// least one or two cells.
  static func barCells(_ count: Double, of largest: Double, area: Int) -> Int {
    guard largest > 0, count > 0 else { return 0 }
    let exact = min(1, count / largest) * Double(area)
    let margin = Int(((Double(area) - exact) / 2).rounded())
    return max(area - 2 * margin, area % 2 == 0 ? 2 : 1)
  }
}
