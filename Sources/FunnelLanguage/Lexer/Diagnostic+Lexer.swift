/// The lexer's messages, beside the lexer.
extension Diagnostic {
  static func unknownCharacter(_ first: Unicode.Scalar, more: Int, at span: Span, hint: String?) -> Diagnostic {
    let what =
      more == 0 ? "unexpected character \(describe(first))" : "unexpected characters, starting with \(describe(first))"
    return Diagnostic(message: what, span: span, hints: hint.map { [$0] } ?? [])
  }

  static func unexpectedCharacters(_ text: String, at span: Span, hint: String) -> Diagnostic {
    Diagnostic(message: "unexpected '\(text)'", span: span, hints: [hint])
  }

  /// `'~'` for a printable character, `U+0007` for one that would not show.
  static func describe(_ s: Unicode.Scalar) -> String {
    let hidden: Bool
    switch s.properties.generalCategory {
    case .control, .format, .unassigned, .privateUse, .surrogate, .lineSeparator, .paragraphSeparator, .spaceSeparator:
      hidden = true
    default:
      hidden = s == "\u{FFFD}"
    }
    if hidden {
      let hex = String(s.value, radix: 16, uppercase: true)
      return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
    return "'\(s)'"
  }

  static func missingParameterName(at span: Span) -> Diagnostic {
    Diagnostic(message: "expected a parameter name after '$'", span: span, hints: ["a parameter is written $name"])
  }

  static func invalidNumber(_ text: String, at span: Span, hint: String) -> Diagnostic {
    Diagnostic(message: "invalid number '\(text)'", span: span, hints: [hint])
  }

  static func numberTooLarge(_ text: String, at span: Span) -> Diagnostic {
    Diagnostic(
      message: "number too large: '\(text)'", span: span, hints: ["whole numbers go up to 9223372036854775807"])
  }

  static func malformedDate(_ text: String, at span: Span) -> Diagnostic {
    Diagnostic(
      message: "invalid date '\(text)'", span: span, hints: ["a date is written @YYYY-MM-DD, as in @2026-01-31"])
  }

  static func invalidDate(_ text: String, at span: Span, hint: String) -> Diagnostic {
    Diagnostic(message: "invalid date '\(text)'", span: span, hints: [hint])
  }

  static func unknownEscape(_ text: String, at span: Span) -> Diagnostic {
    Diagnostic(
      message: "unknown escape '\(text)' in a string", span: span,
      hints: ["the escapes are \\n \\t \\\" \\' \\\\"])
  }

  static func unterminatedString(at span: Span, quote: UInt8) -> Diagnostic {
    let q = String(decoding: [quote], as: UTF8.self)
    return Diagnostic(message: "unterminated string", span: span, hints: ["close it with \(q)"])
  }

  static func unterminatedName(at span: Span) -> Diagnostic {
    Diagnostic(message: "unterminated name in backquotes", span: span, hints: ["close it with `"])
  }

  static func emptyQuotedName(at span: Span) -> Diagnostic {
    Diagnostic(message: "empty name in backquotes", span: span)
  }

  static func inputTooLong(at span: Span) -> Diagnostic {
    Diagnostic(message: "the input is too long to read (more than \(Lexer.maxTokens) tokens)", span: span)
  }

  static func tooManyProblems(at span: Span?) -> Diagnostic {
    Diagnostic(message: "too many errors; stopped reading here", span: span)
  }
}
