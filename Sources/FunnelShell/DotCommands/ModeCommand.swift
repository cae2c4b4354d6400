import FunnelLanguage

extension DotCommand {
  /// `.mode FORMAT [safe]`: how results are written from now on.
  static let mode = DotCommand(
    name: "mode", arguments: [.format, .formatOption], usage: ".mode [FORMAT [safe]]",
    summary: "output format: table, csv, tsv, json, jsonl, markdown or html; csv safe guards formulas (alone: show it)",
    details: """
      .mode csv        raw values as csv, from the next result on
      .mode csv safe   csv where text starting with = + - @, a tab or a carriage
                       return gets a leading ' so a spreadsheet never runs it as a
                       formula; numbers are left alone (-42 is a number there too).
                       save "x.csv" and .save guard it too; same for .mode tsv safe
      .mode html       every result from now on (its table, its chart as SVG) goes on
                       one HTML page, headed by the script's comments, written when the
                       output ends: at .output, at a .mode other than html, or on exit;
                       save "x.html" writes one result as a page, save "x.svg" its chart
      .mode            shows the current mode
      In table and markdown, and in every format at a terminal, control and
      bidirectional characters show as \\n \\r \\t \\u{1B} \\u{202E} (json: \\u001b),
      so a value cannot drive the terminal; csv, tsv and json into a pipe or
      a file keep the exact bytes.
      """,
    argumentCount: 0...2
  ) { session, invocation in
    guard let word = invocation.words.first else {
      let safe = session.safeCSV && (session.format == .csv || session.format == .tsv)
      session.emit(session.format.rawValue + (safe ? " safe" : "") + "\n")
      return
    }
    guard let format = OutputFormat(rawValue: word.text.lowercased()) else {
      var d = invocation.error("unknown format '\(word.text)'", at: word)
      d.suggest(word.text, among: OutputFormat.names)
      d.hints.append("formats are " + OutputFormat.names.joined(separator: ", "))
      throw d
    }
    var safe = false
    if invocation.words.count == 2 {
      let option = invocation.words[1]
      guard option.text.lowercased() == "safe" else {
        throw invocation.error(
          "unknown option '\(option.text)' for .mode", at: option,
          hints: ["the only option is 'safe', for csv and tsv: .mode csv safe"])
      }
      guard format == .csv || format == .tsv else {
        throw invocation.error(
          "'safe' applies to csv and tsv, not \(format.rawValue)", at: option,
          hints: ["spreadsheets open csv and tsv; .mode csv safe guards formulas there"])
      }
      safe = true
    }
    if format != .html { session.writeReport() }
    session.format = format
    session.safeMode = safe
  }
}
