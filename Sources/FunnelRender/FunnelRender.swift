/// FunnelRender: turns a `Table` into text for a terminal, or into SVG and
/// HTML for a page. It returns strings and never prints; the shell decides
/// the width, the row limit and whether colour (ANSI SGR) is wanted, and
/// passes them in `RenderOptions`.
///
/// In order of use:
/// 1. `Formats/`: `NumberFormat` (one cell → display text: thousands
///    separators, money with 2 decimals, rates as percentages, ISO dates,
///    periods), `DisplayWidth` (terminal columns of a string, East Asian wide
///    and emoji as 2, truncation with `…`), `TextStyle` (SGR codes, applied
///    only when colour is on).
/// 2. `Tables/`: `RowWindow` (which rows fit: head and tail), `CellText`
///    (one cell as shown), `ColumnLayout` (each column's alignment and
///    natural width, measured without keeping the text), `ColumnFit` (widths
///    at a terminal width: truncate text, then hide columns from the right),
///    `TableFooter` (row count, hidden columns), `TableRenderer` (the whole,
///    written a piece at a time).
/// 3. `Charts/`: `ChartColumns` (which columns a chart draws), `BarChart`,
///    `LineChart` (sparklines per series), `FunnelChart` (centred bars
///    narrowing step by step), `ChartRenderer` (the entry point).
/// 4. `SVG/`: the same charts as SVG, from the same data the text charts
///    select (`SVGChartRenderer`, one drawer per kind, on an `SVGCanvas`),
///    with `Markup` escaping text from the data.
/// 5. `HTML/`: `HTMLTable` and `HTMLReport`, one self-contained page of
///    results with their charts (`--format html`, `save "x.html"`).
///
/// Machine formats (csv, json, ...) carry raw values and are written by
/// FunnelData's `TableWriter`, not here. Whatever the format, text shown to
/// a person has its control and bidirectional characters made visible, in
/// FunnelData's `VisibleText` notation (`\u{1B}`, `\u{202E}`).
public enum FunnelRenderLibrary {
  public static let version = "0.1.0"
}
