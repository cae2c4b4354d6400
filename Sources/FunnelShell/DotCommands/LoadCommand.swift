import FunnelData
import FunnelLanguage
import FunnelSQL

extension DotCommand {
  /// `.load NAME PATH [with ...] [map ...]`: reads a CSV, TSV, JSON or JSONL
  /// file (plain, gzipped or zipped), or a sheet of an Excel workbook.
  static let load = DotCommand(
    name: "load", arguments: [.name, .path, .value],
    usage:
      ".load NAME PATH [with sep=\";\", null=\"NA\", date=\"%d/%m/%Y\", decimal=\",\", bool=\"yes/no\", sheet=\"Deals\", skip=2, entry=\"leads.csv\", types COL=TYPE ...] [map NEW = OLD, ...]",
    summary: "read a CSV, TSV, JSON, JSONL or Excel (.xlsx) file as a dataset", argumentCount: nil
  ) { session, invocation in
    let words = CommandWord.split(invocation.text, at: invocation.span, punctuation: true)
    let request = try LoadArguments.parse(words, usage: invocation.usage, at: invocation.nameSpan)
    let loaded: (rows: Int, columns: Int)
    do {
      loaded = try session.load(name: request.name, path: request.path, options: request.options, map: request.map)
    } catch let error as FileError {
      // Positioned at the path in the script, naming the file's own line.
      throw Diagnostic(message: error.description, span: words.count > 1 ? words[1].span : invocation.nameSpan)
    } catch let exceeded as MemoryLimitExceeded {
      throw session.memoryDiagnostic(exceeded, at: words.count > 1 ? words[1].span : invocation.nameSpan)
    }
    if session.interactive {
      var place = ""
      if let remote = session.remote {
        place = remote.dialect == .postgres ? " (a temporary table on the server)" : " (a temporary view on the server)"
      }
      session.note(
        "\(request.name): " + Counts.of(loaded.rows, "row") + ", " + Counts.of(loaded.columns, "column") + place)
    }
  }
}
