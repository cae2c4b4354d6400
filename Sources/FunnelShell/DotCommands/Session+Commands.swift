import FunnelData
import FunnelLanguage

extension Session {
  /// Runs `.name arguments` from the command table; an unknown name gets a
  /// suggestion, a wrong number of words the usage line.
  func runCommand(name: Identifier, arguments: String, span: Span, in source: SourceText) -> Bool {
    let bare = name.text.hasPrefix(".") ? String(name.text.dropFirst()) : name.text
    var nameSpan = name.span
    if !name.text.hasPrefix("."), nameSpan.column > 1,
      let line = source.line(nameSpan.line), line.unicodeScalars.dropFirst(nameSpan.column - 2).first == "."
    {
      // The caret covers the dot too: `.tabels`, not `tabels`.
      nameSpan = Span(
        line: nameSpan.line, column: nameSpan.column - 1, offset: nameSpan.offset - 1, length: nameSpan.length + 1)
    }
    guard let command = DotCommand.named(bare) else {
      var d = Diagnostic(message: "unknown command '.\(bare)'", span: nameSpan)
      if let near = DotCommand.dottedNames.nearest(to: "." + bare) { d.hints.append("did you mean '\(near)'?") }
      d.hints.append("'.help' lists the commands")
      report([d], in: source)
      return false
    }
    let invocation = CommandInvocation(
      text: arguments, span: span, words: CommandWord.split(arguments, at: span), source: source,
      nameSpan: nameSpan, usage: command.usage)
    if let range = command.argumentCount, !range.contains(invocation.words.count) {
      let expected: String
      if range.lowerBound == range.upperBound {
        expected = range.lowerBound == 0 ? "no arguments" : count(range.lowerBound, "argument")
      } else {
        expected = "\(range.lowerBound) to " + count(range.upperBound, "argument")
      }
      report([invocation.usageError(".\(command.name) takes \(expected)")], in: source)
      return false
    }
    do {
      try command.run(self, invocation)
      return true
    } catch {
      report(error, in: source)
      return false
    }
  }
}
