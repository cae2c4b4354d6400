extension LexerState {
  /// `42`, `1_000_000`, `3.5`, and durations `30d 6w 3mo 1y` (a whole number
  /// immediately followed by its unit).
  mutating func lexNumber() {
    let start = mark
    skipDigits()
    var hasFraction = false
    if current == UInt8(ascii: "."), let n = next, LexerState.isDigit(n) {
      hasFraction = true
      advance()
      skipDigits()
    }
    let numberEnd = index
    let suffixStart = index
    while isNameContinue(at: index) { advance() }
    let written = text(from: start.index, to: index)
    let digits = text(from: start.index, to: numberEnd)
    let suffix = text(from: suffixStart, to: index)

    guard LexerState.separatorsAreValid(digits) else {
      emit(.invalid, written, from: start)
      return report(.invalidNumber(written, at: span(from: start), hint: "'_' goes between digits, as in 1_000_000"))
    }
    if suffix.isEmpty {
      if hasFraction { return emit(.number, written, from: start) }
      guard Int64(Token.digits(digits)) != nil else {
        emit(.invalid, written, from: start)
        return report(.numberTooLarge(written, at: span(from: start)))
      }
      return emit(.integer, written, from: start)
    }
    guard !hasFraction, Duration.Unit(rawValue: suffix) != nil else {
      emit(.invalid, written, from: start)
      return report(
        .invalidNumber(
          written, at: span(from: start), hint: "a duration is a whole number and a unit: 30d, 6w, 3mo, 1y"))
    }
    guard Int64(Token.digits(digits)) != nil else {
      emit(.invalid, written, from: start)
      return report(.numberTooLarge(written, at: span(from: start)))
    }
    emit(.duration, written, from: start)
  }

  private mutating func skipDigits() {
    while let b = current, LexerState.isDigit(b) || b == UInt8(ascii: "_") { advance() }
  }

  /// `_` only between two digits.
  static func separatorsAreValid(_ digits: String) -> Bool {
    let bytes = Array(digits.utf8)
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "_") {
      guard i > 0, i + 1 < bytes.count, isDigit(bytes[i - 1]), isDigit(bytes[i + 1]) else { return false }
    }
    return true
  }

  /// `@2026-01-31`, checked against the calendar.
  mutating func lexDate() {
    let start = mark
    advance()
    while let b = current, LexerState.isDigit(b) || b == UInt8(ascii: "-") { advance() }
    while isNameContinue(at: index) { advance() }
    let written = text(from: start.index, to: index)
    guard let f = CivilCalendar.fields(of: written.dropFirst()) else {
      emit(.invalid, written, from: start)
      return report(.malformedDate(written, at: span(from: start)))
    }
    guard CivilCalendar.isValid(year: f.year, month: f.month, day: f.day) else {
      emit(.invalid, written, from: start)
      let hint =
        (1...12).contains(f.month)
        ? "\(written.dropFirst().prefix(7)) has \(CivilCalendar.daysInMonth(f.month, of: f.year)) days"
        : "months run from 01 to 12"
      return report(.invalidDate(written, at: span(from: start), hint: hint))
    }
    emit(.date, written, from: start)
  }

  /// `"text"` or `'text'` with escapes `\n \t \" \' \\`; may run over lines.
  mutating func lexString(quote: UInt8) {
    let start = mark
    advance()
    var value: [UInt8] = []
    var valid = true
    while let b = current {
      if b == quote {
        advance()
        if valid {
          emit(.string, String(decoding: value, as: UTF8.self), from: start)
        } else {
          emit(.invalid, "", from: start)
        }
        return
      }
      if b == UInt8(ascii: "\\"), let escaped = next {
        let escapeStart = mark
        switch escaped {
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): value.append(escaped)
        default:
          valid = false
          advance()
          advance()
          report(.unknownEscape(text(from: escapeStart.index, to: index), at: span(from: escapeStart)))
          continue
        }
        advance()
        advance()
        continue
      }
      value.append(b)
      index += 1
      if b == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    openLiteral(.string(quote: Character(Unicode.Scalar(quote))), at: start)
    unterminated(
      from: start,
      report: .unterminatedString(
        at: Span(line: start.line, column: start.column, offset: start.index, length: 1), quote: quote))
  }

  /// `` `a name` `` (a name with spaces, dots, or that is a keyword).
  mutating func lexQuotedName() {
    let start = mark
    advance()
    let nameStart = index
    while let b = current, b != UInt8(ascii: "`") { advance() }
    guard current != nil else {
      openLiteral(.quotedName, at: start)
      return unterminated(
        from: start,
        report: .unterminatedName(at: Span(line: start.line, column: start.column, offset: start.index, length: 1)))
    }
    let name = text(from: nameStart, to: index)
    advance()
    if name.isEmpty {
      emit(.invalid, "``", from: start)
      return report(.emptyQuotedName(at: span(from: start)))
    }
    emit(.quotedName, name, from: start)
  }

  /// Records the first literal left open: everything after its quote is in it.
  private mutating func openLiteral(_ literal: Unfinished.Literal, at start: Mark) {
    guard unfinished.literal == nil else { return }
    unfinished.literal = literal
    unfinished.literalStart = start.index
  }

  /// An opening quote with no close before the end: report it at the quote and
  /// go on from the end of that line, so the following lines are still read.
  private mutating func unterminated(from start: Mark, report diagnostic: Diagnostic) {
    index = start.index
    line = start.line
    column = start.column
    while let b = current, b != UInt8(ascii: "\n") { advance() }
    emit(.invalid, text(from: start.index, to: index), from: start)
    report(diagnostic)
  }
}
