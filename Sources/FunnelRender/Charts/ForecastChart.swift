import FunnelData

/// The `forecast` verb's chart: one stacked bar a row, won (`█`), then
/// commit (`▓`), then the rest of the best case (`░`), with the quota marked
/// (`│`) on the same scale, and the quota's amount after the bar.
///
/// At 60 columns:
/// ```
/// █ won  ▓ commit  ░ rest of best case  │ quota
/// 2026-Q2  ███████████████████▓▓░░░░│         quota 100,000.00
/// 2026-Q3  ▓▓▓▓▓▓░░░░░░░░░░░░│░░░░░░░░░░      quota 90,000.00
/// ```
///
/// The label is the row's period and keys (the columns before `won`). The
/// longest stack (won plus best case) or quota fills the bar area; cells
/// are whole, each segment ending where its running total rounds to. Null
/// amounts count as 0; a null quota has no mark and says `no quota`. With
/// `options.maxRows` only the first rows are drawn and a last line says so.
struct ForecastChart {
  let table: Table
  let request: ChartRequest
  let options: RenderOptions

  /// One row's amounts: won, commit (at most the best case), best case, quota.
  typealias Stack = (won: Double, commit: Double, best: Double, quota: Double?)

  /// What a forecast chart shows, whatever draws it, per row shown: the
  /// label, the amounts and the quota's text (`quota 100,000.00`); and the rows there are.
  struct Stacks {
    var labels: [String] = [], stacks: [Stack] = [], texts: [String] = []
    var total = 0
  }

  /// The stacks of the first `options.maxRows` rows, each label part cut to `labelLimit` columns.
  func stacks(labelLimit: Int) throws -> Stacks {
    let won = try ChartColumns.named("won", in: table, kind: .forecast)
    let commit = try ChartColumns.named("commit", in: table, kind: .forecast)
    let best = try ChartColumns.named("best_case", in: table, kind: .forecast)
    let quota = try ChartColumns.named("quota", in: table, kind: .forecast)
    let rows = min(table.rowCount, max(0, options.maxRows ?? table.rowCount))
    func number(_ column: Int, _ row: Int) -> Double? {
      table.columns[column].value(at: row).doubleValue.flatMap { $0.isFinite ? $0 : nil }
    }
    var out = Stacks(total: table.rowCount)
    for row in 0..<rows {
      let parts = (0..<won).map { c in
        ChartColumns.label(table.columns[c].value(at: row), hint: table.columns[c].hint, limit: labelLimit)
      }
      out.labels.append(parts.isEmpty ? String(row + 1) : parts.joined(separator: " "))
      let w = max(0, number(won, row) ?? 0), b = max(0, number(best, row) ?? 0)
      let c = min(b, max(0, number(commit, row) ?? 0))
      let q = number(quota, row)
      out.stacks.append((w, c, b, q))
      out.texts.append(
        q.map { "quota " + NumberFormat.display(.double($0), hint: table.columns[quota].hint) } ?? "no quota")
    }
    return out
  }

  func render() throws -> String {
    let width = options.chartWidth
    let data = try stacks(labelLimit: max(8, width / 4))
    let (labels, stacks, texts) = (data.labels, data.stacks, data.texts)
    let rows = labels.count
    let labelWidth = labels.map(TerminalText.width).max() ?? 0
    let textWidth = texts.map(TerminalText.width).max() ?? 0
    let area = max(10, width - labelWidth - textWidth - 4)
    let top = stacks.map { max($0.won + $0.best, $0.quota ?? 0) }.max() ?? 0
    let scale = top > 0 ? Double(area - 1) / top : 0
    func cells(_ v: Double) -> Int { min(area - 1, Int((v * scale).rounded())) }

    var lines = ["█ won  ▓ commit  ░ rest of best case  │ quota"]
    for (i, s) in stacks.enumerated() {
      let a = cells(s.won), b = cells(s.won + s.commit), c = cells(s.won + s.best)
      var bar = Array(String(repeating: "█", count: a) + String(repeating: "▓", count: b - a))
      bar += Array(String(repeating: "░", count: c - b) + String(repeating: " ", count: area - c))
      if let q = s.quota { bar[cells(q)] = "│" }
      var text = String(bar)
      if options.color {
        text = text.map { ch -> String in
          switch ch {
          case "█": return TextStyle.cyan.apply(to: "█", when: true)
          case "│": return TextStyle.red.apply(to: "│", when: true)
          default: return String(ch)
          }
        }.joined()
      }
      lines.append(
        TerminalText.pad(labels[i], to: labelWidth, right: false) + "  " + text + "  "
          + TerminalText.pad(texts[i], to: textWidth, right: false))
    }
    if rows < table.rowCount {
      let footer = TableFooter.count(table.rowCount, "bar") + "; showing " + NumberFormat.grouped(String(rows))
      lines.append(TextStyle.dim.apply(to: footer, when: options.color))
    }
    return lines.map { $0.hasSuffix(" ") ? String($0.reversed().drop(while: { $0 == " " }).reversed()) : $0 }
      .joined(separator: "\n")
  }
}
