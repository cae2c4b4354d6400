import FunnelLanguage

extension DotCommand {
  /// `.mode FORMAT`: how results are written from now on.
  static let mode = DotCommand(
    name: "mode", arguments: [.format], usage: ".mode [FORMAT]",
    summary: "output format: table, csv, tsv, json, jsonl or markdown (alone: the current one)", argumentCount: 0...1
  ) { session, invocation in
    guard let word = invocation.words.first else {
      session.emit(session.format.rawValue + "\n")
      return
    }
    guard let format = OutputFormat(rawValue: word.text.lowercased()) else {
      var d = invocation.error("unknown format '\(word.text)'", at: word)
      d.suggest(word.text, among: OutputFormat.names)
      d.hints.append("formats are " + OutputFormat.names.joined(separator: ", "))
      throw d
    }
    session.format = format
  }
}
