extension DotCommand {
  /// `.history`: the statements entered at the prompt, numbered.
  static let history = DotCommand(
    name: "history", usage: ".history", summary: "list the statements entered at the prompt",
    argumentCount: 0...0
  ) { session, _ in
    let width = String(session.history.count).count
    var text = ""
    for (i, entry) in session.history.enumerated() {
      let number = String(i + 1)
      let indent = String(repeating: " ", count: width + 2)
      let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
      text += String(repeating: " ", count: width - number.count) + number + "  " + lines[0] + "\n"
      for line in lines.dropFirst() { text += indent + line + "\n" }
    }
    session.emit(text)
  }
}
