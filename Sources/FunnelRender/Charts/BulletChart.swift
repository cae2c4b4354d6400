import FunnelData

/// One bar a row of a value against its target, with a mark at a share of
/// the target: `pacing | chart` draws each row's spend against its budget,
/// marked where the flight's elapsed share falls.
///
/// At 60 columns:
/// ```
/// email   ██████████░░░│░░░░░░░░░░░░░░  1,500.00 of 3,000.00
/// search  ████████████████████████████████  3,300.00 of 3,000.00
/// █ value  ░ rest of the target  │ elapsed share
/// ```
///
/// Each row is drawn on its own target: the target fills `track` cells, the
/// same for every row, so the rows compare as shares. The track is the bar
/// area divided by the largest value ÷ target of the rows (at least 1, at
/// most 2), so a value over its target runs past the track (a value more
/// than twice its target is cut at the area's end). The value is whole
/// cells of `█` (a value above 0 shows at least one), the rest of the
/// target `░`; the mark `│` replaces the cell where target × share ends (the
/// last cell for a share of 1). A row with no target above 0 has no bar;
/// one with no share has no mark. Colour, when on: the value cyan, red past
/// its target.
struct BulletChart {
  let table: Table
  let request: ChartRequest
  let options: RenderOptions

  /// What a bullet chart shows, whatever draws it, per row shown: the
  /// label, value ÷ target (nil = no bar), the share to mark and the text
  /// (`1,500.00 of 3,000.00`); the names of the three columns and the rows there are.
  struct Bullets {
    var labels: [String] = [], shares: [Double?] = [], marks: [Double?] = [], texts: [String] = []
    var names: [String] = []
    var total = 0
  }

  /// The bullets of the first `options.maxRows` rows, labels cut to `labelLimit` columns.
  func bullets(labelLimit: Int) throws -> Bullets {
    let labelIndex = try ChartColumns.barLabel(table, request: request)
    let valueIndex = try ChartColumns.value(table, request: request, excluding: labelIndex)
    let targetIndex = try number(request.target, "a target")
    let markIndex = try number(request.mark, "a mark")
    let rows = min(table.rowCount, max(0, options.maxRows ?? table.rowCount))
    var out = Bullets(names: [valueIndex, targetIndex, markIndex].map { table.names[$0] }, total: table.rowCount)
    for row in 0..<rows {
      if let labelIndex {
        let column = table.columns[labelIndex]
        out.labels.append(ChartColumns.label(column.value(at: row), hint: column.hint, limit: labelLimit))
      } else {
        out.labels.append(String(row + 1))
      }
      let value = table.columns[valueIndex].value(at: row), target = table.columns[targetIndex].value(at: row)
      if let v = value.doubleValue, let t = target.doubleValue, t > 0, v.isFinite, t.isFinite {
        out.shares.append(max(0, v / t))
      } else {
        out.shares.append(nil)
      }
      out.marks.append(table.columns[markIndex].value(at: row).doubleValue.flatMap { $0.isFinite ? $0 : nil })
      out.texts.append(
        NumberFormat.display(value, hint: table.columns[valueIndex].hint) + " of "
          + NumberFormat.display(target, hint: table.columns[targetIndex].hint))
    }
    return out
  }

  func render() throws -> String {
    let width = options.chartWidth
    let bullets = try bullets(labelLimit: max(8, width / 3))
    let (labels, shares, marks, texts) = (bullets.labels, bullets.shares, bullets.marks, bullets.texts)
    let rows = labels.count
    let labelWidth = labels.map(TerminalText.width).max() ?? 0
    let textWidth = texts.map(TerminalText.width).max() ?? 0
    let area = max(10, width - labelWidth - textWidth - 4)
    let largest = min(2, max(1, shares.compactMap { $0 }.max() ?? 1))
    let track = max(1, Int((Double(area) / largest).rounded(.down)))

    var lines = [String]()
    for i in labels.indices {
      let (bar, cells) = shares[i].map { self.bar(share: $0, mark: marks[i], track: track, area: area) } ?? ("", 0)
      let pad = String(repeating: " ", count: max(0, area - cells))
      lines.append(
        TerminalText.pad(labels[i], to: labelWidth, right: false) + "  " + bar + pad + "  "
          + TerminalText.pad(texts[i], to: textWidth, right: true))
    }
    if rows < table.rowCount {
      let footer = TableFooter.count(table.rowCount, "bar") + "; showing " + NumberFormat.grouped(String(rows))
      lines.append(TextStyle.dim.apply(to: footer, when: options.color))
    }
    let names = bullets.names
    lines.append(
      TextStyle.dim.apply(
        to: "█ \(names[0])  ░ rest of \(names[1])  │ \(names[2])", when: options.color))
    return lines.joined(separator: "\n")
  }

  /// The cells of one row (the value, the rest of the target, the mark) and their count.
  func bar(share: Double, mark: Double?, track: Int, area: Int) -> (String, Int) {
    var filled = min(area, Int((share * Double(track)).rounded()))
    if share > 0 { filled = max(1, filled) }
    let length = max(track, filled)
    var cells = (0..<length).map { $0 < filled ? "█" : "░" }
    if let mark, mark >= 0 {
      let at = min(length - 1, min(track - 1, Int((mark * Double(track)).rounded(.down))))
      cells[at] = "│"
    }
    guard options.color else { return (cells.joined(), length) }
    // The value up to the target cyan, past it red.
    let text = cells.enumerated().map { i, c in
      c == "█" ? (i < track ? TextStyle.cyan : TextStyle.red).apply(to: c, when: true) : c
    }.joined()
    return (text, length)
  }

  /// The numeric column a bullet chart names for `role`.
  func number(_ name: String?, _ role: String) throws -> Int {
    guard let name else {
      throw ChartColumns.Problem(message: "cannot draw a bullet chart: no column named for \(role)")
    }
    let index = try ChartColumns.named(name, in: table, kind: .bullet)
    guard table.columns[index].type.isNumeric else {
      throw ChartColumns.Problem(
        message: "cannot draw a bullet chart of '\(name)': it is \(table.columns[index].type.name), not a number")
    }
    return index
  }
}
