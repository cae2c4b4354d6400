import FunnelData
import FunnelLanguage

extension DotCommand {
  /// `.save NAME PATH`: writes a dataset (format from the extension), atomically.
  static let save = DotCommand(
    name: "save", arguments: [.dataset, .path], usage: ".save NAME PATH",
    summary: "write a dataset to a .csv .tsv .json .jsonl or .md file", argumentCount: 2...2
  ) { session, invocation in
    let (nameWord, pathWord) = (invocation.words[0], invocation.words[1])
    guard let table = session.catalog.dataset(nameWord.text) else {
      var d = invocation.error("unknown dataset '\(nameWord.text)'", at: nameWord)
      d.suggest(nameWord.text, among: session.catalog.datasetNames)
      throw d
    }
    guard FileFormat(path: pathWord.text) != nil else {
      throw invocation.error(
        "cannot tell the format of '\(pathWord.text)'", at: pathWord,
        hints: ["end the path with " + FileFormat.knownExtensions.joined(separator: " ")])
    }
    do {
      try TableWriter.write(
        table, to: pathWord.text, options: session.catalog.saveOptions, cancellation: session.cancellation)
    } catch let error as FileError {
      throw invocation.error(error.description, at: pathWord)
    }
    if session.interactive { session.note("wrote " + Counts.of(table.rowCount, "row") + " to \(pathWord.text)") }
  }
}
