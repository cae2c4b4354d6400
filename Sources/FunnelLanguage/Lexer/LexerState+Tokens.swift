extension LexerState {
  static func isASCIILetter(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
  }

  static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  /// Spaces other than ASCII ones (a non-breaking space pasted from a document,
  /// a byte-order mark) separate tokens like a space does.
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s == "\u{FEFF}" || s.properties.generalCategory == .spaceSeparator
  }

  /// Whether a name can start at byte `i`: a letter (any script) or `_`.
  func isNameStart(at i: Int) -> Bool {
    guard let b = byte(at: i) else { return false }
    if b < 0x80 { return LexerState.isASCIILetter(b) || b == UInt8(ascii: "_") }
    return scalar(at: i).properties.isAlphabetic
  }

  func isNameContinue(at i: Int) -> Bool {
    guard let b = byte(at: i) else { return false }
    return LexerState.isDigit(b) || isNameStart(at: i)
  }

  /// Reads one token that is not a space, newline, comment or command.
  mutating func lexToken() {
    guard let b = current else { return }
    if isNameStart(at: index) { return lexWord() }
    if LexerState.isDigit(b) { return lexNumber() }
    switch b {
    case UInt8(ascii: "\""), UInt8(ascii: "'"): return lexString(quote: b)
    case UInt8(ascii: "`"): return lexQuotedName()
    case UInt8(ascii: "@"): return lexDate()
    case UInt8(ascii: "$"): return lexParameter()
    default: break
    }
    let start = mark
    let pair = next
    func two(_ kind: TokenKind, _ text: String) {
      advance()
      advance()
      emit(kind, text, from: start)
    }
    func one(_ kind: TokenKind, _ text: String) {
      advance()
      emit(kind, text, from: start)
    }
    switch b {
    case UInt8(ascii: "=") where pair == UInt8(ascii: "="): two(.equal, "==")
    case UInt8(ascii: "="): one(.assign, "=")
    case UInt8(ascii: "!") where pair == UInt8(ascii: "="): two(.notEqual, "!=")
    case UInt8(ascii: "<") where pair == UInt8(ascii: "="): two(.lessOrEqual, "<=")
    case UInt8(ascii: "<") where pair == UInt8(ascii: ">"):
      two(.invalid, "<>")
      report(.unexpectedCharacters("<>", at: span(from: start), hint: "use '!=' for 'not equal'"))
    case UInt8(ascii: "<"): one(.less, "<")
    case UInt8(ascii: ">") where pair == UInt8(ascii: "="): two(.greaterOrEqual, ">=")
    case UInt8(ascii: ">"): one(.greater, ">")
    case UInt8(ascii: "?") where pair == UInt8(ascii: "?"): two(.coalesce, "??")
    case UInt8(ascii: "+"): one(.plus, "+")
    case UInt8(ascii: "-"): one(.minus, "-")
    case UInt8(ascii: "*"): one(.star, "*")
    case UInt8(ascii: "/"): one(.slash, "/")
    case UInt8(ascii: "%"): one(.percent, "%")
    case UInt8(ascii: "|"): one(.pipe, "|")
    case UInt8(ascii: ","): one(.comma, ",")
    case UInt8(ascii: ";"): one(.semicolon, ";")
    case UInt8(ascii: "("): one(.leftParen, "(")
    case UInt8(ascii: ")"): one(.rightParen, ")")
    case UInt8(ascii: "["): one(.leftBracket, "[")
    case UInt8(ascii: "]"): one(.rightBracket, "]")
    default: lexUnknown()
    }
  }

  mutating func lexWord() {
    let start = mark
    while isNameContinue(at: index) { advance() }
    emit(.word, text(from: start.index, to: index), from: start)
  }

  mutating func lexParameter() {
    let start = mark
    advance()
    guard isNameStart(at: index) else {
      emit(.invalid, "$", from: start)
      report(.missingParameterName(at: span(from: start)))
      return
    }
    let nameStart = index
    while isNameContinue(at: index) { advance() }
    emit(.parameter, text(from: nameStart, to: index), from: start)
  }

  /// A run of characters that start no token, reported once.
  mutating func lexUnknown() {
    let start = mark
    let first = scalar(at: index)
    advance()
    var more = 0
    while let b = current, !LexerState.startsSomething(b), !isNameStart(at: index),
      !(b >= 0x80 && LexerState.isSpace(scalar(at: index)))
    {
      advance()
      more += 1
    }
    let hint = unknownCharacterHint(first, at: start)
    emit(.invalid, text(from: start.index, to: index), from: start)
    report(.unknownCharacter(first, more: more, at: span(from: start), hint: hint))
  }

  /// Bytes that begin a token, a space or a comment: an unknown run stops before them.
  static func startsSomething(_ b: UInt8) -> Bool {
    if isDigit(b) { return true }
    switch b {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "#"),
      UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "@"), UInt8(ascii: "$"),
      UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "-"),
      UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "|"), UInt8(ascii: ","),
      UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
      return true
    default:
      return false
    }
  }

  func unknownCharacterHint(_ s: Unicode.Scalar, at start: Mark) -> String? {
    switch s {
    case "!": return "use 'not' to negate, '!=' for 'not equal'"
    case "&": return "use 'and'"
    case "?": return "use '??' to give a default for null"
    case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}": return "use plain quotes \" or ' around text"
    case ".":
      if let last = tokens.last, last.endOffset == start.index, last.kind == .word || last.kind == .quotedName {
        return "a name with dots is written in backquotes, as in `emp.var.rate`"
      }
      if start.index + 1 < bytes.count, LexerState.isDigit(bytes[start.index + 1]) {
        return "write a leading zero, as in 0.5"
      }
      if tokens.last.map({ $0.kind == .newline }) ?? true {
        return "a shell command such as .help must start a statement"
      }
      return nil
    default: return nil
    }
  }
}
