import FunnelData
import FunnelEngine
import FunnelRender

extension Session {
  /// Shows what a statement produced, as the format and the terminal ask:
  ///
  /// - a table at a terminal in `table` mode fits the window (width, rows,
  ///   colour), with a funnel chart below it when the engine asks for one;
  /// - `table` mode elsewhere (a pipe, an `.output` file) draws every row
  ///   and column without colour; bar and line charts still follow;
  /// - machine formats carry raw values through `TableWriter`;
  /// - in `html` each result becomes a section of one page, written when
  ///   the output ends (`Session+Report`);
  /// - bindings print nothing, except a one-line note at the prompt.
  ///
  /// Text for people (table, markdown) and anything at a terminal shows
  /// control and bidi characters visibly (`\u{1B}`); csv, tsv and json into a
  /// pipe or a file keep the exact bytes. Big results are written a piece
  /// at a time, never held whole as text, and Ctrl-C stops between pieces
  /// (throws `Cancelled`).
  func show(_ outcome: Outcome) throws {
    switch outcome {
    case .table(let table, let chart):
      try show(table, chart: chart)
    case .scalar(let value, let hint):
      if format == .html {
        addToReport(text: VisibleText.escaped(NumberFormat.display(value, hint: hint)))
        return
      }
      emit(scalarText(value, hint: hint) + "\n")
    case .boundDataset(let name, let rows, let columns):
      if interactive && terminal.stderrIsTerminal {
        note("\(name): " + count(rows, "row") + ", " + count(columns, "column"))
      }
    case .boundScalar(let name, let value):
      if interactive && terminal.stderrIsTerminal {
        note("\(name) = " + NumberFormat.display(value, hint: .plain))
      }
    case .definedMetric(let name):
      if interactive && terminal.stderrIsTerminal { note("metric \(name)() defined") }
    }
  }

  func show(_ table: Table, chart: ChartRequest?) throws {
    if format == .html {
      addToReport(table, chart: chart)
      return
    }
    if let fileFormat = format.fileFormat {
      // Each piece is whole rows ending in a newline.
      try TableWriter.encode(table, as: fileFormat, options: writeOptions()) { piece in
        try cancellation.check()
        if !piece.isEmpty { emit(piece) }
      }
      return
    }
    try TableRenderer.render(table, options: renderOptions()) { piece in
      try cancellation.check()
      emit(piece)
    }
    guard let chart else { return }
    switch chart.kind {
    case .funnel:
      // A funnel chart is a picture for a person; pipes get the table only.
      guard resultsAtTerminal else { return }
      emit("\n" + ChartRenderer.render(table, chart: chart, options: renderOptions()) + "\n")
    case .bar, .line, .forecast, .bullet:
      // Plain text in a pipe (renderOptions has no colour there), so a
      // script's chart is part of its output.
      emit("\n" + ChartRenderer.render(table, chart: chart, options: renderOptions()) + "\n")
    }
  }

  /// The window at a terminal (rows − 6 for prompt and footer, at least 10);
  /// no limits and no colour anywhere else.
  func renderOptions() -> RenderOptions {
    guard resultsAtTerminal else { return RenderOptions(width: nil, maxRows: nil, color: false) }
    let size = TerminalInfo.size(environment: environment)
    return RenderOptions(width: size.columns, maxRows: max(10, size.rows - 6), color: terminal.colorOut)
  }

  /// How machine formats write results: formulas guarded when asked,
  /// controls visible when the results reach a terminal.
  func writeOptions() -> WriteOptions {
    WriteOptions(safeFormulas: safeCSV, visibleControls: resultsAtTerminal)
  }

  /// A scalar result: as a table cell in `table` mode, else its raw text,
  /// with controls visible for people (markdown, a terminal) and a formula
  /// guarded in safe csv and tsv.
  func scalarText(_ value: Value, hint: DisplayHint) -> String {
    guard format != .table else {
      return VisibleText.escaped(NumberFormat.display(value, hint: hint))
    }
    var text = value.rawText
    if case .string = value, safeCSV, format == .csv || format == .tsv { text = WriteOptions.guardingFormula(text) }
    return format == .markdown || resultsAtTerminal ? VisibleText.escaped(text) : text
  }

  func count(_ n: Int, _ noun: String) -> String { Counts.of(n, noun) }
}
