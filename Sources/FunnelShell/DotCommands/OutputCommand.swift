import FunnelLanguage

extension DotCommand {
  /// `.output [PATH]`: results to a file until `.output` alone.
  static let output = DotCommand(
    name: "output", arguments: [.path], usage: ".output [PATH]",
    summary: "send results to a file until '.output' alone",
    argumentCount: 0...1
  ) { session, invocation in
    // An html page gathered so far belongs to the output it was meant for.
    session.writeReport()
    if let open = session.outputFile {
      session.outputFile = nil
      try open.close()
    }
    guard let word = invocation.words.first else { return }
    do {
      session.outputFile = try OutputFile(path: word.text)
    } catch let error as OutputFileError {
      throw invocation.error(error.message, at: word)
    }
  }
}
