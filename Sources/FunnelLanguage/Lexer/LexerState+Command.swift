extension LexerState {
  /// `.name rest of the line` at the start of a statement: the shell parses the
  /// rest. It ends at the end of the line, at a `;` outside quotes (so
  /// `-c '.mode csv; deals | take 3'` holds two statements) or at a `#` comment
  /// outside quotes that follows a space.
  mutating func lexCommand() {
    let start = mark
    advance()
    let nameStart = index
    while let b = current,
      LexerState.isASCIILetter(b) || LexerState.isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    {
      advance()
    }
    emit(.command, text(from: nameStart, to: index), from: start)

    // The arguments, as written, trimmed of spaces at both ends.
    while let b = current, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { advance() }
    let argumentsStart = mark
    var lastContent = argumentsStart
    var quote: UInt8? = nil
    var previous: UInt8 = UInt8(ascii: " ")
    while let b = current, b != UInt8(ascii: "\n") {
      if let q = quote {
        if b == UInt8(ascii: "\\") {
          advance()
          if let n = current, n != UInt8(ascii: "\n") { advance() }
          lastContent = mark
          continue
        }
        if b == q { quote = nil }
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        quote = b
      } else if b == UInt8(ascii: ";") {
        break
      } else if b == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) {
        break
      }
      previous = b
      advance()
      if b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") && b != UInt8(ascii: "\r") { lastContent = mark }
    }
    let resume = mark
    // Emit the trimmed arguments with their own span, then carry on after them.
    index = lastContent.index
    line = lastContent.line
    column = lastContent.column
    emit(.commandArguments, text(from: argumentsStart.index, to: lastContent.index), from: argumentsStart)
    index = resume.index
    line = resume.line
    column = resume.column
    atStatementStart = false
  }
}
